// Dates journey: a browser whose locale is American English (mm/dd/yyyy) shows and takes the panel's dates in the
// interface's language — `14.10.2027` in Russian and Tatar, `14/10/2027` in English — with a calendar pop-up whose
// month and weekday names are in that language, Monday first. At 1366 and 390 px, in ru, tt and en.
import { axeViolations, logIn, openAdmin, SCHOOL, screenshot, switchTo } from '../admin.mjs';

const WIDTHS = [1366, 390];

/** What each language shows: the typed date, the pop-up's heading and first weekday, its button, a refusal. */
const LANGS = [
  {
    lang: 'ru',
    name: 'Русский',
    typed: '14.10.2027',
    shape: /^\d{2}\.\d{2}\.\d{4}$/,
    heading: 'ОКТЯБРЬ 2027',
    monday: 'Пн',
    open: 'Открыть календарь',
    invalid: 'Дата не распознана',
  },
  {
    lang: 'tt',
    name: 'Татарча',
    typed: '14.10.2027',
    shape: /^\d{2}\.\d{2}\.\d{4}$/,
    heading: '2027 ЕЛ, ОКТЯБРЬ',
    monday: 'дүш.',
    open: 'Календарьны ачу',
    invalid: 'Дата танылмады',
  },
  {
    lang: 'en',
    name: 'English',
    typed: '14/10/2027',
    shape: /^\d{2}\/\d{2}\/\d{4}$/,
    heading: 'OCTOBER 2027',
    monday: 'Mon',
    open: 'Open the calendar',
    invalid: 'Not a date',
  },
];

export default async function ({ browser, apiBase, check, expect }) {
  await check(
    'dates: with an en-US browser the agreement form shows, takes and picks dates in ru, tt and en (1366, 390)',
    async () => {
      for (const width of WIDTHS) {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width, locale: 'en-US' });
        try {
          await logIn(page, SCHOOL);
          await page.goto(`${apiBase}/admin/agreements/new`);
          const starts = page.getByTestId('agr-starts-on');
          const ends = page.getByTestId('agr-ends-on');
          await starts.waitFor({ timeout: 15000 });
          // an ISO date as pasted (and as the other journeys fill it) is taken in any language
          await ends.fill('2027-10-14');
          await ends.blur();
          for (const l of LANGS) {
            await switchTo(page, l.name);
            const shown = await starts.inputValue();
            expect(l.shape.test(shown), `${l.lang} at ${width}: the start date shows «${shown}»`);
            expect(
              (await ends.inputValue()) === l.typed,
              `${l.lang} at ${width}: the end date re-rendered as «${await ends.inputValue()}», not «${l.typed}»`,
            );
            // typed in the language's own way
            await ends.fill('');
            await ends.fill(l.typed);
            await ends.blur();
            expect(
              (await ends.inputValue()) === l.typed,
              `${l.lang}: «${l.typed}» typed became «${await ends.inputValue()}»`,
            );
            // text that is no date: a sentence in the language under the field, never a silent wrong date
            await ends.fill('31.02.2027');
            await ends.blur();
            const error = page.locator('mat-form-field', { has: ends }).locator('mat-error');
            await error.waitFor({ timeout: 5000 });
            const said = await error.innerText();
            expect(said.includes(l.invalid), `${l.lang}: the refusal says «${said}»`);
            await ends.fill(l.typed);
            await ends.blur();
            // the pop-up: month and weekdays in the language, Monday first, by keyboard too
            await page.locator('mat-form-field', { has: ends }).getByRole('button', { name: l.open }).click();
            const calendar = page.locator('mat-calendar');
            await calendar.waitFor({ timeout: 5000 });
            const heading = (await calendar.locator('.mat-calendar-period-button').innerText()).trim();
            expect(heading.includes(l.heading), `${l.lang}: the calendar heading is «${heading}»`);
            const first = (
              await calendar.locator('.mat-calendar-table-header th span[aria-hidden="true"]').first().innerText()
            ).trim();
            expect(first === l.monday, `${l.lang}: the week starts with «${first}»`);
            await screenshot(page, `dates-calendar-${l.lang}-${width}.png`);
            const axe = await axeViolations(page);
            expect(axe.length === 0, `${l.lang} at ${width}, the calendar: ${axe.join('; ')}`);
            // the active day is the field's; a day later by the arrow key, chosen with Enter
            await page.keyboard.press('ArrowRight');
            await page.keyboard.press('Enter');
            await calendar.waitFor({ state: 'detached', timeout: 5000 });
            const picked = l.typed.replace('14', '15');
            expect((await ends.inputValue()) === picked, `${l.lang}: the keyboard picked «${await ends.inputValue()}»`);
            const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
            expect(scroll <= width, `${l.lang}: the form is ${scroll} px wide at ${width} px`);
            await screenshot(page, `dates-agreement-form-${l.lang}-${width}.png`);
            await ends.fill(l.typed);
            await ends.blur();
          }
          expect(errors.length === 0, errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    },
  );
}
