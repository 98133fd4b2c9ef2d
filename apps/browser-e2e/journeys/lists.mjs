// The lists moved onto the shared list toolbar (agreements, plans, labour-market needs, the audit log, the documents
// register) at 1366 and 390 px: on each the coordinator searches (where the API searches text), sets a filter, sees it
// kept in the address and resets both; axe finds nothing serious and nothing scrolls sideways. Screenshots under
// tmp/screenshots, in Russian and in Tatar.
import { axeViolations, COORDINATOR, fits, logIn, openAdmin, screenshot, switchTo, until } from '../admin.mjs';

/** Opens an entry of the navigation (behind the menu button on a narrow screen). */
async function go(page, width, name) {
  if (width < 960) await page.getByTestId('menu-button').click();
  await page.getByTestId('nav').getByRole('link', { name, exact: true }).click();
}

/** Waits until the list has answered: its count or its empty sentence shows, and nothing is loading. */
async function settled(page, id) {
  await until(
    async () =>
      (await page.locator('admin-list-shell mat-progress-bar').count()) === 0 &&
      (await page.getByTestId(`${id}-count`).count()) + (await page.getByTestId(`${id}-empty`).count()) > 0,
    `the ${id} list`,
  );
}

/** The query parameters of the page's address. */
const query = (page) => new URL(page.url()).searchParams;

/**
 * The lists: the navigation entry, the test-id prefix of the toolbar, the text searched (null: no search box), the
 * filter chip pressed and the parameter it writes to the address.
 */
const LISTS = [
  {
    nav: 'Договоры',
    navTt: 'Килешүләр',
    id: 'agreements',
    search: 'гимназия',
    chip: 'agreements-status',
    param: 'status',
  },
  { nav: 'Планы', navTt: 'Планнар', id: 'plans', search: 'план', chip: 'plans-status', param: 'status' },
  { nav: 'Рынок труда', navTt: null, id: 'lab', search: 'оператор', chip: null, param: 'sector' },
  { nav: 'Журнал изменений', navTt: null, id: 'aud', search: null, chip: null, param: 'objectType' },
  { nav: 'Документы', navTt: 'Документлар', id: 'doc', search: 'о', chip: 'doc-overdue', param: 'overdue' },
];

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(
      `lists: agreements, plans, labour needs, the audit log and documents search, filter, keep it in the address and reset on the list toolbar (${width} px)`,
      async () => {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        const violations = [];
        try {
          await logIn(page, COORDINATOR);
          for (const list of LISTS) {
            await go(page, width, list.nav);
            await settled(page, list.id);
            expect(
              (await page.getByTestId(`${list.id}-reset`).count()) === 0,
              `${list.id}: a reset button with nothing set`,
            );

            if (list.search) {
              await page.getByTestId(`${list.id}-search`).fill(list.search);
              await until(async () => query(page).get('q') === list.search, `${list.id}: the search in the address`);
              await settled(page, list.id);
            } else {
              expect((await page.getByTestId(`${list.id}-search`).count()) === 0, `${list.id}: a search box`);
            }

            if (list.chip) {
              await page.getByTestId(list.chip).getByRole('option').first().click();
            } else if (list.param === 'sector') {
              await page.getByTestId('lab-sector-filter').fill('Промышленность');
            } else {
              // by keyboard (the field's floating label lies over the empty select's centre)
              await page.getByTestId('aud-type').focus();
              await page.keyboard.press('Enter');
              await page.getByRole('option', { name: 'Организация', exact: true }).click();
            }
            await until(async () => query(page).has(list.param), `${list.id}: the filter in the address`);
            await settled(page, list.id);
            await fits(page, width, expect, `the ${list.id} list with a filter`);
            violations.push(...(await axeViolations(page)).map((v) => `${list.id}: ${v}`));
            await screenshot(page, `lists-${list.id}-filtered-${width}.png`);

            // the address brings the same list back after a reload
            await page.reload();
            await settled(page, list.id);
            expect(query(page).has(list.param), `${list.id}: the filter lost on reload`);
            await page.getByTestId(`${list.id}-reset`).click();
            await until(
              async () => !query(page).has(list.param) && !query(page).has('q'),
              `${list.id}: the address cleared`,
            );
            await settled(page, list.id);
            expect((await page.getByTestId(`${list.id}-reset`).count()) === 0, `${list.id}: reset still offered`);
            await fits(page, width, expect, `the ${list.id} list`);
            await screenshot(page, `lists-${list.id}-${width}.png`);
          }

          // the same lists in Tatar: toolbar words, counts with the noun in the singular
          await switchTo(page, 'Татарча');
          for (const list of LISTS.filter((l) => l.navTt)) {
            await go(page, width, list.navTt);
            await settled(page, list.id);
            violations.push(...(await axeViolations(page)).map((v) => `${list.id} (tt): ${v}`));
            await fits(page, width, expect, `the ${list.id} list in Tatar`);
            await screenshot(page, `lists-${list.id}-tt-${width}.png`);
          }
          const count = await page
            .getByTestId('doc-count')
            .textContent()
            .catch(() => null);
          if (count) expect(/^\s*[\d\s\u00a0\u202f]+ документ табылды\s*$/.test(count), `the Tatar count «${count}»`);
          await switchTo(page, 'Русский');

          expect(violations.length === 0, `axe: ${violations.join('; ')}`);
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      },
    );
  }
}
