// Every screen of the panel, as each role sees it, at 1366 px and at 390 px: each menu entry opened in turn
// (the list read from the menu itself, so new screens are covered), checked for serious or critical axe-core
// violations, for sideways scrolling on the phone, for errors in the console, and photographed under
// tmp/screenshots/sweep-*. The English pass also checks that the screen's headings and menu are not in Russian.
import { axeViolations, COORDINATOR, logIn, openAdmin, PARTNER, SCHOOL, screenshot } from '../admin.mjs';

const ROLES = [
  ['coordinator', COORDINATOR],
  ['school', SCHOOL],
  ['partner', PARTNER],
];

/** The menu's paths, in order (the side menu is in the DOM at both widths). */
async function menuPaths(page) {
  await page.getByTestId('nav').locator('a[href]').first().waitFor({ state: 'attached', timeout: 15000 });
  return page
    .getByTestId('nav')
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
}

/** Waits for the screen to settle: a main heading and no progress bar or "loading" text left. */
async function settle(page) {
  await page.locator('main h1, h1').first().waitFor({ timeout: 15000 });
  await page
    .waitForFunction(() => !document.querySelector('mat-progress-bar, mat-spinner, [role="progressbar"]'), null, {
      timeout: 10000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

export default async function sweep({ browser, apiBase, check, expect }) {
  for (const [role, who] of ROLES)
    for (const width of [1366, 390])
      await check(
        `sweep: every screen of the ${role} at ${width} px has no serious axe violation and fits`,
        async () => {
          const { page, context, errors } = await openAdmin(browser, apiBase, { width });
          try {
            await logIn(page, who);
            const paths = await menuPaths(page);
            expect(paths.length >= 3, `the ${role} menu has ${paths.length} entries`);
            const problems = [];
            for (const p of paths) {
              await page.goto(`${apiBase}${p}`);
              await settle(page);
              const name = p.replace(/^\/admin\/?/, '').replace(/\//g, '-') || 'home';
              await screenshot(page, `sweep-${role}-${width}-${name}.png`);
              problems.push(...(await axeViolations(page)).map((v) => `${p}: ${v}`));
              if (width === 390) {
                const wide = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
                if (wide > 1) problems.push(`${p}: the page scrolls sideways by ${wide} px`);
              }
            }
            expect(problems.length === 0, problems.slice(0, 15).join('\n'));
            expect(errors.length === 0, errors.slice(0, 5).join('\n'));
          } finally {
            await context.close();
          }
        },
      );

  await check('sweep: in English no menu entry or screen heading stays Russian, for each role', async () => {
    const problems = [];
    for (const [role, who] of ROLES) {
      const { page, context } = await openAdmin(browser, apiBase, { width: 1366 });
      try {
        await page.evaluate(() => localStorage.setItem('socium.lang', 'en'));
        await page.reload();
        await page.getByLabel('Email').fill(who.email);
        await page.getByLabel('Password').fill(who.password);
        await page.getByRole('button', { name: 'Log in' }).click();
        await page.getByTestId('user-card').waitFor({ state: 'attached', timeout: 15000 });
        for (const p of await menuPaths(page)) {
          await page.goto(`${apiBase}${p}`);
          await settle(page);
          const texts = await page.evaluate(() =>
            [...document.querySelectorAll('[data-testid="nav"] a, h1, h2, th, button, mat-label, label')]
              .map((e) => e.textContent?.trim() ?? '')
              .filter(Boolean),
          );
          // organisation names and people's data may be Russian; interface words may not
          const russian = texts.filter(
            (t) => /[а-яё]{4,}/i.test(t) && !/[«»]|№|ООО|МБОУ|гимназия|школа|Тапарт/i.test(t),
          );
          if (russian.length) problems.push(`${role} ${p}: ${russian.slice(0, 4).join(' | ')}`);
        }
        if (role === 'coordinator') await screenshot(page, 'sweep-coordinator-en-last.png');
      } finally {
        await context.close();
      }
    }
    expect(problems.length === 0, problems.slice(0, 12).join('\n'));
  });
}
