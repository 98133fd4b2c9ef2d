// Plans and activities in the panel (issue 13 item 4), at 1366 px and at 390 px: the school administrator draws
// up next year's plan with a title and an agreement, adds activities (the date defaults inside the plan's year), edits
// one, submits; the coordinator returns it with a comment, then approves it; the school records an outcome with hours
// and an evidence link (a javascript: link refused next to its field); the partner representative confirms an
// activity with a comment and the school sees it; the activities list's filters and search.
import {
  apiAs,
  axeViolations,
  COORDINATOR,
  logIn,
  openAdmin,
  PARTNER,
  SCHOOL,
  screenshot,
  sidewaysOverflow,
} from '../admin.mjs';

/** next academic year (the server's SOCIUM_TODAY is 2026-11-28; the browser's clock is in the same year) */
const NEXT_YEAR = '2027-2028';
const NEXT_YEAR_LABEL = '2027/2028 учебный год';
const CURRENT_YEAR_LABEL = '2026/2027 учебный год';

export default async function ({ browser, apiBase, check, expect }) {
  /** The page's own content (not the shell, which other areas own) has no serious or critical axe violation. */
  const axe = async (page, where) => {
    const found = await axeViolations(page, { include: 'section.page' });
    expect(found.length === 0, `axe on ${where}: ${found.join('; ')}`);
  };
  /** Nothing but wide tables (inside their own scroller) scrolls sideways. */
  const fits = async (page, where) => {
    const over = await sidewaysOverflow(page);
    expect(over <= 1, `${where} scrolls sideways by ${over}px`);
  };
  const go = (page, route) => page.goto(`${apiBase}/admin/${route}`);
  // a date field shows `14.10.2027` in Russian; the checks compare ISO dates
  const isoOf = (text) => text.replace(/^(\d{2})[./](\d{2})[./](\d{4})$/, '$3-$2-$1');
  // a click on the form field, as a user does (an empty select's floating label covers the select itself)
  const pick = async (page, testId, option) => {
    await page.locator('mat-form-field', { has: page.getByTestId(testId) }).click();
    await page.getByRole('option', { name: option }).first().click();
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
  };
  const year = async (page, label) => {
    await pick(page, 'period-picker', label);
  };

  for (const width of [1366, 390]) {
    const tag = `${width}`;
    await check(
      `plans: a school draws up next year's plan, the coordinator returns and approves it, outcomes, the partner confirms, filters (${width} px)`,
      async () => {
        // 1366 px: the demo's gymnasium and «Тапарт»; 390 px: a second school and partner whose users the coordinator
        // registers first (next year's plan exists once per school)
        const coordinator = await apiAs(apiBase, COORDINATOR);
        const orgs = (await coordinator.send('GET', '/organisations?limit=100')).items;
        const slug = (s) => orgs.find((o) => o.slug === s);
        let school = SCHOOL;
        let partner = PARTNER;
        let partnerName = /Тапарт/;
        if (width === 390) {
          school = { email: 'yutaza-e2e@demo.socium.local', password: 'yutaza-school-2026' };
          partner = { email: 'sdk-e2e@demo.socium.local', password: 'yutaza-sdk-2026x' };
          partnerName = /Ютазинский СДК/;
          await coordinator.send('POST', '/users', {
            ...school,
            name: 'Заместитель директора',
            role: 'school_admin',
            organisationId: slug('yutaza-school').id,
          });
          await coordinator.send('POST', '/users', {
            ...partner,
            name: 'Художественный руководитель',
            role: 'partner_rep',
            organisationId: slug('sdk-yutaza').id,
          });
        }
        const title = `План совместной работы — проверка ${tag}`;

        // — the school administrator: next year's plan with a title and an agreement —
        const s = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(s.page, school);
          await go(s.page, 'plans');
          await year(s.page, NEXT_YEAR_LABEL);
          await s.page.getByTestId('plan-create').click();
          await s.page.getByTestId('plan-title').fill(title);
          await pick(s.page, 'plan-agreement', partnerName);
          await screenshot(s.page, `plans-create-${tag}.png`);
          await s.page.getByTestId('plan-create-save').click();
          await s.page.getByTestId('plan-heading').getByText(title).waitFor({ timeout: 10000 });
          // the agreement is named once the school's agreements are loaded
          await s.page.getByTestId('plan-agreement-text').getByText(partnerName).waitFor({ timeout: 10000 });

          // activities: the date defaults inside the plan's year (today, 28.11.2026, is outside it)
          const add = async (name, date) => {
            await s.page.getByTestId('activity-add').click();
            const starts = isoOf(await s.page.getByTestId('activity-starts').inputValue());
            expect(
              starts >= '2027-09-01' && starts <= '2028-08-31',
              `a new activity's date defaults outside ${NEXT_YEAR}: ${starts}`,
            );
            await s.page.getByTestId('activity-title').fill(name);
            await pick(s.page, 'activity-direction', 'Профориентация');
            if (date) await s.page.getByTestId('activity-starts').fill(date);
            await s.page.getByTestId('activity-save').click();
            await s.page.getByTestId('activities-table').getByText(name).waitFor({ timeout: 10000 });
          };
          await add('Экскурсия на предприятие партнёра');
          await add('Мастер-класс для 9 классов', '2027-10-14');
          await screenshot(s.page, `plans-activities-${tag}.png`);
          // edit one: the title and the date
          const row = s.page.locator('[data-testid="activities-table"] tr', { hasText: 'Мастер-класс для 9 классов' });
          await row.getByTestId('activity-edit').click();
          await s.page.getByTestId('activity-title').fill('Мастер-класс для 8–9 классов');
          await s.page.getByTestId('activity-starts').fill('2027-10-21');
          await s.page.getByTestId('activity-save').click();
          await s.page
            .getByTestId('activities-table')
            .getByText('Мастер-класс для 8–9 классов')
            .waitFor({ timeout: 10000 });
          expect(
            (await s.page.getByTestId('activities-table').innerText()).includes('21.10.2027'),
            'the edited date is not shown',
          );
          // the calendar: October 2027 shows the master class
          await s.page.getByTestId('view-calendar').click();
          // one click at a time, each waiting for the month to change (a stale read once clicked past October)
          const month = s.page.getByTestId('calendar-month');
          for (let i = 0; i < 12 && !(await month.innerText()).includes('Октябрь'); i++) {
            const shown = await month.innerText();
            await s.page.getByTestId('calendar-next').click();
            await s.page.waitForFunction(
              (before) =>
                document.querySelector('[data-testid="calendar-month"]')?.textContent?.trim() !== before.trim(),
              shown,
              { timeout: 5000 },
            );
          }
          // the grid on a desktop, the list of busy days on a phone
          await s.page.locator('text=Мастер-класс для 8–9 классов >> visible=true').first().waitFor({ timeout: 5000 });
          await screenshot(s.page, `plans-calendar-${tag}.png`);
          await axe(s.page, 'the plan calendar');
          await fits(s.page, 'the plan calendar');
          await s.page.getByTestId('view-table').click();
          await axe(s.page, 'the plan page');
          await fits(s.page, 'the plan page');
          await s.page.getByTestId('plan-submit').click();
          await s.page.getByTestId('plan-status').getByText('На утверждении').waitFor({ timeout: 10000 });
          expect(s.errors.length === 0, s.errors.join('\n'));
        } finally {
          await s.context.close();
        }

        // — the coordinator returns it with a comment, the school sees it, resubmits; the coordinator approves —
        const openPlan = async (session) => {
          await go(session.page, 'plans');
          await year(session.page, NEXT_YEAR_LABEL);
          await session.page.getByRole('link', { name: title }).click();
          await session.page.getByTestId('plan-heading').getByText(title).waitFor({ timeout: 10000 });
        };
        const c = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(c.page, COORDINATOR);
          await openPlan(c);
          await c.page.getByTestId('plan-return-comment').fill('Добавьте встречу с родителями в марте');
          await c.page.getByTestId('plan-return').click();
          await c.page.getByTestId('plan-status').getByText('Возвращён на доработку').waitFor({ timeout: 10000 });
          expect(c.errors.length === 0, c.errors.join('\n'));
        } finally {
          await c.context.close();
        }
        const s2 = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(s2.page, school);
          await openPlan(s2);
          await s2.page
            .getByTestId('plan-return-comment-shown')
            .getByText('Добавьте встречу с родителями в марте')
            .waitFor();
          await s2.page.getByTestId('plan-submit').click();
          await s2.page.getByTestId('plan-status').getByText('На утверждении').waitFor({ timeout: 10000 });
        } finally {
          await s2.context.close();
        }
        const c2 = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(c2.page, COORDINATOR);
          await openPlan(c2);
          await c2.page.getByTestId('plan-approve').click();
          await c2.page.getByTestId('plan-status').getByText('Утверждён').waitFor({ timeout: 10000 });
          await screenshot(c2.page, `plans-approved-${tag}.png`);
        } finally {
          await c2.context.close();
        }

        // — the partner confirms an activity of the new plan with a comment —
        const p = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(p.page, partner);
          await go(p.page, 'activities');
          await year(p.page, NEXT_YEAR_LABEL);
          const mine = p.page.locator('[data-testid="activities-table"] tr', {
            hasText: 'Экскурсия на предприятие партнёра',
          });
          await mine.first().waitFor({ timeout: 10000 });
          expect((await mine.count()) === 1, `the activity is listed ${await mine.count()} times`);
          await mine.getByTestId('activity-confirm').click();
          await p.page.getByTestId('confirm-comment').fill('Ждём группу к 10:00 у проходной');
          await screenshot(p.page, `plans-partner-confirm-${tag}.png`);
          await axe(p.page, 'the partner confirmation');
          await p.page.getByTestId('confirm-save').click();
          await mine.getByTestId('partner-confirmed').waitFor({ timeout: 10000 });
          await fits(p.page, 'the partner activities list');
          expect(p.errors.length === 0, p.errors.join('\n'));
        } finally {
          await p.context.close();
        }

        // — the school sees the confirmation; records an outcome with hours and an evidence link this year —
        const s3 = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(s3.page, school);
          await openPlan(s3);
          const confirmed = await s3.page
            .locator('[data-testid="activities-table"] tr', { hasText: 'Экскурсия на предприятие партнёра' })
            .getByTestId('partner-confirmed')
            .innerText();
          expect(
            confirmed.includes('Подтверждено партнёром') && confirmed.includes('Ждём группу к 10:00'),
            `the school does not see the confirmation: ${confirmed}`,
          );
          await screenshot(s3.page, `plans-confirmed-seen-${tag}.png`);

          // this year's plan: an activity held last week gets its outcome
          await go(s3.page, 'plans');
          await year(s3.page, CURRENT_YEAR_LABEL);
          await s3.page.locator('[data-testid="plans-table"] a').first().click();
          await s3.page.getByTestId('plan-heading').waitFor({ timeout: 10000 });
          await s3.page.getByTestId('activity-add').click();
          // the panel's today is the browser's
          const today = await s3.page.evaluate(() => {
            const d = new Date();
            return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          });
          const starts = isoOf(await s3.page.getByTestId('activity-starts').inputValue());
          expect(starts === today, `this year's plan should default to today (${today}): ${starts}`);
          const held = `Профпроба «Оператор станков» ${tag}`;
          await s3.page.getByTestId('activity-title').fill(held);
          await pick(s3.page, 'activity-direction', 'Профориентация');
          await s3.page.getByTestId('activity-starts').fill('2026-11-20');
          await s3.page.getByTestId('activity-save').click();
          const heldRow = s3.page.locator('[data-testid="activities-table"] tr', { hasText: held });
          await heldRow.waitFor({ timeout: 10000 });
          await heldRow.getByTestId('activity-outcome').click();
          await s3.page.getByTestId('outcome-participants').fill('17');
          await s3.page.getByTestId('outcome-hours').fill('3');
          await s3.page.getByTestId('outcome-result').fill('Учащиеся выполнили пробное задание на станке');
          await s3.page.getByTestId('outcome-link-0').fill('javascript:alert(1)');
          await s3.page.getByTestId('outcome-save').click();
          // refused once, next to the link
          const linkField = s3.page.locator('mat-form-field', { has: s3.page.getByTestId('outcome-link-0') });
          await linkField.locator('mat-error').waitFor({ timeout: 10000 });
          await screenshot(s3.page, `plans-outcome-refused-${tag}.png`);
          await s3.page.getByTestId('outcome-link-0').fill('https://urussu-gymnasium.example/news/proba');
          await s3.page.getByTestId('outcome-save').click();
          await heldRow.getByText('Проведено 20.11.2026: 17 участников, 3 ч.').waitFor({ timeout: 10000 });
          await heldRow.getByRole('link', { name: /news\/proba/ }).waitFor();
          await screenshot(s3.page, `plans-outcome-${tag}.png`);

          // the activities list: school and partner columns, filters, search
          await go(s3.page, 'activities');
          await year(s3.page, CURRENT_YEAR_LABEL);
          await s3.page.getByTestId('activities-table').waitFor({ timeout: 10000 });
          const all = await s3.page.getByTestId('activities-count').innerText();
          await s3.page.getByTestId('activities-search').fill('Профпроба «Оператор');
          // the search narrows the list (the total changes) and keeps the activity
          await s3.page.getByTestId('activities-count').filter({ hasNotText: all }).waitFor({ timeout: 10000 });
          await s3.page.locator('[data-testid="activities-table"] tr', { hasText: held }).waitFor({ timeout: 10000 });
          await s3.page.getByTestId('activities-search').fill('');
          const heldRow2 = s3.page.locator('[data-testid="activities-table"] tr', { hasText: held });
          // the form: the activity is an excursion, so master classes leave it out
          await pick(s3.page, 'filter-form', 'Мастер-класс');
          await heldRow2.waitFor({ state: 'detached', timeout: 10000 });
          await s3.page.getByTestId('activities-reset').click();
          await heldRow2.waitFor({ timeout: 10000 });
          // the period (the date fields left, so that no native picker keeps the focus)
          for (const [id, value] of [
            ['filter-from', '2026-11-01'],
            ['filter-to', '2026-11-27'],
          ]) {
            await s3.page.getByTestId(id).fill(value);
            await s3.page.getByTestId(id).evaluate((e) => e.blur());
          }
          await s3.page.getByTestId('activities-count').filter({ hasNotText: all }).waitFor({ timeout: 10000 });
          await heldRow2.waitFor({ timeout: 10000 });
          // the status: postponed ones leave it out, held ones keep it
          await s3.page.getByRole('option', { name: 'Перенесено' }).first().click();
          await heldRow2.waitFor({ state: 'detached', timeout: 10000 });
          await s3.page.getByRole('option', { name: 'Проведено' }).first().click();
          await heldRow2.waitFor({ timeout: 10000 });
          await screenshot(s3.page, `plans-activities-list-${tag}.png`);
          await axe(s3.page, 'the activities list');
          await fits(s3.page, 'the activities list');
          expect(s3.errors.length === 0, s3.errors.join('\n'));
        } catch (e) {
          await screenshot(s3.page, `plans-failure-${tag}.png`).catch(() => undefined);
          throw e;
        } finally {
          await s3.context.close();
        }
      },
    );
  }

  await check('plans: the plan page and the activities list read in Tatar and English (1366 and 390 px)', async () => {
    for (const [width, lang] of [
      [1366, 'tt'],
      [390, 'en'],
    ]) {
      const { page, context, errors } = await openAdmin(browser, apiBase, { width });
      try {
        await logIn(page, SCHOOL);
        await page.evaluate((l) => localStorage.setItem('socium.lang', l), lang);
        await go(page, 'plans');
        await year(page, lang === 'tt' ? '2027–2028 уку елы' : 'Academic year 2027/2028');
        await page.locator('[data-testid="plans-table"] a').first().click();
        await page.getByTestId('plan-heading').waitFor({ timeout: 10000 });
        await page.getByTestId('activities-table').waitFor({ timeout: 10000 });
        const text = await page.locator('section.page').innerText();
        const words =
          lang === 'tt' ? ['Килешү', 'Чаралар', 'Партнер'] : ['Agreement', 'Activities', 'Confirmed by the partner'];
        for (const w of words) expect(text.includes(w), `the ${lang} plan page lacks «${w}»`);
        await screenshot(page, `plans-page-${lang}-${width}.png`);
        await page.getByTestId('view-calendar').click();
        await screenshot(page, `plans-calendar-${lang}-${width}.png`);
        await go(page, 'activities');
        await page.getByTestId('activities-table').waitFor({ timeout: 10000 });
        await screenshot(page, `plans-activities-list-${lang}-${width}.png`);
        await fits(page, `the ${lang} activities list`);
        expect(errors.length === 0, errors.join('\n'));
      } finally {
        await context.close();
      }
    }
  });
}
