// Agreements in the panel (issue 13 item 3, issue 14 item 4): the school administrator creates an agreement, opens
// its page and signs for the school; the partner representative signs for the partner; an amendment signed by both
// moves the end date; the coordinator terminates the agreement and reads its history. At 1366 and 390 px, with
// "today" in the browser pinned to the server's SOCIUM_TODAY (2026-11-28).

import {
  axeViolations,
  COORDINATOR,
  logIn,
  PARTNER,
  pinClock,
  SCHOOL,
  screenshot,
  sidewaysOverflow,
} from '../admin.mjs';

const TODAY = new Date('2026-11-28T12:00:00');

/** A new context with the browser's clock pinned, logged in as `who`, optionally in another language. */
async function open(browser, apiBase, width, who, lang) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  await pinClock(context, TODAY);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${apiBase}/admin/`);
  await logIn(page, who);
  if (lang) {
    await page.evaluate((l) => localStorage.setItem('socium.lang', l), lang);
    await page.reload();
    await page.getByTestId('user-card').waitFor({ state: 'attached', timeout: 15000 });
  }
  return { page, context, errors };
}

/** Confirms the open dialog (its date left at today, a reason filled in when it asks one). */
async function confirmDialog(page, reason) {
  const dialog = page.locator('admin-agreement-action-dialog');
  await dialog.waitFor({ timeout: 10000 });
  if (reason) {
    // the form binds its fields a tick after the dialog opens: fill until the value stays
    const field = dialog.getByTestId('dialog-reason');
    for (let i = 0; i < 5 && (await field.inputValue()) !== reason; i++) {
      await field.fill(reason);
      await page.waitForTimeout(200);
    }
  }
  await dialog.getByTestId('dialog-confirm').click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
}

async function noSidewaysScroll(page, expect, where) {
  const over = await sidewaysOverflow(page);
  expect(over <= 1, `${where} scrolls sideways by ${over}px`);
}

export default async function ({ browser, apiBase, check, expect }) {
  for (const width of [1366, 390]) {
    await check(`agreements: create, sign by both, amend, terminate, history (${width} px)`, async () => {
      const number = `БР-${width}-${Date.now().toString(36)}`;
      const school = await open(browser, apiBase, width, SCHOOL);
      const opened = [school];
      try {
        // the school administrator creates the agreement
        const p = school.page;
        await p.goto(`${apiBase}/admin/agreements/new`);
        await p.getByTestId('field-number').fill(number);
        await p.getByRole('combobox', { name: 'Социальный партнёр' }).click({ force: true }); // its label covers it
        await p.getByRole('option', { name: 'Завод «Тапарт»' }).click();
        // the partner's list must be gone before the next one opens (its closing overlay takes the clicks)
        await p.getByRole('listbox').waitFor({ state: 'detached', timeout: 10000 });
        await p.getByLabel('Предмет соглашения').fill('Совместная профориентационная работа');
        await p.getByLabel('Цель').fill('Профессиональное самоопределение обучающихся');
        await p.getByRole('combobox', { name: 'Направления' }).click({ force: true });
        await p.getByRole('listbox').waitFor({ timeout: 10000 });
        await p.waitForTimeout(300); // the panel's opening animation
        await p.getByRole('option').first().click();
        await p.keyboard.press('Escape');
        await p.getByRole('listbox').waitFor({ state: 'detached', timeout: 10000 });
        await p.getByLabel('Обязательство').nth(0).fill('Формировать группы обучающихся');
        await p.getByLabel('Обязательство').nth(1).fill('Проводить экскурсии на предприятие');
        await p.getByLabel('Дата окончания').fill('2027-08-31');
        await p.getByTestId('agreement-save').click();
        await p.getByTestId('agreement-title').getByText(number).waitFor({ timeout: 15000 });
        const id = p.url().split('/').pop();
        expect((await p.getByTestId('agreement-status').innerText()).includes('Черновик'), 'a new one is a draft');
        await noSidewaysScroll(p, expect, 'the agreement page');
        await screenshot(p, `agreement-draft-${width}.png`);

        // … opens it from the list, and signs for the school behind the confirmation
        await p.goto(`${apiBase}/admin/agreements`);
        await p.getByTestId('agreements-search').fill(number);
        // the search has answered: its number alone (the new draft is on the first page before the search too)
        await p.getByTestId('agreements-count').getByText('Найден 1 договор').waitFor({ timeout: 10000 });
        await p.getByRole('link', { name: number }).waitFor({ timeout: 10000 });
        await noSidewaysScroll(p, expect, 'the agreement list');
        await screenshot(p, `agreements-list-${width}.png`);
        await p.getByRole('link', { name: number }).click();
        await p.getByTestId('sign-school').click();
        await confirmDialog(p);
        await p.getByTestId('signature-school').getByText('подписано 28.11.2026').waitFor({ timeout: 10000 });
        expect((await p.getByTestId('sign-partner').count()) === 0, 'a school signs only for the school');

        // … uploads the signed scan and downloads it back
        await p.getByTestId('scan-file').setInputFiles({
          name: 'scan.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n% browser journey\n%%EOF\n'),
        });
        await p.getByTestId('scan-download').waitFor({ timeout: 10000 });
        const [download] = await Promise.all([
          p.waitForEvent('download', { timeout: 15000 }),
          p.getByTestId('scan-download').click(),
        ]);
        expect(
          download.suggestedFilename() === `agreement-${number}.pdf`,
          `scan saved as ${download.suggestedFilename()}`,
        );

        // the partner representative signs for the partner
        const partner = await open(browser, apiBase, width, PARTNER);
        opened.push(partner);
        await partner.page.goto(`${apiBase}/admin/agreements/${id}`);
        await partner.page.getByTestId('sign-partner').click();
        await confirmDialog(partner.page);
        await partner.page.getByTestId('agreement-status').getByText('Действует').waitFor({ timeout: 10000 });
        expect((await partner.page.getByTestId('agreement-terminate').count()) === 0, 'a partner never terminates');
        await screenshot(partner.page, `agreement-signed-partner-${width}.png`);

        // an amendment moving the end date, signed by both
        await p.reload();
        await p.getByTestId('amendment-new').click();
        await p.getByTestId('amendment-field-endsOn').locator('input').check();
        await p.getByTestId('amendment-ends-on').fill('2028-08-31');
        await p.getByTestId('amendment-create').click();
        await p.getByTestId('amendment-1').waitFor({ timeout: 10000 });
        await p.getByTestId('amendment-sign-school').click();
        await confirmDialog(p);
        await p.getByTestId('amendment-1-signature-school').getByText('подписано').waitFor({ timeout: 10000 });
        await partner.page.reload();
        await partner.page.getByTestId('amendment-sign-partner').click();
        await confirmDialog(partner.page);
        await partner.page
          .getByTestId('agreement-term')
          .getByText('28.11.2026 — 31.08.2028')
          .waitFor({ timeout: 10000 });
        const item = await partner.page.getByTestId('amendment-1').innerText();
        expect(item.includes('31.08.2027') && item.includes('31.08.2028'), `amendment lacks before/after: ${item}`);
        await screenshot(partner.page, `agreement-amended-${width}.png`);

        // the coordinator (in English) terminates it and reads the history from the audit log
        const coordinator = await open(browser, apiBase, width, COORDINATOR, width === 390 ? 'en' : undefined);
        opened.push(coordinator);
        const c = coordinator.page;
        await c.goto(`${apiBase}/admin/agreements/${id}`);
        await c.getByTestId('agreement-terminate').click();
        await confirmDialog(c, width === 390 ? 'By mutual agreement' : 'По соглашению сторон');
        await c
          .getByTestId('agreement-status')
          .getByText(width === 390 ? 'Terminated' : 'Расторгнуто')
          .waitFor({ timeout: 10000 });
        const history = await c.getByTestId('agreement-history').innerText();
        expect(
          history.includes(width === 390 ? 'Amendment No. 1 signed' : 'Подписано дополнительное соглашение № 1'),
          `history lacks the amendment: ${history.slice(0, 400)}`,
        );
        await noSidewaysScroll(c, expect, 'the terminated agreement');
        await screenshot(c, `agreement-terminated-${width}.png`);
        const problems = await axeViolations(c);
        expect(problems.length === 0, `axe: ${problems.join('; ')}`);

        for (const o of opened) expect(o.errors.length === 0, o.errors.join('\n'));
      } catch (e) {
        // the screen as it was when the step failed, to look at
        for (const [i, o] of opened.entries()) await screenshot(o.page, `agreement-failure-${width}-${i}.png`);
        throw e;
      } finally {
        for (const o of opened) await o.context.close();
      }
    });
  }
}
