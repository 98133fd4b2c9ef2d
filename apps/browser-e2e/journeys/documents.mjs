// Documents (issue 15): the coordinator sends the 12 February 2020 resolution of the round table to every institution
// of the demo district; the gymnasium records it received, acknowledges it and answers with its plan; the due date
// has passed, so the reminders' run escalates the late ones to the coordinator: the bell counts it, the list names
// them, the recipients table marks them overdue. Then a partner without an account opens its single-use link.
// The API's "today" is pinned (run.mjs: SOCIUM_TODAY), so the journey does not move the clock: the resolution keeps its
// real date, 12.02.2020, with a deadline of ten working days, long past.
import fs from 'node:fs';
import path from 'node:path';

import { apiAs, axeViolations, COORDINATOR, logIn, openAdmin, SCHOOL, screenshot } from '../admin.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const seed = fs.readFileSync(path.join(root, 'docs', 'product', 'resolution-2020-02-12.txt'), 'utf8');

/** The resolution as registered: no number («б/н»), its date, its name, items 4–5 as the summary. */
const RESOLUTION = {
  number: 'б/н',
  issuedOn: '2020-02-12',
  title: `Резолюция Круглого стола ${seed
    .split('\n')
    .find((l) => l.startsWith('«Взаимодействие'))
    .replace(/\.$/, '')}`,
  summary: seed
    .split('\n')
    .filter((l) => /^[45]\. /.test(l))
    .join(' '),
  workingDays: '10',
};
/** A small PDF as the file input receives it (the API recognises a PDF by its first bytes). */
const pdf = (name, text) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`),
});
const RESOLUTION_FILE = 'Резолюция круглого стола 12.02.2020.pdf';
const ANSWER_FILE = 'План гимназии на 2019-2020.pdf';
/** The day the API counts as today in the browser run (run.mjs pins it). */
const API_TODAY = '2026-11-28';

const noSideways = async (page, width, what, expect) => {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll <= width, `${what} is ${scroll} px wide at ${width} px`);
};
const noAxe = async (page, what, expect) => {
  const found = await axeViolations(page);
  expect(found.length === 0, `${what}: ${found.join('\n')}`);
};
/** A document's entry in the organisation's inbox, opened (its open link shown). */
const inboxEntry = async (page, id) => {
  const entry = page.getByTestId('doc-table').locator('tr', { has: page.locator(`a[href$="/documents/${id}"]`) });
  await entry.getByTestId('doc-open').waitFor({ timeout: 10000 });
  return entry;
};
const bellCount = async (page) => {
  const name = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? NaN);
};

/** One request to the API as `who` (a log-in each time: the journeys' calls are few). */
const api = async (apiBase, method, url, body, who = COORDINATOR) =>
  (await apiAs(apiBase, who)).send(method, url, body);

export default async function documentsJourney({ browser, apiBase, check, expect }) {
  /** the resolution registered by the first check, for the others */
  let docId = '';

  await check(
    'documents: the coordinator sends the 12.02.2020 resolution to every institution; the gymnasium receives, acknowledges and answers with its plan; the reminders run, the bell counts the late ones, the list names them (1366 px)',
    async () => {
      const width = 1366;
      const orgs = await api(apiBase, 'GET', '/organisations?limit=100');
      const institutions = orgs.items.filter((o) => o.kind !== 'department');
      const gymnasium = orgs.items.find((o) => o.slug === 'urussu-gymnasium');

      // the coordinator registers the resolution and sends it to every school and partner
      const coordinator = await openAdmin(browser, apiBase, { width });
      try {
        const { page } = coordinator;
        await logIn(page, COORDINATOR);
        await page.getByRole('link', { name: 'Документы' }).first().click();
        await page.getByTestId('doc-new').click();
        await page.getByTestId('doc-number').fill(RESOLUTION.number);
        await page.getByTestId('doc-issued-on').fill(RESOLUTION.issuedOn);
        await page.getByTestId('doc-name').fill(RESOLUTION.title);
        await page.getByTestId('doc-summary').fill(RESOLUTION.summary);
        await page.getByTestId('doc-due-days').click();
        await page.getByTestId('doc-working-days').fill(RESOLUTION.workingDays);
        await screenshot(page, `documents-register-${width}.png`);
        await noAxe(page, 'the new document form', expect);
        await page.getByTestId('doc-save').click();
        await page.getByRole('heading', { name: RESOLUTION.title }).waitFor({ timeout: 10000 });
        docId = /\/documents\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
        expect(docId && docId !== 'new', `no document id in ${page.url()}`);
        const requisites = await page.getByTestId('doc-requisites').innerText();
        expect(requisites.includes('№ б/н от 12.02.2020'), `the requisites read: ${requisites}`);
        // the deadline counted by the API: ten working days on the district's calendar, shown as a date
        const stored = await api(apiBase, 'GET', `/documents/${docId}`);
        const due = (stored.dueOn ?? '').split('-').reverse().join('.');
        expect(stored.dueOn > RESOLUTION.issuedOn && requisites.includes(due), `deadline ${due} in: ${requisites}`);

        // the resolution's text goes with it: a file on the document's page, before it is sent
        await page.getByTestId('doc-files-empty').waitFor({ timeout: 10000 });
        await page.getByTestId('doc-file-input').setInputFiles(pdf(RESOLUTION_FILE, 'the resolution'));
        await page.getByTestId('doc-file').filter({ hasText: RESOLUTION_FILE }).waitFor({ timeout: 10000 });
        const listed = await page.getByTestId('doc-file').innerText();
        expect(/PDF · \d+ Б · загружен \d\d\.\d\d\.\d{4}/.test(listed), `the file is listed as: ${listed}`);
        // a refused file is told once, under the control, in Russian
        await page
          .getByTestId('doc-file-input')
          .setInputFiles({ name: 'заметки.txt', mimeType: 'text/plain', buffer: Buffer.from('просто текст') });
        const refusal = await page.getByTestId('doc-files-action-error').innerText();
        expect(refusal.includes('PDF, DOCX, XLSX, ODT, JPEG или PNG'), `the refusal reads: ${refusal}`);
        await screenshot(page, `documents-files-${width}.png`);
        await noAxe(page, "the document's files", expect);

        await page.getByTestId('doc-send-open').click();
        await page.getByTestId('doc-send-all').click();
        await page.locator('[data-testid="doc-send-all"].mat-button-toggle-checked').waitFor({ timeout: 5000 });
        await screenshot(page, `documents-send-dialog-${width}.png`);
        await noAxe(page, 'the send dialog', expect);
        await page.getByTestId('doc-send-submit').click();
        await page.getByTestId('doc-send').waitFor({ state: 'detached', timeout: 10000 });
        const rows = page.locator('[data-testid="doc-recipients"] tbody tr');
        await rows.first().waitFor({ timeout: 10000 });
        expect(
          (await rows.count()) === institutions.length,
          `${await rows.count()} recipients, ${institutions.length} institutions`,
        );
        const table = await page.getByTestId('doc-recipients').innerText();
        expect(/Уруссинская гимназия/.test(table), 'the gymnasium is not among the recipients');
        expect(/Тапарт/.test(table), 'the partners are not among the recipients');
        await screenshot(page, `documents-sent-${width}.png`);
        expect(coordinator.errors.length === 0, coordinator.errors.join('\n'));
      } finally {
        await coordinator.context.close();
      }

      // the gymnasium finds it in its inbox, records it received, acknowledges it and answers with its plan
      const school = await openAdmin(browser, apiBase, { width });
      try {
        const { page } = school;
        await logIn(page, SCHOOL);
        await page.getByRole('link', { name: 'Документы' }).first().click();
        const entry = await inboxEntry(page, docId);
        await screenshot(page, `documents-inbox-${width}.png`);
        await noAxe(page, "the gymnasium's inbox", expect);
        await entry.getByTestId('doc-open').click();
        await page.getByTestId('doc-mine').waitFor({ timeout: 10000 });
        // the resolution's file is there to download, and only to download
        const file = page.getByTestId('doc-file').filter({ hasText: RESOLUTION_FILE });
        await file.waitFor({ timeout: 10000 });
        expect((await page.getByTestId('doc-file-upload').count()) === 0, 'the school is offered an upload');
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 10000 }),
          file.getByTestId('doc-file-download').click(),
        ]);
        expect(download.suggestedFilename() === RESOLUTION_FILE, `downloaded as ${download.suggestedFilename()}`);
        await page.getByTestId('doc-incoming-number').fill('Вх. 45');
        await page.getByTestId('doc-received-on').fill(API_TODAY);
        await page.getByTestId('doc-receive').click();
        await page.getByTestId('doc-acknowledge').waitFor({ timeout: 10000 });
        await page.getByTestId('doc-comment').fill('Обсуждено на педагогическом совете');
        await page.getByTestId('doc-acknowledge').click();
        await page.getByTestId('doc-respond').waitFor({ timeout: 10000 });
        await page
          .getByTestId('doc-response')
          .fill(
            'Совместный план на 2019–2020 учебный год с социальными партнёрами утверждён: профориентация с заводом «Тапарт», волонтёрство с КЦСОН.',
          );
        // the answer names the gymnasium's own joint plan and carries its file
        await page.getByTestId('doc-response-plan').click();
        await page
          .getByRole('option', { name: /Совместный план работы/ })
          .first()
          .click();
        await page.getByTestId('doc-response-file-input').setInputFiles(pdf(ANSWER_FILE, 'the answer'));
        await page.getByTestId('doc-response-file-name').getByText(ANSWER_FILE).waitFor({ timeout: 5000 });
        await screenshot(page, `documents-respond-${width}.png`);
        await noAxe(page, 'the respond form', expect);
        // the same form on a phone: the plan, the file and the button stay within the screen
        await page.setViewportSize({ width: 390, height: 900 });
        await noSideways(page, 390, 'the respond form', expect);
        await page.getByTestId('doc-respond').scrollIntoViewIfNeeded();
        await screenshot(page, 'documents-respond-390.png');
        await page.setViewportSize({ width, height: 900 });
        await page.getByTestId('doc-respond').click();
        await page.getByTestId('doc-mine-state').getByText('Дан ответ').waitFor({ timeout: 10000 });
        const mine = await page.getByTestId('doc-mine-state').innerText();
        expect(mine.includes('Вх. 45'), `the incoming number is not shown: ${mine}`);
        expect(!mine.includes('Просрочено'), `the gymnasium answered but is marked overdue: ${mine}`);
        await screenshot(page, `documents-answered-${width}.png`);
        await noAxe(page, "the gymnasium's document page", expect);
        expect(school.errors.length === 0, school.errors.join('\n'));
      } finally {
        await school.context.close();
      }

      // the coordinator runs the reminders on demand: the bell counts the escalation, the list names the late ones
      const back = await openAdmin(browser, apiBase, { width });
      try {
        const { page } = back;
        await logIn(page, COORDINATOR);
        const before = await bellCount(page);
        await page.getByTestId('notification-bell').click();
        await page.getByRole('heading', { name: 'Уведомления' }).waitFor({ timeout: 10000 });
        await page.getByTestId('ntf-run').click();
        await page.getByTestId('ntf-run-result').getByText('Напоминаний:').waitFor({ timeout: 15000 });
        const late = institutions.length - 1;
        const item = page
          .getByTestId('ntf-item')
          .filter({ has: page.locator(`a[href$="/documents/${docId}"]`) })
          .first();
        await item.waitFor({ timeout: 10000 });
        const text = await item.innerText();
        expect(text.includes(`получателей с просрочкой — ${late}`), `the escalation reads: ${text}`);
        expect(text.includes('Тапарт') && !text.includes('Уруссинская гимназия'), `the late ones named: ${text}`);
        for (let i = 0; i < 20 && (await bellCount(page)) <= before; i++) await page.waitForTimeout(250);
        const after = await bellCount(page);
        expect(after > before, `the bell still counts ${after} (was ${before})`);
        await screenshot(page, `documents-notifications-${width}.png`);
        await noAxe(page, 'the notifications', expect);

        await item.getByTestId('ntf-open').click();
        await page.getByTestId('doc-recipients').waitFor({ timeout: 10000 });
        const rows = page.locator('[data-testid="doc-recipients"] tbody tr');
        const overdue = rows.filter({ hasText: 'Просрочено' });
        expect((await overdue.count()) === late, `${await overdue.count()} rows overdue, ${late} expected`);
        const own = await page.locator(`[data-testid="doc-recipients"] tr[data-org="${gymnasium.id}"]`).innerText();
        expect(own.includes('Дан ответ') && !own.includes('Просрочено'), `the gymnasium's row: ${own}`);
        expect(own.includes('Совместный план'), `the gymnasium's plan is not shown: ${own}`);
        const ownRow = page.locator(`[data-testid="doc-recipients"] tr[data-org="${gymnasium.id}"]`);
        const planLink = ownRow.getByTestId('doc-recipient-plan').locator('a');
        const href = (await planLink.getAttribute('href')) ?? '';
        expect(/\/plans\/[0-9a-f-]{36}$/.test(href), `the plan link goes to ${href}`);
        expect((await planLink.innerText()).startsWith('Совместный план работы'), 'the plan link is not named');
        const [answer] = await Promise.all([
          page.waitForEvent('download', { timeout: 10000 }),
          ownRow.getByTestId('doc-response-download').click(),
        ]);
        expect(answer.suggestedFilename() === ANSWER_FILE, `the answer downloaded as ${answer.suggestedFilename()}`);
        // sent: the resolution's file can no longer be removed, and the page says why
        expect((await page.getByTestId('doc-file-remove').count()) === 0, 'a sent file offers removal');
        await page.getByTestId('doc-files-sent').waitFor({ timeout: 5000 });
        // the response's plan and file share its cell: the table still fits the page, its actions in view
        const fits = await page.locator('.table-wrap').evaluate((e) => e.scrollWidth <= e.clientWidth + 1);
        expect(fits, 'the recipients table scrolls sideways at 1366 px');
        await ownRow.scrollIntoViewIfNeeded();
        await screenshot(page, `documents-response-plan-file-${width}.png`);
        await screenshot(page, `documents-overdue-${width}.png`);
        await noAxe(page, 'the recipients table', expect);
        expect(back.errors.length === 0, back.errors.join('\n'));
      } finally {
        await back.context.close();
      }
    },
  );

  await check('documents: the register, the document, its recipients and the inbox fit a 390 px phone', async () => {
    expect(docId, 'the resolution was not registered by the journey before');
    const width = 390;
    const coordinator = await openAdmin(browser, apiBase, { width });
    try {
      const { page } = coordinator;
      await logIn(page, COORDINATOR);
      await page.getByTestId('menu-button').click();
      await page.getByTestId('nav').getByRole('link', { name: 'Документы' }).click();
      await page.getByTestId('doc-new').waitFor({ timeout: 10000 });
      await noSideways(page, width, 'the register', expect);
      await screenshot(page, `documents-register-list-${width}.png`);
      await page.getByTestId('doc-new').click();
      await page.getByTestId('doc-form').waitFor({ timeout: 10000 });
      await page.getByTestId('doc-due-days').click();
      await noSideways(page, width, 'the new document form', expect);
      await screenshot(page, `documents-register-${width}.png`);
      await page.goto(`${apiBase}/admin/documents/${docId}`);
      await page.getByTestId('doc-recipients').waitFor({ timeout: 10000 });
      await page.getByTestId('doc-send-open').click();
      await page.getByTestId('doc-send-all').waitFor({ timeout: 5000 });
      await noSideways(page, width, 'the document with its send dialog', expect);
      // every choice of the send dialog is within the screen (they wrap instead of running off the panel)
      for (const id of [
        'doc-send-all',
        'doc-send-schools',
        'doc-send-kinds',
        'doc-send-partner-types',
        'doc-send-chosen',
      ]) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `${id} is off the screen: ${JSON.stringify(box)}`);
      }
      await screenshot(page, `documents-overdue-${width}.png`);
      await noAxe(page, 'the document page on a phone', expect);
      // the escalation in the notifications, read on the phone
      await page.getByTestId('notification-bell').click();
      const item = page
        .getByTestId('ntf-item')
        .filter({ has: page.locator(`a[href$="/documents/${docId}"]`) })
        .first();
      await item.waitFor({ timeout: 10000 });
      expect((await item.innerText()).includes('получателей с просрочкой'), 'no escalation on the phone');
      await noSideways(page, width, 'the notifications', expect);
      await screenshot(page, `documents-notifications-${width}.png`);
      expect(coordinator.errors.length === 0, coordinator.errors.join('\n'));
    } finally {
      await coordinator.context.close();
    }
    const school = await openAdmin(browser, apiBase, { width });
    try {
      const { page } = school;
      await logIn(page, SCHOOL);
      await page.getByTestId('menu-button').click();
      await page.getByTestId('nav').getByRole('link', { name: 'Документы' }).click();
      const entry = await inboxEntry(page, docId);
      await noSideways(page, width, 'the inbox', expect);
      await screenshot(page, `documents-inbox-${width}.png`);
      await entry.getByTestId('doc-open').click();
      await page.getByTestId('doc-mine').waitFor({ timeout: 10000 });
      await noSideways(page, width, "the gymnasium's document page", expect);
      const files = await page.getByTestId('doc-files').boundingBox();
      expect(files && files.x >= 0 && files.x + files.width <= width, `the files run off: ${JSON.stringify(files)}`);
      await screenshot(page, `documents-answered-${width}.png`);
      expect(school.errors.length === 0, school.errors.join('\n'));
    } finally {
      await school.context.close();
    }
  });

  await check(
    'documents in Tatar: the register, a document with its files, the send dialog, the e-mail deliveries, the inbox and the respond form (1366 and 390 px)',
    async () => {
      expect(docId, 'the resolution was not registered by the journey before');
      const orgs = await api(apiBase, 'GET', '/organisations?limit=100');
      const gymnasium = orgs.items.find((o) => o.slug === 'urussu-gymnasium');
      // a second document the gymnasium has acknowledged, so that its respond form is open
      const second = await api(apiBase, 'POST', '/documents', {
        number: '17',
        issuedOn: '2020-02-12',
        title: 'Об организации профориентационной работы',
        dueWorkingDays: 10,
      });
      await api(apiBase, 'POST', `/documents/${second.id}/send`, { recipientIds: [gymnasium.id] });
      await api(apiBase, 'POST', `/documents/${second.id}/receive`, { incomingNumber: 'Вх. 46' }, SCHOOL);
      await api(apiBase, 'POST', `/documents/${second.id}/acknowledge`, {}, SCHOOL);
      for (const width of [1366, 390]) {
        const coordinator = await openAdmin(browser, apiBase, { width });
        try {
          const { page } = coordinator;
          await logIn(page, COORDINATOR);
          await page.evaluate(() => localStorage.setItem('socium.lang', 'tt'));
          await page.goto(`${apiBase}/admin/documents`);
          await page.getByTestId('doc-new').waitFor({ timeout: 10000 });
          await noSideways(page, width, 'the register in Tatar', expect);
          await screenshot(page, `documents-tt-register-${width}.png`);
          await page.goto(`${apiBase}/admin/documents/${docId}`);
          await page.getByTestId('doc-recipients').waitFor({ timeout: 10000 });
          await page.getByTestId('doc-files').waitFor({ timeout: 10000 });
          await noSideways(page, width, 'the document in Tatar', expect);
          await screenshot(page, `documents-tt-document-${width}.png`);
          await page.getByTestId('doc-files').scrollIntoViewIfNeeded();
          await screenshot(page, `documents-tt-files-${width}.png`);
          await page.getByTestId('doc-send-open').click();
          await page.getByTestId('doc-send-all').waitFor({ timeout: 5000 });
          await screenshot(page, `documents-tt-send-dialog-${width}.png`);
          await page.keyboard.press('Escape');
          // the e-mail deliveries: the address and the organisation, not ids
          await page.goto(`${apiBase}/admin/notifications`);
          await page.getByTestId('ntf-delivery-state').waitFor({ timeout: 10000 });
          await page.getByTestId('ntf-delivery-state').getByText('Җибәрүне көтә').click();
          await page.waitForTimeout(500);
          await noSideways(page, width, 'the notifications in Tatar', expect);
          await page.getByTestId('ntf-delivery-state').scrollIntoViewIfNeeded();
          await screenshot(page, `documents-tt-deliveries-${width}.png`);
          expect(coordinator.errors.length === 0, coordinator.errors.join('\n'));
        } finally {
          await coordinator.context.close();
        }
        const school = await openAdmin(browser, apiBase, { width });
        try {
          const { page } = school;
          await logIn(page, SCHOOL);
          await page.evaluate(() => localStorage.setItem('socium.lang', 'tt'));
          await page.goto(`${apiBase}/admin/documents`);
          const entry = await inboxEntry(page, second.id);
          await noSideways(page, width, 'the inbox in Tatar', expect);
          await screenshot(page, `documents-tt-inbox-${width}.png`);
          await entry.getByTestId('doc-open').click();
          await page.getByTestId('doc-respond').waitFor({ timeout: 10000 });
          await noSideways(page, width, 'the respond form in Tatar', expect);
          await screenshot(page, `documents-tt-document-school-${width}.png`);
          await page.getByTestId('doc-respond').scrollIntoViewIfNeeded();
          await screenshot(page, `documents-tt-respond-${width}.png`);
          expect(school.errors.length === 0, school.errors.join('\n'));
        } finally {
          await school.context.close();
        }
      }
    },
  );

  await check(
    'documents: the coordinator makes a single-use link for a partner without an account; it opens in English, switches to Tatar and acknowledges (390 and 1366 px)',
    async () => {
      expect(docId, 'the resolution was not registered by the journey before');
      const orgs = await api(apiBase, 'GET', '/organisations?limit=100');
      const kcson = orgs.items.find((o) => o.slug === 'kcson-yutazy');
      // the coordinator makes the link on the document's page (e-mail is off in this run: the link is shown once)
      const coordinator = await openAdmin(browser, apiBase, { width: 1366 });
      let url = '';
      try {
        const { page } = coordinator;
        await logIn(page, COORDINATOR);
        await page.goto(`${apiBase}/admin/documents/${docId}`);
        const row = page.locator(`[data-testid="doc-recipients"] tr[data-org="${kcson.id}"]`);
        await row.getByTestId('doc-link').click();
        await row.getByTestId('doc-link-url').waitFor({ timeout: 10000 });
        url = await row.getByTestId('doc-link-url').inputValue();
        await row.scrollIntoViewIfNeeded();
        await screenshot(page, 'documents-link-made-1366.png');
        await noAxe(page, 'the recipients table with a link', expect);
        expect(coordinator.errors.length === 0, coordinator.errors.join('\n'));
      } finally {
        await coordinator.context.close();
      }
      expect(/\/link\/[A-Za-z0-9_-]{43}$/.test(url), `the link shown: ${url}`);
      const link = { url };
      const token = link.url.split('/link/')[1];
      for (const width of [390, 1366]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
        const page = await context.newPage();
        try {
          await page.goto(`${apiBase}/link/${token}?lang=en`);
          await page.getByRole('heading', { name: 'Acknowledge a document' }).waitFor({ timeout: 10000 });
          const text = await page.locator('main').innerText();
          expect(text.includes('Document No. б/н dated 12.02.2020'), `the page reads: ${text}`);
          expect((await page.locator('html').getAttribute('lang')) === 'en', 'the page is not marked English');
          await noSideways(page, width, 'the link page', expect);
          await noAxe(page, 'the link page', expect);
          await screenshot(page, `link-page-en-${width}.png`);
          await page.getByRole('link', { name: 'Татарча' }).click();
          await page.getByRole('heading', { name: 'Документ белән танышуны раслау' }).waitFor({ timeout: 10000 });
          await screenshot(page, `link-page-tt-${width}.png`);
          if (width === 1366) {
            await page.getByLabel('Аңлатма (мәҗбүри түгел)').fill('Таныштык');
            await page.getByRole('button', { name: 'Танышуны раслау' }).click();
            await page.getByRole('heading', { name: 'Рәхмәт, раслау кабул ителде' }).waitFor({ timeout: 10000 });
            await screenshot(page, `link-page-done-${width}.png`);
          }
        } finally {
          await context.close();
        }
      }
      const recipients = await api(apiBase, 'GET', `/documents/${docId}/recipients`);
      const row = recipients.items.find((r) => r.organisationId === kcson.id);
      expect(row?.state === 'acknowledged', `the social services' line is ${row?.state}`);
    },
  );
}
