// Dashboard and reports journeys: each role lands on its dashboard and follows an item to its record; the
// coordinator picks a term in the reports, reads the per-school table and downloads the XLSX. At 1366 and 390 px,
// in Russian and in Tatar or English.
import fs from 'node:fs';

import { COORDINATOR, logIn, openAdmin, PARTNER, SCHOOL, screenshot } from '../admin.mjs';

const WIDTHS = [1366, 390];

/** Switches the panel's language the way the language menu stores it, and reloads (the session survives). */
async function useLang(page, lang) {
  await page.evaluate((l) => localStorage.setItem('socium.lang', l), lang);
  await page.reload();
  await page.getByTestId('user-card').waitFor({ state: 'attached', timeout: 15000 });
}

/** Opens a page from the navigation; on a phone through the menu button first. */
async function goTo(page, width, name) {
  if (width < 960) await page.getByTestId('menu-button').click();
  await page.getByTestId('nav').getByRole('link', { name, exact: true }).click();
}

/** Nothing scrolls sideways, and every link and button of the page has a name. */
async function checkLayout(page, width, expect, where) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll <= width, `${where}: the page is ${scroll} px wide at ${width} px`);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('main a, main button')]
      .filter((e) => !(e.getAttribute('aria-label') || e.textContent || '').trim())
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(unnamed.length === 0, `${where}: unnamed controls ${unnamed.join(', ')}`);
}

/** The dashboard's work lists have loaded (each shows rows or its empty sentence, none an error). */
async function listsLoaded(page, ids, expect) {
  for (const id of ids) {
    const card = page.getByTestId(id);
    await card.locator('li, .empty').first().waitFor({ timeout: 15000 });
    expect((await card.locator('.error-banner').count()) === 0, `${id} shows an error`);
  }
}

