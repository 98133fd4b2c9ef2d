// Enrolment on a school's page at 1366 and 390 px (issue 14): the gymnasium's administrator adds an academic year's
// pupils per grade and by age with the year's профминимум level, sees the level again after a reload, changes it, sees a stale change refused (409) and deletes the year. Screenshots under
// tmp/screenshots.
import { axeViolations, fits, logIn, openAdmin, SCHOOL, screenshot, until } from '../admin.mjs';

/** Opens an entry of the navigation (behind the menu button on a narrow screen). */
async function go(page, width, name) {
  if (width < 960) await page.getByTestId('menu-button').click();
  await page.getByTestId('nav').getByRole('link', { name, exact: true }).click();
}

export default async function ({ browser, apiBase, check, expect }) {
  // each width records its own year, so that the two runs do not meet
  const years = { 1366: '2030-2031', 390: '2031-2032' };
  for (const width of [1366, 390]) {
    await check(
      `enrolment: the school administrator adds a year of enrolment with its профминимум level, sees it after a reload, changes it, meets a stale change and deletes it (${width} px)`,
      async () => {
        const year = years[width];
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        const violations = [];
        const audit = async (name) => violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
        try {
          await logIn(page, SCHOOL);
          await go(page, width, 'Организации');
          await page.getByTestId('org-search').fill('Уруссинская гимназия');
          const found = page.locator('[data-testid="org-table"] tr.mat-mdc-row', { hasText: 'Уруссинская гимназия' });
          await found.first().waitFor({ timeout: 10000 });
          const rows = page.locator('[data-testid="org-table"] tr.mat-mdc-row');
          await until(async () => (await rows.count()) === 1, 'the gymnasium found');
          await found.getByTestId('org-open').click();
          await page.getByTestId('org-tabs').waitFor({ timeout: 10000 });
          await page.getByRole('tab', { name: /Контингент/ }).click();

          // a new year
          await page.getByTestId('enrolment-add').click();
          await page.getByTestId('enrolment-year').fill(year);
          await page.getByTestId('enrolment-grade-9').fill('52');
          await page.getByTestId('enrolment-grade-10').fill('41');
          await page.getByTestId('enrolment-grade-11').fill('38');
          await page.getByTestId('enrolment-aged14').fill('47');
          await page.getByTestId('enrolment-aged15').fill('50');
          await page.getByTestId('enrolment-aged16to17').fill('79');
          await page.getByTestId('enrolment-total').getByText('131').waitFor({ timeout: 5000 });
          // the year's профминимум level (the select's own text, not its options' list)
          const levelShown = page.getByTestId('enrolment-level').locator('.mat-mdc-select-value');
          await page.getByTestId('enrolment-level').click();
          await page.getByRole('option', { name: /Продвинутый/ }).click();
          await levelShown.getByText(/Продвинутый/).waitFor({ timeout: 5000 });
          await audit('enrolment form');
          await fits(page, width, expect, 'the enrolment form');
          await screenshot(page, `enrolment-form-${width}.png`);
          await page.getByTestId('enrolment-save').click();
          const label = year.replace('-', '/');
          const row = page.locator('[data-testid="org-enrolment"] tr.mat-mdc-row', { hasText: label });
          await row.waitFor({ timeout: 10000 });
          expect((await row.innerText()).includes('131'), `the year's row: ${await row.innerText()}`);

          // the level is stored: after a reload the row and the year list still show it, and so does the form
          await page.reload();
          await page.getByTestId('org-tabs').waitFor({ timeout: 10000 });
          await page.getByRole('tab', { name: /Контингент/ }).click();
          await row.getByText(/Продвинутый/).waitFor({ timeout: 10000 });
          await page
            .getByTestId(`enrolment-level-${year}`)
            .getByText(/Продвинутый/)
            .waitFor({ timeout: 5000 });
          await page.getByTestId(`enrolment-edit-${year}`).click();
          await levelShown.getByText(/Продвинутый/).waitFor({ timeout: 5000 });
          await page.getByRole('button', { name: 'Отмена' }).click();
          await fits(page, width, expect, 'the enrolment with its level');
          await screenshot(page, `enrolment-level-${width}.png`);

          // a change
          await page.getByTestId(`enrolment-edit-${year}`).click();
          await page.getByTestId('enrolment-aged14').fill('48');
          await page.getByTestId('enrolment-save').click();
          await row.getByText('48').waitFor({ timeout: 10000 });

          // a stale change: someone else changes the year while the form is open
          await page.getByTestId(`enrolment-edit-${year}`).click();
          const token = await page.evaluate(() => {
            for (const store of [sessionStorage, localStorage])
              for (let i = 0; i < store.length; i++) {
                const v = store.getItem(store.key(i) ?? '') ?? '';
                const m = /"accessToken":"([^"]+)"/.exec(v);
                if (m) return m[1];
              }
            return null;
          });
          expect(!!token, 'the session token in the page');
          {
            const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
            const list = await (
              await fetch(`${apiBase}/api/v1/enrolment?academicYear=${year}&limit=10`, { headers })
            ).json();
            const current = list.items[0];
            await fetch(`${apiBase}/api/v1/enrolment/${current.id}`, {
              method: 'PATCH',
              headers,
              body: JSON.stringify({ version: current.version, aged15: 51 }),
            });
            await page.getByTestId('enrolment-aged14').fill('49');
            await page.getByTestId('enrolment-save').click();
            await page
              .getByTestId('enrolment-form-error')
              .getByText(/изменил кто-то другой/)
              .waitFor({ timeout: 10000 });
            await audit('enrolment conflict');
            await fits(page, width, expect, 'the enrolment conflict');
            await screenshot(page, `enrolment-conflict-${width}.png`);
            await page.getByRole('button', { name: 'Отмена' }).click();
          }

          // delete the year
          await page.getByTestId(`enrolment-delete-${year}`).click();
          await page.getByTestId('dialog-confirm').click();
          await row.waitFor({ state: 'detached', timeout: 10000 });
          await audit('enrolment tab');
          await fits(page, width, expect, 'the enrolment tab');
          await screenshot(page, `enrolment-tab-${width}.png`);
          expect(violations.length === 0, `axe: ${violations.join('; ')}`);
          expect(errors.length === 0, `console errors: ${errors.join('; ')}`);
        } finally {
          await context.close();
        }
      },
    );
  }
}
