// Conflicts at 1366 and 390 px: two coordinator sessions edit the same organisation. The second save meets
// `409 version.stale`: the form shows which fields differ (yours / stored now) and keeps the edits; the coordinator
// overwrites knowingly. In a second round the other choice: reload the stored record. A third round in Tatar.
// Screenshots under tmp/screenshots.
import { apiAs, axeViolations, COORDINATOR, logIn, openAdmin, screenshot, until } from '../admin.mjs';

/** A partner registered through the API for the journey, so that it edits no demo record. */
async function newPartner(apiBase, tag) {
  const { send } = await apiAs(apiBase, COORDINATOR);
  const org = await send('POST', '/organisations', {
    kind: 'partner',
    name: `Общество с ограниченной ответственностью «Пекарня ${tag}»`,
    shortName: `Пекарня ${tag}`,
    slug: `pekarnya-${tag}`,
    partnerType: 'employer',
    isPublished: true,
  });
  const read = () => send('GET', `/organisations/${org.id}`);
  return { org, read };
}

/** A coordinator's session on the organisation's edit form, the form filled from the server. */
async function editForm(browser, apiBase, width, id, short, lang = 'ru') {
  const session = await openAdmin(browser, apiBase, { width });
  const { page } = session;
  await logIn(page, COORDINATOR);
  // the interface's language is kept in the browser: chosen after the (Russian) log-in, it applies on the next load
  if (lang !== 'ru') await page.evaluate((l) => localStorage.setItem('socium.lang', l), lang);
  await page.goto(`${apiBase}/admin/organisations/${id}/edit`);
  await until(async () => (await page.getByTestId('org-form-short').inputValue()) === short, 'the edit form');
  return session;
}

async function changes(page) {
  return page
    .locator('[data-testid="conflict-changes"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(
      `conflicts: two coordinators edit one organisation; the second sees what changed and overwrites, then reloads in another round; in Tatar too (${width} px)`,
      async () => {
        const tag = `${width}-${Date.now().toString(36)}`;
        const { org, read } = await newPartner(apiBase, tag);
        const short = org.shortName;
        const sessions = [];
        const open = async (s, lang) => {
          const session = await editForm(browser, apiBase, width, org.id, s, lang);
          sessions.push(session);
          return session.page;
        };
        try {
          // round 1: A saves an address; B, still on the old version, renames: B sees both and overwrites
          const a = await open(short);
          const b = await open(short);
          await a.getByTestId('org-form-address').fill('пгт Уруссу, ул. Ленина, 1');
          await a.getByTestId('org-save').click();
          await a.getByTestId('org-page-title').waitFor({ timeout: 10000 });
          await b.getByTestId('org-form-short').fill(`${short} Б`);
          await b.getByTestId('org-save').click();
          await b.getByTestId('conflict-panel').waitFor({ timeout: 10000 });
          const rows = await changes(b);
          expect(
            JSON.stringify(rows) ===
              JSON.stringify([
                ['Краткое название', `${short} Б`, short],
                ['Адрес', '—', 'пгт Уруссу, ул. Ленина, 1'],
              ]),
            `the changes shown: ${JSON.stringify(rows)}`,
          );
          // the edits stay while the user decides
          expect((await b.getByTestId('org-form-short').inputValue()) === `${short} Б`, 'the edit was lost');
          const violations = await axeViolations(b);
          expect(violations.length === 0, `axe: ${violations.join('; ')}`);
          const scroll = await b.evaluate(() => document.documentElement.scrollWidth);
          expect(scroll <= width, `the form with the conflict is ${scroll} px wide at ${width} px`);
          await b.getByTestId('conflict-panel').scrollIntoViewIfNeeded();
          await screenshot(b, `conflicts-organisation-${width}.png`);
          await b.getByTestId('conflict-overwrite').click();
          await b.getByTestId('org-page-title').getByText(`${short} Б`).waitFor({ timeout: 10000 });
          const afterOverwrite = await read();
          expect(
            afterOverwrite.shortName === `${short} Б` && afterOverwrite.address === null,
            `after the overwrite: ${afterOverwrite.shortName} / ${afterOverwrite.address}`,
          );

          // round 2: A publishes a site; B renames the full name, meets the conflict and reloads
          const short2 = `${short} Б`;
          await a.goto(`${apiBase}/admin/organisations/${org.id}/edit`);
          await until(async () => (await a.getByTestId('org-form-short').inputValue()) === short2, 'A again');
          await b.goto(`${apiBase}/admin/organisations/${org.id}/edit`);
          await until(async () => (await b.getByTestId('org-form-short').inputValue()) === short2, 'B again');
          await a.getByTestId('org-form-site').fill('https://pekarnya.example');
          await a.getByTestId('org-save').click();
          await a.getByTestId('org-page-title').waitFor({ timeout: 10000 });
          await b.getByTestId('org-form-name').fill('Пекарня на Ленина');
          await b.getByTestId('org-save').click();
          await b.getByTestId('conflict-panel').waitFor({ timeout: 10000 });
          const rows2 = (await changes(b)).map((r) => r[0]);
          expect(JSON.stringify(rows2) === JSON.stringify(['Полное название', 'Сайт']), `round 2: ${rows2}`);
          await b.getByTestId('conflict-reload').click();
          await b.getByTestId('conflict-panel').waitFor({ state: 'detached', timeout: 10000 });
          expect((await b.getByTestId('org-form-site').inputValue()) === 'https://pekarnya.example', 'the site');
          expect((await b.getByTestId('org-form-name').inputValue()) === org.name, 'the stored name is back');
          // saving now goes through with the stored version
          await b.getByTestId('org-form-address').fill('пгт Уруссу, ул. Ленина, 3');
          await b.getByTestId('org-save').click();
          await b.getByTestId('org-page-title').waitFor({ timeout: 10000 });
          const afterReload = await read();
          expect(
            afterReload.site === 'https://pekarnya.example' && afterReload.address === 'пгт Уруссу, ул. Ленина, 3',
            `after the reload: ${afterReload.site} / ${afterReload.address}`,
          );

          // round 3, Tatar: the panel and the field labels in the language
          const c = await open(short2, 'tt');
          await a.goto(`${apiBase}/admin/organisations/${org.id}/edit`);
          await until(async () => (await a.getByTestId('org-form-short').inputValue()) === short2, 'A a third time');
          await a.getByTestId('org-form-address').fill('пгт Уруссу, ул. Ленина, 5');
          await a.getByTestId('org-save').click();
          await a.getByTestId('org-page-title').waitFor({ timeout: 10000 });
          await c.getByTestId('org-form-short').fill(`${short2} В`);
          await c.getByTestId('org-save').click();
          await c
            .getByTestId('conflict-panel')
            .getByText('Язманы башка кулланучы үзгәрткән')
            .waitFor({ timeout: 10000 });
          const rows3 = (await changes(c)).map((r) => r[0]);
          expect(JSON.stringify(rows3) === JSON.stringify(['Кыска исеме', 'Адрес']), `in Tatar: ${rows3}`);
          const ttViolations = await axeViolations(c);
          expect(ttViolations.length === 0, `axe (tt): ${ttViolations.join('; ')}`);
          await c.getByTestId('conflict-panel').scrollIntoViewIfNeeded();
          await screenshot(c, `conflicts-organisation-tt-${width}.png`);
          for (const s of sessions) expect(s.errors.length === 0, s.errors.join('\n'));
        } finally {
          for (const s of sessions) await s.context.close();
        }
      },
    );
  }
}