export default async function ({ browser, apiBase, check, expect }) {
  await check(
    'dashboard: the coordinator lands on the district dashboard and opens a plan from it (1366, 390)',
    async () => {
      for (const width of WIDTHS) {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, COORDINATOR);
          await page.getByRole('heading', { name: 'Панель управления', level: 1 }).waitFor({ timeout: 10000 });
          await page.getByTestId('dash-figures').waitFor({ timeout: 15000 });
          const figures = await page.getByTestId('dash-figures').innerText();
          expect(figures.includes('Действующие соглашения') && /\d/.test(figures), `figures: ${figures.slice(0, 200)}`);
          const chart = await page.getByTestId('dash-chart').innerText();
          expect(/\d+ из \d+/.test(chart), `the chart shows no school: ${chart.slice(0, 200)}`);
          await listsLoaded(
            page,
            ['dash-attention', 'dash-without-plan', 'dash-plans', 'dash-documents', 'dash-placements'],
            expect,
          );
          // the demo has agreements expiring within 60 days and a blocked placement
          const attention = await page.getByTestId('dash-attention').innerText();
          expect(
            attention.includes('Срок действия истекает'),
            `no expiring agreement listed: ${attention.slice(0, 300)}`,
          );
          expect((await page.getByTestId('dash-placements').locator('li').count()) > 0, 'no blocked placement listed');
          await checkLayout(page, width, expect, 'coordinator dashboard');
          await screenshot(page, `dashboard-coordinator-${width}.png`);

          const plan = page.getByTestId('dash-plans').locator('li a').first();
          const href = (await plan.getAttribute('href')) ?? '';
          expect(/\/admin\/plans\/[\w-]+$/.test(href), `the plan item links to ${href}`);
          await plan.click();
          await page.getByTestId('plan-status').waitFor({ timeout: 10000 });
          expect(page.url().endsWith(href.replace('/admin', '')), `opened ${page.url()} instead of ${href}`);
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    },
  );

  await check(
    'dashboard: the coordinator picks a term in the reports, reads the per-school table and downloads the XLSX (1366, 390)',
    async () => {
      for (const width of WIDTHS) {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, COORDINATOR);
          await goTo(page, width, 'Отчёты');
          await page.getByTestId('report-period-heading').getByText('2026-2027').waitFor({ timeout: 15000 });
          await page.getByTestId('report-period').click();
          await page.getByRole('option', { name: /^2-я четверть/ }).click();
          await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
          await page.getByTestId('report-period-heading').getByText('2026-2027:q2').waitFor({ timeout: 15000 });
          const schools = page.getByTestId('report-schools');
          await schools.waitFor({ timeout: 10000 });
          const rows = await schools.locator('tbody tr').count();
          expect(rows >= 2, `the per-school table has ${rows} rows`);
          const table = await schools.innerText();
          expect(table.includes('Уруссинская гимназия'), `no gymnasium row: ${table.slice(0, 200)}`);
          const missing = page.getByTestId('report-indicators').locator('tr.missing');
          const why = (await missing.count()) > 0 ? await missing.first().innerText() : '';
          expect(/Нет данных|В периоде/.test(why), `no missing indicator explained in words: ${why}`);
          await checkLayout(page, width, expect, 'reports');
          await screenshot(page, `reports-term-${width}.png`);

          const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 20000 }),
            page.getByTestId('report-download-xlsx').click(),
          ]);
          expect(
            download.suggestedFilename() === 'socium-report-2026-2027_q2.xlsx',
            `unexpected file ${download.suggestedFilename()}`,
          );
          const file = await download.path();
          const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
          expect(head === 'PK', `the XLSX starts with ${JSON.stringify(head)}`);
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    },
  );

  await check(
    'dashboard: a school administrator lands on the school dashboard in Tatar and opens a coming activity’s plan (1366, 390)',
    async () => {
      for (const width of WIDTHS) {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, SCHOOL);
          await useLang(page, 'tt');
          await page.getByRole('heading', { name: 'Идарә панеле', level: 1 }).waitFor({ timeout: 10000 });
          await page.getByTestId('dash-figures').waitFor({ timeout: 15000 });
          const figures = await page.getByTestId('dash-figures').innerText();
          expect(figures.includes('Гамәлдәге килешүләр'), `figures not in Tatar: ${figures.slice(0, 200)}`);
          await listsLoaded(
            page,
            ['dash-attention', 'dash-without-plan', 'dash-plans', 'dash-documents', 'dash-placements', 'dash-coming'],
            expect,
          );
          const nothing = await page.getByTestId('dash-documents').innerText();
          expect(nothing.includes('Игътибар таләп иткән нәрсә юк.'), `documents card: ${nothing}`);
          await checkLayout(page, width, expect, 'school dashboard');
          await screenshot(page, `dashboard-school-tt-${width}.png`);

          const activity = page.getByTestId('dash-coming').locator('li a').first();
          const href = (await activity.getAttribute('href')) ?? '';
          expect(/\/admin\/plans\/[\w-]+$/.test(href), `the activity links to ${href}`);
          await activity.click();
          await page.getByTestId('plan-status').waitFor({ timeout: 10000 });
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    },
  );

  await check(
    'dashboard: a partner representative lands on its dashboard in English and opens its agreement (1366, 390)',
    async () => {
      for (const width of WIDTHS) {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, PARTNER);
          await useLang(page, 'en');
          await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: 10000 });
          await listsLoaded(page, ['dash-own-agreements', 'dash-coming'], expect);
          expect((await page.getByTestId('dash-figures').count()) === 0, 'a partner sees the district figures');
          const own = page.getByTestId('dash-own-agreements').locator('li a').first();
          const label = (await own.innerText()).trim();
          expect(/^Agreement No\. /.test(label), `the agreement item reads ${label}`);
          await checkLayout(page, width, expect, 'partner dashboard');
          await screenshot(page, `dashboard-partner-en-${width}.png`);

          const number = label.replace(/^Agreement No\. /, '');
          const href = (await own.getAttribute('href')) ?? '';
          expect(/\/admin\/agreements\/[\w-]+$/.test(href), `the agreement links to ${href}`);
          await own.click();
          // the agreement's page (agreements/:id, helper A's screen)
          await page.getByTestId('agreement-title').getByText(number).waitFor({ timeout: 10000 });
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    },
  );
}
