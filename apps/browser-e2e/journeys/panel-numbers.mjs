// Numbers typed in the interface's language on every number field the panel has (issue 13): in an en-US Chromium,
// with the panel in Russian, Tatar and English, at 1366 and 390 px. The placement form's hours and load, the
// agreement form's and an amendment's notice days, the labour needs' demand: "1,5" is read (or refused in a count),
// junk and out-of-range values get the language's sentence under the field; a placement with 1,5 hours a day and a
// need are saved. The plan page's activities are cards on a phone and nothing scrolls sideways.
import {
  axeViolations,
  COORDINATOR,
  fillTermPlacement,
  fits,
  logIn,
  openAdmin,
  SCHOOL,
  screenshot,
  switchTo,
  until,
} from '../admin.mjs';

const LANGS = [
  {
    lang: 'ru',
    name: 'Русский',
    junk: 'Число не распознано',
    whole: 'Введите целое число',
    small: 'не может быть меньше',
    large: 'не может быть больше',
  },
  {
    lang: 'tt',
    name: 'Татарча',
    junk: 'Сан танылмады',
    whole: 'Бөтен сан языгыз',
    small: 'Иң кечкенә рөхсәт ителгән сан',
    large: 'Иң зур рөхсәт ителгән сан',
  },
  {
    lang: 'en',
    name: 'English',
    junk: 'Not a number',
    whole: 'Type a whole number',
    small: 'cannot be less than',
    large: 'cannot be more than',
  },
];

/** "1.5" in English, "1,5" in Russian and Tatar. */
const local = (lang, text) => (lang === 'en' ? text.replace(',', '.') : text.replace('.', ','));

