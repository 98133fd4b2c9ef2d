// Placements with live Labour Code findings and the labour market (issue 13 items 5 and 6), at 1366 and 390 px.
import {
  axeViolations,
  COORDINATOR,
  fillTermPlacement,
  logIn,
  openAdmin,
  SCHOOL,
  screenshot,
  sidewaysOverflow,
} from '../admin.mjs';

/** Opens a page of the panel from the navigation (behind the menu button on a phone). */
async function go(page, width, route) {
  if (width < 960) await page.getByTestId('menu-button').click();
  await page.getByTestId('nav').locator(`a[href$="/${route}"]`).click();
}

/** Switches the panel's language and reloads (the session stays in the tab). */
async function useLanguage(page, lang) {
  await page.evaluate((l) => localStorage.setItem('socium.lang', l), lang);
  await page.reload();
  await page.getByTestId('user-card').waitFor({ state: 'attached', timeout: 15000 });
}

const WORDS = {
  ru: { blocked: 'Заблокировано', cleared: 'Допущено' },
  tt: { blocked: 'Тукталдырылган', cleared: 'Рөхсәт ителгән' },
};

export default async function ({ browser, apiBase, check, expect }) {
  for (const [width, lang] of [
    [1366, 'ru'],
    [390, 'ru'],
    [390, 'tt'],
  ]) {
    await check(
      `placements: at ${width} px (${lang}) the school administrator types a term-time placement of a 14-year-old, sees the findings live, fixes the hours, saves it blocked and records the consent to clear it`,
      async () => {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, SCHOOL);
          if (lang !== 'ru') await useLanguage(page, lang);
          await go(page, width, 'placements');
          await page.getByTestId('placements-new').click();
          await page.getByTestId('placement-form').waitFor({ timeout: 10000 });

          const code = `E2E-${width}-${lang}-${Date.now() % 1000000}`;
          await fillTermPlacement(page, { code, from: '09:00', to: '13:00' });
          await page.getByTestId('plf-hours-day').fill('4');
          await page.getByTestId('plf-hours-week').fill('20');

          // the findings appear before anything is saved
          const hard = page.getByTestId('plf-hard');
          await hard.waitFor({ timeout: 10000 });
          const rules = await hard.locator('li').evaluateAll((li) => li.map((x) => x.getAttribute('data-rule')));
          for (const rule of ['placement.hours.daily', 'placement.hours.weekly', 'placement.lesson-hours'])
            expect(rules.includes(rule), `live findings lack ${rule}: ${rules.join(', ')}`);
          expect(await page.getByTestId('plf-error-hoursPerDay').isVisible(), 'no error under the hours per day');
          await page.getByTestId('plf-findings').scrollIntoViewIfNeeded();
          await screenshot(page, `placement-live-findings-${width}-${lang}.png`);
          const serious = await axeViolations(page);
          expect(serious.length === 0, `axe: ${JSON.stringify(serious)}`);

          // fixes the hours: after lessons, 2 h a day, 10 h a week; the medical clearance recorded
          await page.getByTestId('plf-shift-starts').fill('15:00');
          await page.getByTestId('plf-shift-ends').fill('17:00');
          await page.getByTestId('plf-hours-day').fill('2');
          await page.getByTestId('plf-hours-week').fill('10');
          await page.getByTestId('plf-medical').fill('2026-11-20');
          await hard.waitFor({ state: 'detached', timeout: 10000 });
          const paperwork = await page
            .getByTestId('plf-paperwork')
            .locator('li')
            .evaluateAll((li) => li.map((x) => x.getAttribute('data-rule')));
          expect(
            paperwork.join() === 'placement.consent.parent-required',
            `paperwork should be the parent's consent only: ${paperwork.join(', ')}`,
          );
          await page.getByTestId('plf-save').click();

          // saved blocked; the page records the consent and it becomes cleared
          const status = page.getByTestId('plp-status');
          await status.getByText(WORDS[lang].blocked).waitFor({ timeout: 10000 });
          await screenshot(page, `placement-blocked-${width}-${lang}.png`);
          await page.getByTestId('plp-parent-consent').locator('input').check();
          await page.getByTestId('plp-record').click();
          await status.getByText(WORDS[lang].cleared).waitFor({ timeout: 10000 });
          await page.getByTestId('plp-no-findings').waitFor({ timeout: 5000 });
          await screenshot(page, `placement-cleared-${width}-${lang}.png`);
          const sideways = await sidewaysOverflow(page);
          expect(sideways <= 0, `the page scrolls sideways by ${sideways} px`);

          // the list shows it cleared, findable by its code
          await go(page, width, 'placements');
          await page.getByTestId('placements-search').fill(code);
          await page.getByTestId('placements-table').getByText(code).waitFor({ timeout: 10000 });
          await page.waitForFunction(
            () => document.querySelectorAll('[data-testid="placements-table"] tr.mat-mdc-row').length === 1,
            null,
            { timeout: 10000 },
          );
          await screenshot(page, `placements-list-${width}-${lang}.png`);
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      },
    );
  }

  for (const width of [1366, 390]) {
    await check(
      `labour market: at ${width} px the coordinator adds a need and sees it among the demanded professions no activity covers`,
      async () => {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width });
        try {
          await logIn(page, COORDINATOR);
          await go(page, width, 'labour-needs');
          await page.getByTestId('lab-coverage').waitFor({ timeout: 10000 });
          await page.getByTestId('lab-new').click();
          const profession = `Мехатроник ${width}-${Date.now() % 100000}`;
          await page.getByTestId('lab-profession').fill(profession);
          await page.getByTestId('lab-sector').fill('Промышленность');
          await page.getByTestId('lab-demand').fill('3');
          await page.getByTestId('lab-source').fill('Центр занятости');
          await page.getByTestId('lab-save').click();
          await page.getByTestId('lab-table').getByText(profession).waitFor({ timeout: 10000 });
          await page.getByTestId('lab-uncovered').getByText(profession).waitFor({ timeout: 10000 });
          await page.getByTestId('lab-coverage').scrollIntoViewIfNeeded();
          await screenshot(page, `labour-needs-${width}.png`);
          const serious = await axeViolations(page);
          expect(serious.length === 0, `axe: ${JSON.stringify(serious)}`);
          const sideways = await sidewaysOverflow(page);
          expect(sideways <= 0, `the page scrolls sideways by ${sideways} px`);
          if (width === 390) {
            await useLanguage(page, 'en');
            await page.getByTestId('lab-coverage').getByText('Not covered by any activity').waitFor({ timeout: 10000 });
            await screenshot(page, `labour-needs-${width}-en.png`);
          }
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      },
    );
  }
}
