// The registry screens (organisations, users, own password, audit log) at 1366 and 390 px: the coordinator registers
// a partner and a partner representative for it, disables and enables the account, searches the organisations, opens
// the partner's page and reads its history with before and after; the new user changes the own password and logs in
// with it. Screenshots under tmp/screenshots (Russian, and Tatar for the coordinator's screens).
import { axeViolations, COORDINATOR, fits, logIn, openAdmin, screenshot, until } from '../admin.mjs';

/** Opens an entry of the navigation (behind the menu button on a narrow screen). */
async function go(page, width, name) {
  if (width < 960) await page.getByTestId('menu-button').click();
  await page.getByTestId('nav').getByRole('link', { name, exact: true }).click();
}

/** Picks an option of a Material select. */
async function choose(page, testId, option) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function logOut(page, width) {
  if (width < 960) await page.getByRole('button', { name: 'Выйти' }).click();
  else await page.getByRole('button', { name: /Выйти/ }).click();
  await page.getByLabel('Электронная почта').waitFor({ timeout: 10000 });
}

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(
      `registry: the coordinator registers a partner and its representative, disables and enables the account, finds the partner and reads its history; the new user changes the own password and logs in with it (${width} px)`,
      async () => {
        const tag = `${width}-${Date.now().toString(36)}`;
        const short = `Ферма ${tag}`;
        const email = `farm-${tag}@demo.socium.local`;
        const first = 'first-pass-2026';
        const second = 'second-pass-2026';
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        const violations = [];
        const audit = async (name) => violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
        try {
          await logIn(page, COORDINATOR);

          // a new partner
          await go(page, width, 'Организации');
          await page.getByTestId('org-table').waitFor({ timeout: 10000 });
          await audit('organisations');
          await fits(page, width, expect, 'the organisations list');
          await screenshot(page, `registry-organisations-${width}.png`);
          await page.getByTestId('org-new').click();
          await choose(page, 'org-form-kind', 'Социальный партнёр');
          await choose(page, 'org-form-type', 'Работодатель');
          await page.getByTestId('org-form-name').fill(`Крестьянское хозяйство «Ферма ${tag}»`);
          await page.getByTestId('org-form-short').fill(short);
          const slug = await page.getByTestId('org-form-slug').inputValue();
          expect(slug === `ferma-${tag}`, `the suggested slug is «${slug}»`);
          // a refusal by a field: the slug is checked before the request
          await page.getByTestId('org-form-slug').fill('Не латиница');
          await page.getByTestId('org-save').click();
          await page.getByText('Проверьте, как заполнено поле.').waitFor({ timeout: 5000 });
          await page.getByTestId('org-form-slug').fill(slug);
          await audit('organisation form');
          await fits(page, width, expect, 'the organisation form');
          await screenshot(page, `registry-organisation-form-${width}.png`);
          await page.getByTestId('org-save').click();
          await page.getByTestId('org-page-title').getByText(short).waitFor({ timeout: 10000 });

          // an edit, so that the history has a before and an after
          await page.getByTestId('org-edit').click();
          await until(async () => (await page.getByTestId('org-form-short').inputValue()) === short, 'the edit form');
          await page.getByTestId('org-form-address').fill('пгт Уруссу, ул. Пушкина, 1');
          // a contact: a role of the organisation, never a private person
          await page.getByTestId('org-contact-add').click();
          await page.getByTestId('org-contact-role-0').fill('Приёмная');
          await page.getByTestId('org-contact-phone-0').fill('+7 85593 2-00-00');
          await fits(page, width, expect, 'the organisation form with a contact');
          await screenshot(page, `registry-organisation-contact-${width}.png`);
          await page.getByTestId('org-save').click();
          await page.getByTestId('org-details').getByText('пгт Уруссу, ул. Пушкина, 1').waitFor({ timeout: 10000 });
          await page.getByTestId('org-details').getByText('Приёмная').waitFor({ timeout: 10000 });

          // its representative, from its page: the new user's role and organisation follow the partner
          await page.getByTestId('org-users').click();
          await page.getByTestId('usr-empty').waitFor({ timeout: 10000 });
          await page.getByTestId('usr-new').click();
          await until(async () => (await page.getByTestId('usr-org').innerText()).includes(short), 'the organisation');
          const role = await page.getByTestId('usr-role').innerText();
          expect(role.includes('Представитель партнёра'), `the role offered for a partner: ${role}`);
          await page.getByTestId('usr-email').fill(email);
          await page.getByTestId('usr-name').fill(`Представитель ${tag}`);
          await page.getByTestId('usr-password').fill('short');
          await page.getByTestId('usr-save').click();
          await page.getByText('Не короче 10 символов.').first().waitFor({ timeout: 5000 });
          await page.getByTestId('usr-password').fill(first);
          await audit('user form');
          await fits(page, width, expect, 'the user form');
          await screenshot(page, `registry-user-form-${width}.png`);
          await page.getByTestId('usr-save').click();
          await page.getByTestId('usr-state').getByText('Учётная запись работает').waitFor({ timeout: 10000 });

          // disable and enable it from the list
          await page.getByRole('link', { name: /К списку пользователей/ }).click();
          await page.getByTestId('usr-search').fill(email);
          const row = page.locator('[data-testid="usr-table"] tr.mat-mdc-row', { hasText: email });
          await row.waitFor({ timeout: 10000 });
          const userRows = page.locator('[data-testid="usr-table"] tr.mat-mdc-row');
          await until(async () => (await userRows.count()) === 1, 'one user found by e-mail');
          await row.getByTestId('usr-toggle').click();
          await row.getByText('Отключён').waitFor({ timeout: 10000 });
          await audit('users');
          await fits(page, width, expect, 'the users list');
          await screenshot(page, `registry-users-${width}.png`);
          await row.getByTestId('usr-toggle').click();
          await row.getByText('Работает').waitFor({ timeout: 10000 });

          // find the partner by a part of its short name, in another case, and open its page
          await go(page, width, 'Организации');
          await page.getByTestId('org-search').fill(`ФЕРМА ${tag}`.toUpperCase());
          const found = page.locator('[data-testid="org-table"] tr.mat-mdc-row', { hasText: short });
          await found.waitFor({ timeout: 10000 });
          const orgRows = page.locator('[data-testid="org-table"] tr.mat-mdc-row');
          await until(async () => (await orgRows.count()) === 1, 'one partner found');
          await found.getByTestId('org-open').click();
          await page.getByTestId('org-tabs').waitFor({ timeout: 10000 });
          await page.getByRole('tab', { name: /Потребности в кадрах/ }).click();
          await page.getByText('Потребностей в кадрах не заявлено.').waitFor({ timeout: 10000 });
          await audit('organisation page');
          await fits(page, width, expect, 'the organisation page');
          await screenshot(page, `registry-organisation-page-${width}.png`);

          // a partner in use cannot be deleted: the page says what uses it
          await page.getByTestId('org-delete').click();
          await page.getByTestId('org-delete-yes').click();
          const refusal = page.getByTestId('org-delete-error');
          await refusal.getByText('1 пользователь').waitFor({ timeout: 10000 });

          // its history: the edit shows the address before and after
          await page.getByTestId('org-history').click();
          const entries = page.getByTestId('aud-entry');
          await entries.first().waitFor({ timeout: 10000 });
          await until(async () => (await entries.count()) === 2, 'the two entries of the history (create, update)');
          const edit = entries.filter({ hasText: 'Изменение' });
          await edit.locator('mat-expansion-panel-header').click();
          const changed = edit.locator('[data-testid="aud-diff"] tr[data-changed="true"]', { hasText: 'Адрес' });
          await changed.waitFor({ timeout: 10000 });
          const cells = await changed.locator('td').allInnerTexts();
          expect(
            cells[1].trim() === '—' && cells[2].includes('пгт Уруссу, ул. Пушкина, 1'),
            `address before/after: ${cells.join(' | ')}`,
          );
          // the contacts read as the organisation's card writes them, never as JSON
          const contacts = edit.locator('[data-testid="aud-diff"] tr[data-changed="true"]', { hasText: 'Контакты' });
          const contactCells = await contacts.locator('td').allInnerTexts();
          expect(
            contactCells[2]?.includes('Приёмная — Телефон: +7 85593 2-00-00') && !/[{}[\]"]/.test(contactCells[2]),
            `contacts after: ${contactCells.join(' | ')}`,
          );
          await audit('audit log');
          await fits(page, width, expect, 'the audit log');
          await screenshot(page, `registry-audit-${width}.png`);

          if (width === 1366) {
            // the same screens in Tatar
            await page.evaluate(() => localStorage.setItem('socium.lang', 'tt'));
            await page.reload();
            await page.getByRole('heading', { name: 'Үзгәрешләр журналы' }).waitFor({ timeout: 10000 });
            // the farm's own edit (other journeys' edits of the day may be listed too once the page is reloaded)
            await entries
              .filter({ hasText: 'Үзгәртү' })
              .filter({ hasText: short })
              .first()
              .locator('mat-expansion-panel-header')
              .click();
            await page.getByText('Иде').first().waitFor({ timeout: 10000 });
            await screenshot(page, `registry-audit-tt-${width}.png`);
            await page.getByTestId('nav').getByRole('link', { name: 'Оешмалар', exact: true }).click();
            await page.getByTestId('org-table').waitFor({ timeout: 10000 });
            await screenshot(page, `registry-organisations-tt-${width}.png`);
            await page.getByTestId('nav').getByRole('link', { name: 'Кулланучылар', exact: true }).click();
            await page.getByTestId('usr-table').waitFor({ timeout: 10000 });
            await screenshot(page, `registry-users-tt-${width}.png`);
            await page.evaluate(() => localStorage.setItem('socium.lang', 'ru'));
            await page.reload();
            await page.getByTestId('usr-table').waitFor({ timeout: 10000 });
          }

          // the new user changes the own password and logs in with it
          await logOut(page, width);
          await logIn(page, { email, password: first });
          if (width < 960) await page.getByTestId('menu-button').click();
          await page.getByTestId('own-password').click();
          await page.getByTestId('pwd-current').fill('wrong-password-1');
          await page.getByTestId('pwd-new').fill(second);
          await page.getByTestId('pwd-repeat').fill(second);
          await page.getByTestId('pwd-save').click();
          await page.getByText('Текущий пароль неверен.').waitFor({ timeout: 10000 });
          expect((await page.getByTestId('pwd-error').count()) === 0, 'the refusal is shown twice');
          await page.getByTestId('pwd-current').fill(first);
          await page.getByTestId('pwd-save').click();
          await page.getByText('Пароль изменён.').first().waitFor({ timeout: 10000 });
          await audit('own password');
          await fits(page, width, expect, 'the password page');
          await screenshot(page, `registry-own-password-${width}.png`);
          await logOut(page, width);
          await logIn(page, { email, password: second });
          const card = page.getByTestId('user-card');
          await until(
            async () => (await card.innerText()).includes(short),
            "the partner's name on the new user's card",
          );

          expect(violations.length === 0, violations.join('\n'));
          expect(errors.length === 0, errors.join('\n'));
        } catch (e) {
          await screenshot(page, `registry-failed-${width}.png`).catch(() => undefined);
          throw e;
        } finally {
          await context.close();
        }
      },
    );
  }
}