export default async function ({ browser, apiBase, check, expect }) {
  const go = (page, route) => page.goto(`${apiBase}/admin/${route}`);

  /** Types `text` into the field and leaves it, as a user does; answers a probe of the message under it. */
  const type = async (page, testId, text) => {
    const input = page.getByTestId(testId);
    await input.fill(text);
    await input.press('Tab');
    const error = page.locator('mat-form-field', { has: input }).locator('mat-error');
    return async () => ((await error.count()) ? (await error.innerText()).trim() : '');
  };

  /** Expects `text` typed into the field to be refused with a message containing `words`. */
  const refused = async (page, testId, text, words, where) => {
    const message = await type(page, testId, text);
    try {
      await until(async () => (await message()).includes(words), `${where}: the message under «${text}»`, 5000);
    } catch {
      expect(false, `${where}: «${text}» gives «${await message()}», expected «${words}»`);
    }
  };

  /** Expects `text` typed into the field to be read: no message, and shown as `shown`. */
  const read = async (page, testId, text, shown, where) => {
    const message = await type(page, testId, text);
    const input = page.getByTestId(testId);
    try {
      await until(async () => (await message()) === '' && (await input.inputValue()) === shown, where, 5000);
    } catch {
      expect(
        false,
        `${where}: «${text}» shows as «${await input.inputValue()}» with «${await message()}», expected «${shown}»`,
      );
    }
  };

  /** The screen's own content has no serious or critical axe violation. */
  const axe = async (page, where) => {
    const found = await axeViolations(page, { include: 'section.page' });
    expect(found.length === 0, `axe on ${where}: ${found.join('; ')}`);
  };

  /** An agreement of the school in force with no amendment waiting: its page offers a new amendment. */
  const amendable = async (page) => {
    await go(page, 'agreements');
    await page.getByTestId('agreements-table').waitFor({ timeout: 15000 });
    await page.getByRole('option', { name: /^\s*(Действует|Active|Гамәлдә)/ }).click();
    await until(async () => (await page.getByTestId('agreement-link').count()) > 0, 'the agreements in force');
    const hrefs = await page.getByTestId('agreement-link').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    for (const href of hrefs) {
      await page.goto(`${apiBase}/admin${href.replace(/^\/admin/, '')}`);
      // the amendments are loaded once their list has an entry (an amendment or «none yet»)
      const entries = page.getByTestId('amendments').locator(':scope > li');
      await until(async () => (await entries.count()) > 0, `the amendments of ${href}`, 15000);
      if ((await page.getByTestId('amendment-new').count()) > 0) return href;
    }
    throw new Error('no agreement of the school can be amended');
  };

  for (const width of [1366, 390]) {
    await check(
      `numbers: the placement form, the agreement form and an amendment read 1,5 and refuse junk and out-of-range values in ru, tt and en; a placement saved with 1,5 hours; the plan page's activities are cards on a phone (${width} px)`,
      async () => {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width, locale: 'en-US' });
        try {
          await logIn(page, SCHOOL);
          const agreement = await amendable(page);
          for (const l of LANGS) {
            const where = (what) => `${what} (${l.lang}, ${width} px)`;
            await switchTo(page, l.name);

            // — the placement form: hours a day and a week (decimals), the load —
            await go(page, 'placements/new');
            await page.getByTestId('placement-form').waitFor({ timeout: 15000 });
            await refused(page, 'plf-hours-day', 'junk', l.junk, where('hours a day'));
            await refused(page, 'plf-hours-day', '25', l.large, where('hours a day'));
            await refused(page, 'plf-hours-week', '-1', l.small, where('hours a week'));
            await refused(page, 'plf-load', '1000,5', l.large, where('the load'));
            await screenshot(page, `numbers-placement-refused-${l.lang}-${width}.png`);
            await axe(page, where('the placement form with refused numbers'));
            await fits(page, width, expect, where('the placement form'));
            await read(page, 'plf-hours-day', '1,5', local(l.lang, '1,5'), where('hours a day'));
            await read(page, 'plf-hours-week', '7.5', local(l.lang, '7,5'), where('hours a week'));
            await read(page, 'plf-load', '2,5', local(l.lang, '2,5'), where('the load'));

            // — the agreement form: the notice period is a whole number of days, 0 to 365 —
            await go(page, 'agreements/new');
            await page.getByTestId('agr-notice-days').waitFor({ timeout: 15000 });
            await refused(page, 'agr-notice-days', '1,5', l.whole, where('notice days'));
            await refused(page, 'agr-notice-days', 'junk', l.whole, where('notice days'));
            await refused(page, 'agr-notice-days', '400', l.large, where('notice days'));
            await screenshot(page, `numbers-agreement-refused-${l.lang}-${width}.png`);
            await read(page, 'agr-notice-days', '45', '45', where('notice days'));

            // — an amendment's notice period —
            await page.goto(`${apiBase}/admin${agreement.replace(/^\/admin/, '')}`);
            await page.getByTestId('amendment-new').click();
            await page.getByTestId('amendment-field-noticeDays').locator('input').check();
            await refused(page, 'amendment-notice-days', '1,5', l.whole, where("an amendment's notice days"));
            await refused(page, 'amendment-notice-days', 'junk', l.whole, where("an amendment's notice days"));
            await refused(page, 'amendment-notice-days', '366', l.large, where("an amendment's notice days"));
            await page.getByTestId('amendment-notice-days').scrollIntoViewIfNeeded();
            await screenshot(page, `numbers-amendment-refused-${l.lang}-${width}.png`);
            await fits(page, width, expect, where('the agreement page with the amendment form'));
            await read(page, 'amendment-notice-days', '60', '60', where("an amendment's notice days"));

            // — the plan page: on a phone each activity is a card, nothing scrolls sideways —
            await go(page, 'plans');
            await page.getByTestId('plans-table').locator('a').first().click();
            const table = page.getByTestId('activities-table');
            await table.waitFor({ timeout: 15000 });
            await until(async () => (await table.locator('tr.mat-mdc-row').count()) > 0, where('the activities'));
            const columns = await table.locator('th').count();
            expect(width < 600 ? columns === 1 : columns === 7, where(`the activities table has ${columns} columns`));
            if (width < 600) {
              const card = await table.locator('tr.mat-mdc-row').first().innerText();
              expect(
                /\d{2}\.\d{2}\.\d{4}|\d{1,2}\/\d{1,2}\/\d{4}/.test(card),
                where(`a card without its date: ${card}`),
              );
            }
            await fits(page, width, expect, where('the plan page'));
            await axe(page, where('the plan page'));
            await screenshot(page, `numbers-plan-page-${l.lang}-${width}.png`);
          }

          // — a placement saved with 1.5 hours a day typed the English way, shown 1,5 in Russian —
          await go(page, 'placements/new');
          await page.getByTestId('placement-form').waitFor({ timeout: 15000 });
          await fillTermPlacement(page, { code: `NUM-${width}-${Date.now() % 1000000}`, from: '15:00', to: '16:30' });
          await read(page, 'plf-hours-day', '1.5', '1.5', 'hours a day (en)');
          await read(page, 'plf-hours-week', '7,5', '7.5', 'hours a week (en)');
          await page.getByTestId('plf-save').click();
          await page.getByTestId('plp-status').waitFor({ timeout: 15000 });
          await switchTo(page, 'Русский');
          const saved = await page.locator('section.page').innerText();
          expect(saved.includes('1,5') && saved.includes('7,5'), `the saved placement lacks 1,5 and 7,5: ${saved}`);
          await screenshot(page, `numbers-placement-saved-${width}.png`);
          expect(errors.length === 0, `console errors: ${errors.join(' | ')}`);
        } finally {
          await context.close();
        }
      },
    );

    await check(
      `numbers: the labour needs' demand is a whole number of at least 1 in ru, tt and en, and a need is saved (${width} px)`,
      async () => {
        const { page, context, errors } = await openAdmin(browser, apiBase, { width, locale: 'en-US' });
        try {
          await logIn(page, COORDINATOR);
          await go(page, 'labour-needs');
          await page.getByTestId('lab-coverage').waitFor({ timeout: 15000 });
          await page.getByTestId('lab-new').click();
          for (const l of LANGS) {
            const where = (what) => `${what} (${l.lang}, ${width} px)`;
            await switchTo(page, l.name);
            await refused(page, 'lab-demand', '1,5', l.whole, where('the demand'));
            await refused(page, 'lab-demand', 'junk', l.whole, where('the demand'));
            await refused(page, 'lab-demand', '0', l.small, where('the demand'));
            await page.getByTestId('lab-demand').scrollIntoViewIfNeeded();
            await screenshot(page, `numbers-labour-refused-${l.lang}-${width}.png`);
            await axe(page, where('the labour needs with a refused demand'));
            await fits(page, width, expect, where('the labour needs'));
          }
          const profession = `Оператор линии ${width}-${Date.now() % 100000}`;
          await page.getByTestId('lab-profession').fill(profession);
          await page.getByTestId('lab-sector').fill('Промышленность');
          await read(page, 'lab-demand', ' 12 ', '12', 'the demand (en)');
          await page.getByTestId('lab-save').click();
          const row = page.getByTestId('lab-table').locator('tr', { hasText: profession });
          await row.waitFor({ timeout: 15000 });
          expect((await row.innerText()).includes('12'), `the saved need lacks its demand: ${await row.innerText()}`);
          await screenshot(page, `numbers-labour-saved-${width}.png`);
          await switchTo(page, 'Русский');
          expect(errors.length === 0, `console errors: ${errors.join(' | ')}`);
        } finally {
          await context.close();
        }
      },
    );
  }
}
