// Admin panel journeys in Debian Chromium (playwright-core). Called from run.mjs with its `check` and
// `expect`, against the built API that serves the panel at /admin (dist/apps/admin/browser).
// Standalone: `node apps/browser-e2e/admin.mjs http://127.0.0.1:3000` against a running server.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..', '..');
export const SCHOOL = { email: 'gymnasium@demo.socium.local', password: 'demo-school-2020' };
export const COORDINATOR = { email: 'coordinator@demo.socium.local', password: 'demo-coordinator-2020' };
export const PARTNER = { email: 'tapart@demo.socium.local', password: 'demo-partner-2020' };

/**
 * The API as `who` (one log-in): `send(method, url, body)` under `/api/v1`, the parsed answer (null for 204), and an
 * error naming the request, its status and its body when the answer is not 2xx. For the journeys' own setup and
 * read-backs, which must not go through the panel they test.
 */
export async function apiAs(apiBase, who) {
  const call = async (method, url, token, body) => {
    const res = await fetch(`${apiBase}/api/v1${url}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return res.status === 204 || text === '' ? null : JSON.parse(text);
  };
  const { accessToken } = await call('POST', '/auth/login', null, who);
  return { token: accessToken, send: (method, url, body) => call(method, url, accessToken, body) };
}

/**
 * Shifts the context's clock (`new Date()`, `Date.now()`) to `today` with time still flowing (a frozen clock stops
 * animation frames and debounced searches): the panel's "today" then agrees with the server's SOCIUM_TODAY.
 */
export async function pinClock(context, today) {
  await context.addInitScript((target) => {
    const Real = Date;
    const offset = target - Real.now();
    class Shifted extends Real {
      constructor(...args) {
        super(...(args.length ? args : [Real.now() + offset]));
      }
      static now() {
        return Real.now() + offset;
      }
    }
    globalThis.Date = Shifted;
  }, today.getTime());
}

/** Opens the panel in a new context; `width` 1366 (desktop) or 390 (phone); `today` pins the browser's clock. */
export async function openAdmin(browser, apiBase, { width = 1280, locale = 'ru-RU', today } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  if (today) await pinClock(context, today);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${apiBase}/admin/`);
  return { page, context, errors };
}

export async function logIn(page, { email, password }) {
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('user-card').waitFor({ state: 'attached', timeout: 15000 });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical axe-core violations of the page as it is now, one line each (rule: target). Angular
 * Material's snack bar is left out: while it announces a toast its live region is briefly aria-hidden around the
 * toast's action button (the library's own, transient). Evaluated in the page, since its CSP forbids injected scripts.
 * `include`: a selector to check only that part (a screen's own content, not the shell).
 */
export async function axeViolations(page, { include } = {}) {
  // colours are read as painted: a fading hint or an opening pop-up would be judged half-transparent
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      null,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (only) =>
      window.axe.run(
        { ...(only ? { include: [[only]] } : {}), exclude: [['.mat-mdc-snack-bar-container']] },
        { resultTypes: ['violations'] },
      ),
    include ?? null,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** How many pixels the page scrolls sideways (0 when it fits; wide tables scroll inside their own region). */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

/** Waits until `probe()` answers true (a list settled after a search, a form filled from the server). */
export async function until(probe, what, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Expects the page not to scroll sideways at `width` (built on sidewaysOverflow). */
export async function fits(page, width, expect, what) {
  const overflow = await sidewaysOverflow(page);
  expect(overflow === 0, `${what} scrolls sideways by ${overflow} px at ${width} px`);
}

/** Switches the language with the panel's own menu (no reload: the shown dates re-render in place). */
export async function switchTo(page, name) {
  await page.getByRole('button', { name: /^(Язык|Тел|Language): / }).click();
  await page.getByRole('menuitem', { name }).click();
  await page.locator('.mat-mdc-menu-panel').waitFor({ state: 'detached' });
}

/**
 * Fills the open placement form with a week of term time (7–11 Dec 2026) of a 14-year-old (born 01.06.2012) at the
 * employment centre, the student's `code` and the shift `from`–`to`; the hours are left to the caller.
 */
export async function fillTermPlacement(page, { code, from, to }) {
  await page.getByTestId('plf-employer').click();
  await page
    .getByRole('option')
    .filter({ hasText: /^\s*Центр занятости\s*$/ })
    .click();
  await page.getByTestId('plf-job').fill('Помощник библиотекаря');
  await page.getByTestId('plf-student-code').fill(code);
  await page.getByTestId('plf-birth').fill('2012-06-01');
  await page.getByTestId('plf-starts').fill('2026-12-07');
  await page.getByTestId('plf-ends').fill('2026-12-11');
  await page.getByTestId('plf-shift-starts').fill(from);
  await page.getByTestId('plf-shift-ends').fill(to);
}

export async function screenshot(page, name) {
  const dir = path.join(root, 'tmp', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

export async function adminJourneys({ browser, apiBase, check, expect }) {
  await check(
    'admin: a school administrator logs in, sees agreements, the embed snippet and the 2019-2020 totals',
    async () => {
      const { page, context, errors } = await openAdmin(browser, apiBase);
      try {
        await logIn(page, SCHOOL);
        await page
          .getByTestId('user-card')
          .getByText(/Уруссинская гимназия/)
          .waitFor({ timeout: 10000 });
        const card = await page.getByTestId('user-card').innerText();
        expect(
          card.includes('Уруссинская гимназия') && card.includes('Администратор школы'),
          `user card lacks organisation or role: ${card}`,
        );
        // the landing page is the dashboard; the agreements are one click away
        await page.getByRole('heading', { name: 'Панель управления' }).waitFor({ timeout: 10000 });
        await page.getByRole('link', { name: 'Договоры' }).click();
        await page.getByTestId('agreements-table').waitFor({ timeout: 10000 });
        const rows = await page.locator('[data-testid="agreements-table"] tr.mat-mdc-row').count();
        expect(rows > 0, 'no agreements listed');
        await screenshot(page, 'admin-agreements.png');

        await page.getByRole('link', { name: 'Публикация' }).click();
        const snippet = page.getByTestId('embed-snippet');
        await snippet.waitFor({ timeout: 10000 });
        const code = await snippet.innerText();
        expect(code.includes('org="urussu-gymnasium"'), `snippet lacks the slug: ${code}`);
        expect(code.includes(`${apiBase}/widget.js`), `snippet lacks the widget URL: ${code}`);
        await page
          .locator('[data-testid="widget-preview"] socium-widget')
          .getByText('Уруссинская гимназия')
          .first()
          .waitFor({ timeout: 10000 });

        await page.getByRole('link', { name: 'Отчёты' }).click();
        // the report's periods follow the year picker; its first choice is the academic year itself
        await page.getByTestId('period-picker').click();
        await page.getByRole('option', { name: '2019/2020 учебный год' }).click();
        await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
        await page.getByTestId('report-period-heading').getByText('2019-2020').waitFor({ timeout: 10000 });
        const totals = await page.getByTestId('report-totals').innerText();
        expect(totals.includes('Проведено мероприятий'), `totals table lacks indicators: ${totals.slice(0, 200)}`);
        expect(/\d/.test(totals), 'totals show no figures');
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 15000 }),
          page.getByTestId('report-download-csv').click(),
        ]);
        expect(
          download.suggestedFilename() === 'socium-report-2019-2020.csv',
          `unexpected file ${download.suggestedFilename()}`,
        );
        await screenshot(page, 'admin-reports.png');
        expect(errors.length === 0, errors.join('\n'));
      } finally {
        await context.close();
      }
    },
  );

  await check('admin: the coordinator returns a submitted plan with a comment', async () => {
    const { page, context, errors } = await openAdmin(browser, apiBase);
    try {
      await logIn(page, COORDINATOR);
      await page.getByRole('link', { name: 'Планы' }).click();
      // The demo has a plan submitted in the current academic year (the default); else look through the years.
      const submittedRow = () => page.locator('[data-testid="plans-table"] tr', { hasText: 'На утверждении' }).first();
      await page.getByTestId('plans-table').or(page.locator('.empty')).first().waitFor({ timeout: 10000 });
      let found = (await submittedRow().count()) > 0;
      await page.getByTestId('period-picker').click();
      const years = await page.getByRole('option').count();
      await page.keyboard.press('Escape');
      await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
      for (let i = 0; !found && i < years; i++) {
        await page.getByTestId('period-picker').click();
        await page.getByRole('option').nth(i).click();
        await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
        await page.waitForTimeout(500);
        found = (await submittedRow().count()) > 0;
      }
      if (found) await submittedRow().locator('a').first().click();
      expect(found, 'no submitted plan in any year');
      await page.getByTestId('plan-return-comment').waitFor({ timeout: 10000 });
      await page.getByTestId('plan-return-comment').fill('Добавьте мероприятия с колледжем во втором полугодии');
      await page.getByTestId('plan-return').click();
      await page.getByTestId('plan-status').getByText('Возвращён на доработку').waitFor({ timeout: 10000 });
      await screenshot(page, 'admin-plan-returned.png');
      expect(errors.length === 0, errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  await check(
    'admin: a school administrator sees a flagged activity text on the Publication page and confirms it',
    async () => {
      const call = async (method, url, token, body) => {
        const res = await fetch(`${apiBase}/api/v1${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json = await res.json();
        if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      const login = await fetch(`${apiBase}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(COORDINATOR),
      }).then((r) => r.json());
      const token = login.accessToken;
      const orgs = await call('GET', '/organisations?limit=100', token);
      const school = orgs.items.find((o) => o.slug === 'urussu-gymnasium');
      const dirs = await call('GET', '/directions?limit=100', token);
      const plan = await call('POST', '/plans', token, { organisationId: school.id, academicYear: '2030-2031' });
      const title = 'Встреча с победителем олимпиады: Иванов Пётр, 8Б';
      const activity = await call('POST', `/plans/${plan.id}/activities`, token, {
        title,
        directionId: dirs.items[0].id,
        form: 'excursion',
        startsOn: '2030-10-15',
        targetGrades: [8],
        venue: 'Актовый зал',
        isPublic: true,
      });
      expect(activity.publicTextFlags.length > 0, 'the demo title was not flagged');

      const { page, context, errors } = await openAdmin(browser, apiBase);
      try {
        await logIn(page, SCHOOL);
        await page.getByRole('link', { name: 'Публикация' }).click();
        const item = page.getByTestId('public-text-item').filter({ hasText: 'Иванов Пётр' });
        await item.waitFor({ timeout: 10000 });
        const text = await item.innerText();
        expect(text.includes('Найдено: имя человека'), `the finding is not named: ${text}`);
        await screenshot(page, 'admin-public-text.png');
        await item.getByTestId('public-text-confirm').click();
        await item.waitFor({ state: 'detached', timeout: 10000 });
        const stored = await call('GET', `/activities/${activity.id}`, token);
        expect(stored.publicTextConfirmed === true, 'the confirmation was not stored');
        expect(errors.length === 0, errors.join('\n'));
      } finally {
        await context.close();
      }
    },
  );

  await check(
    'admin: the coordinator checks a labour-needs CSV (the bad row listed), imports the corrected one; the screen fits 390 px',
    async () => {
      const header = 'Профессия;Отрасль;Потребность;Учебный год\r\n';
      const bad = header + 'Оператор станков;Машиностроение;3;2026-2027\r\n=1+1;Машиностроение;2;2026-2027\r\n';
      const good =
        header + 'Оператор станков;Машиностроение;3;2026-2027\r\nСлесарь-ремонтник;Машиностроение;2;2026-2027\r\n';
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ru-RU' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      try {
        await page.goto(`${apiBase}/admin/`);
        await logIn(page, COORDINATOR);
        await page.getByRole('link', { name: 'Импорт' }).click();
        await page.getByRole('heading', { name: 'Импорт из таблиц' }).waitFor({ timeout: 10000 });
        await page.getByTestId('import-kind').click();
        await page.getByRole('option', { name: 'Потребность в кадрах' }).click();
        const file = (buffer) => ({ name: 'needs.csv', mimeType: 'text/csv', buffer: Buffer.from(buffer, 'utf8') });
        await page.getByTestId('import-file').setInputFiles(file(bad));
        await page.getByTestId('import-check').click();
        const table = page.getByTestId('import-errors');
        await table.waitFor({ timeout: 10000 });
        const listed = await table.innerText();
        expect(listed.includes('import.cell.formula') && listed.includes('Профессия'), `errors: ${listed}`);
        await screenshot(page, 'admin-import-check.png');
        await page.getByTestId('import-file').setInputFiles(file(good));
        await page.getByTestId('import-run').click();
        await page.getByTestId('import-summary').getByText('Импортировано записей: 2').waitFor({ timeout: 10000 });
        expect(errors.length === 0, errors.join('\n'));
      } finally {
        await context.close();
      }
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
      const small = await phone.newPage();
      try {
        await small.goto(`${apiBase}/admin/`);
        await logIn(small, COORDINATOR);
        await small.getByTestId('menu-button').click();
        await small.getByTestId('nav').getByRole('link', { name: 'Импорт' }).click();
        await small.getByRole('heading', { name: 'Импорт из таблиц' }).waitFor({ timeout: 10000 });
        const width = await small.evaluate(() => document.documentElement.scrollWidth);
        expect(width <= 390, `the import screen is ${width} px wide on a 390 px phone`);
        await screenshot(small, 'admin-phone-import.png');
      } finally {
        await phone.close();
      }
    },
  );

  // The documents' journey (the resolution sent to every institution, answered, escalated) is journeys/documents.mjs.

  await check(
    'admin: the coordinator opens the notifications from the bell, checks the reminders (e-mail off); fits 390 px',
    async () => {
      for (const width of [1366, 390]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
        try {
          await page.goto(`${apiBase}/admin/`);
          await logIn(page, COORDINATOR);
          const bell = page.getByTestId('notification-bell');
          const name = (await bell.getAttribute('aria-label')) ?? '';
          expect(/^Уведомления: \d+ непрочитан/.test(name), `the bell is named «${name}»`);
          const box = await bell.boundingBox();
          expect(box && box.x + box.width <= width, `the bell is cut off: ${JSON.stringify(box)}`);
          await bell.click();
          await page.getByRole('heading', { name: 'Уведомления' }).waitFor({ timeout: 10000 });
          await page.getByTestId('ntf-run').click();
          await page.getByTestId('ntf-run-result').getByText('Напоминаний:').waitFor({ timeout: 15000 });
          await page.getByTestId('ntf-email-off').waitFor({ timeout: 5000 });
          // the demo data has agreements expiring within 60 days: the run leaves the coordinator notifications
          await page.getByTestId('ntf-item').first().waitFor({ timeout: 10000 });
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scroll <= width, `the notifications page is ${scroll} px wide at ${width} px`);
          await screenshot(page, `admin-notifications-${width}.png`);
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    },
  );

  await check(
    'admin: on a 390 px phone the menu stays closed until the menu button opens it, and closes after a choice',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
      const page = await context.newPage();
      try {
        await page.goto(`${apiBase}/admin/`);
        await logIn(page, SCHOOL);
        const nav = page.getByTestId('nav');
        expect(!(await nav.isVisible()), 'the navigation covers the page on a phone');
        const logout = page.getByRole('button', { name: 'Выйти' });
        const box = await logout.boundingBox();
        expect(box && box.x + box.width <= 390, `the log-out button is cut off: ${JSON.stringify(box)}`);
        const main = await page.locator('main').boundingBox();
        expect(main && main.x < 10 && main.width > 370, `the content is squeezed: ${JSON.stringify(main)}`);
        await page.getByTestId('menu-button').click();
        await nav.getByRole('link', { name: 'Публикация' }).click();
        await page.getByRole('heading', { name: 'Публикация' }).waitFor({ timeout: 10000 });
        await nav.waitFor({ state: 'hidden', timeout: 5000 });
        await screenshot(page, 'admin-phone-publication.png');
      } finally {
        await context.close();
      }
    },
  );
}

// Standalone run against a live server.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { chromium } = await import('playwright-core');
  const apiBase = process.argv[2] ?? 'http://127.0.0.1:3000';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  let failed = 0;
  const check = async (name, fn) => {
    try {
      await fn();
      console.log(`  ✓ ${name}`);
    } catch (e) {
      failed++;
      console.log(
        `  ✕ ${name}\n    ${String(e?.stack ?? e)
          .split('\n')
          .slice(0, 4)
          .join('\n    ')}`,
      );
    }
  };
  const expect = (cond, msg) => {
    if (!cond) throw new Error(msg);
  };
  try {
    await adminJourneys({ browser, apiBase, check, expect });
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}
