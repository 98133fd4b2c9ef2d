// Numbers and calendar dates typed in the interface's language: with an en-US browser and the panel in Russian,
// Tatar and English, a term date typed as an impossible day on the school-year calendar gets the datepicker's message
// under the field and saving waits; the screen fits at 1366 and 390 px and axe finds nothing serious.
import { axeViolations, fits, logIn, openAdmin, SCHOOL, screenshot, switchTo, until } from '../admin.mjs';

const LANGS = [
  { lang: 'ru', name: 'Русский', invalid: 'Дата не распознана' },
  { lang: 'tt', name: 'Татарча', invalid: 'Дата танылмады' },
  { lang: 'en', name: 'English', invalid: 'Not a date' },
];

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(
      `calendar: an impossible term date shows the datepicker's message and blocks saving, in ru, tt and en (${width} px)`,
      async () => {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width, locale: 'en-US' });
        try {
          await logIn(page, SCHOOL);
          await page.goto(`${apiBase}/admin/calendar`);
          const terms = page.getByTestId('calendar-terms');
          await terms.waitFor({ timeout: 15000 });
          const first = terms.locator('tbody tr').first().locator('input').first();
          const save = page.getByTestId('calendar-save');
          for (const l of LANGS) {
            await switchTo(page, l.name);
            await first.fill('31.02.2026');
            const alert = terms.getByRole('alert');
            await until(async () => (await alert.count()) === 1, `the message under the field (${l.lang})`);
            const text = await alert.innerText();
            expect(text.includes(l.invalid), `${l.lang} at ${width}: the message reads «${text}»`);
            expect(await save.isDisabled(), `${l.lang} at ${width}: saving waits for the date`);
            expect((await first.getAttribute('aria-invalid')) === 'true', `${l.lang}: the field is marked invalid`);
            await fits(page, width, expect, `the calendar with a refused date (${l.lang})`);
            const axe = await axeViolations(page);
            expect(axe.length === 0, `${l.lang} at ${width}: axe ${JSON.stringify(axe)}`);
            await screenshot(page, `calendar-unreadable-date-${l.lang}-${width}.png`);
            await first.fill('');
            await until(
              async () => (await alert.count()) === 0,
              `the message gone once the field is cleared (${l.lang})`,
            );
          }
          await switchTo(page, 'Русский');
          expect(errors.length === 0, `console errors: ${errors.join(' | ')}`);
        } finally {
          await context.close();
        }
      },
    );
  }
}
