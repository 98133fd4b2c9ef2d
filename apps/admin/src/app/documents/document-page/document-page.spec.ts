import type { DocumentResponse, RecipientResponse, Role } from '@socium/contracts';
import type { RecipientState } from '@socium/domain';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Downloads } from '../../data-access/download';
import { refuseFileType } from '../../testing/file-refusal';
import { providePageTesting } from '../../testing/page-testing';
import { DocumentPage } from './document-page';

const doc: DocumentResponse = {
  id: 'doc-1',
  number: '12',
  title: 'Резолюция круглого стола',
  issuedOn: '2020-02-10',
  summary: 'О профориентации',
  dueOn: null,
  dueWorkingDays: 10,
  isPublic: false,
  revision: 1,
  recipientsCount: 1,
  acknowledgedCount: 0,
  version: 3,
  createdAt: '',
  updatedAt: '',
};
const recipient = (state: RecipientState, organisationId = 'school-1'): RecipientResponse => ({
  organisationId,
  organisationName: `Школа ${organisationId}`,
  state,
  revision: 1,
  sentOn: '2020-02-10',
  incomingNumber: state === 'sent' ? null : 'вх-5',
  receivedOn: state === 'sent' ? null : '2020-02-11',
  acknowledgedOn: null,
  respondedOn: null,
  response: null,
  closedOn: null,
  overdue: false,
  planId: null,
  planTitle: null,
  responseFile: null,
});
const empty = { items: [], total: 0, limit: 100, offset: 0 };

const plan = (id: string, organisationId: string, title: string) => ({
  id,
  organisationId,
  academicYear: '2019-2020',
  agreementId: null,
  title,
  status: 'draft',
  returnComment: null,
  submittedOn: null,
  approvedOn: null,
  activitiesCount: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
});

describe(DocumentPage.name, () => {
  let http: HttpTestingController;
  const download = jest.fn(async () => undefined);

  const flushPage = (recipients: RecipientResponse[]) => {
    http.expectOne('/api/v1/documents/doc-1').flush(doc);
    http.expectOne('/api/v1/documents/doc-1/recipients').flush({ items: recipients, total: recipients.length });
  };

  const render = async (role: Role, recipients: RecipientResponse[]) => {
    TestBed.configureTestingModule({
      providers: [
        ...providePageTesting(role, { organisationId: 'school-1' }),
        { provide: Downloads, useValue: { withSession: download } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentPage);
    fixture.componentRef.setInput('id', 'doc-1');
    await fixture.whenStable();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush(empty));
    flushPage(recipients);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const click = async (id: string) => {
      const target = q(id) as HTMLElement;
      (target.querySelector('button') ?? target).click();
      await fixture.whenStable();
    };
    const type = async (id: string, value: string) => {
      const input = q(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { el, q, click, type, stable: () => fixture.whenStable() };
  };

  afterEach(() => {
    // the files section asks for its own list once the document is shown (its own spec tests it)
    http.match('/api/v1/documents/doc-1/files').forEach((r) => r.flush([]));
    // a line that can still respond asks for its organisation's plans once
    http.match((r) => r.url === '/api/v1/plans').forEach((r) => r.flush(empty));
    http.verify();
    download.mockClear();
  });

  it('shows the requisites and the deadline in working days', async () => {
    const { q } = await render('coordinator', []);
    const text = q('doc-requisites')?.textContent ?? '';
    expect(text).toContain('№ 12 от 10.02.2020');
    expect(text).toContain('через 10 раб. дн.');
    expect(q('doc-no-recipients')?.textContent).toContain('ещё никому не отправлен');
  });

  it('sends the document to every school and reloads the recipients', async () => {
    const { q, click, stable } = await render('coordinator', []);
    await click('doc-send-open');
    await click('doc-send-submit');
    const req = http.expectOne('/api/v1/documents/doc-1/send');
    expect(req.request.body).toEqual({ audience: { schools: true } });
    req.flush({ items: [recipient('sent')], total: 1 });
    flushPage([recipient('sent')]);
    await stable();
    expect(q('doc-send')).toBeNull();
    expect(q('doc-recipients')?.textContent).toContain('Школа school-1');
  });

  it('sends the document to every institution, schools and partners alike', async () => {
    const { q, click, stable } = await render('coordinator', []);
    await click('doc-send-open');
    await click('doc-send-all');
    await click('doc-send-submit');
    const req = http.expectOne('/api/v1/documents/doc-1/send');
    expect(req.request.body).toEqual({ audience: { kinds: ['school', 'partner'] } });
    req.flush({ items: [recipient('sent'), recipient('sent', 'partner-1')], total: 2 });
    flushPage([recipient('sent'), recipient('sent', 'partner-1')]);
    await stable();
    expect(q('doc-send')).toBeNull();
  });

  it('makes a single-use link for a recipient that has not acknowledged, and shows it once when it was not e-mailed', async () => {
    const { el, q, click, stable } = await render('coordinator', [
      recipient('sent', 'a'),
      recipient('acknowledged', 'b'),
    ]);
    expect(el.querySelectorAll('[data-testid="doc-link"]')).toHaveLength(1);
    expect(el.querySelector('tr[data-org="a"] [data-testid="doc-link"]')).not.toBeNull();
    await click('doc-link');
    const req = http.expectOne('/api/v1/links');
    expect(req.request.body).toEqual({ purpose: 'document.acknowledge', objectId: 'doc-1', organisationId: 'a' });
    req.flush({
      id: 'l1',
      url: 'https://socium.example/link/abc',
      expiresAt: '2020-02-24T10:00:00.000Z',
      emailedTo: null,
    });
    flushPage([recipient('sent', 'a'), recipient('acknowledged', 'b')]);
    await stable();
    expect((q('doc-link-url') as HTMLInputElement).value).toBe('https://socium.example/link/abc');
    expect(q('doc-link-made')?.textContent).toContain('действует до 24.02.2020');
    expect(q('doc-link')).toBeNull();
  });

  it('records the day the school registered the document when one is given', async () => {
    const { click, type, stable } = await render('school_admin', [recipient('sent')]);
    await type('doc-incoming-number', 'вх-7');
    await type('doc-received-on', '2020-02-14');
    await click('doc-receive');
    const req = http.expectOne('/api/v1/documents/doc-1/receive');
    expect(req.request.body).toEqual({ incomingNumber: 'вх-7', receivedOn: '2020-02-14' });
    req.flush(recipient('received'));
    flushPage([recipient('received')]);
    await stable();
  });

  it('asks whom to send to when no partner type is chosen, and sends nothing', async () => {
    const { q, click } = await render('coordinator', []);
    await click('doc-send-open');
    await click('doc-send-partner-types');
    await click('doc-send-submit');
    expect(q('doc-send-error')?.textContent).toContain('Выберите, кому отправить.');
  });

  it('offers to close only the acknowledged lines and closes the chosen one', async () => {
    const { el, click, stable } = await render('coordinator', [recipient('sent', 'a'), recipient('acknowledged', 'b')]);
    expect(el.querySelectorAll('[data-testid="doc-close"]')).toHaveLength(1);
    expect(el.querySelector('tr[data-org="b"] [data-testid="doc-close"]')).not.toBeNull();
    await click('doc-close');
    const req = http.expectOne('/api/v1/documents/doc-1/close');
    expect(req.request.body).toEqual({ organisationId: 'b' });
    req.flush(recipient('closed', 'b'));
    flushPage([recipient('sent', 'a'), recipient('closed', 'b')]);
    await stable();
    expect(el.querySelectorAll('[data-testid="doc-close"]')).toHaveLength(0);
  });

  it('issues a new version only with a reason, sending the version it read', async () => {
    const { q, click, type } = await render('coordinator', [recipient('acknowledged')]);
    await click('doc-reissue-open');
    await click('doc-reissue-submit');
    expect(q('doc-reissue-error')?.textContent).toContain('Заполните это поле.');
    await type('doc-reissue-reason', 'Изменён срок');
    await click('doc-reissue-submit');
    const req = http.expectOne('/api/v1/documents/doc-1/reissue');
    expect(req.request.body).toEqual({ reason: 'Изменён срок', version: 3 });
    req.flush({ ...doc, revision: 2, version: 4 });
    flushPage([recipient('sent')]);
  });

  it('shows what another user changed before the new version, and sends it over the stored one knowingly', async () => {
    const { el, click, type, stable } = await render('coordinator', [recipient('acknowledged')]);
    await click('doc-reissue-open');
    await type('doc-reissue-reason', 'Уточнено название');
    await type('doc-reissue-title', 'Резолюция круглого стола (ред. 2)');
    await click('doc-reissue-submit');
    http
      .expectOne('/api/v1/documents/doc-1/reissue')
      .flush({ message: 'stale', rule: 'version.stale', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/documents/doc-1').flush({ ...doc, summary: 'О профориентации и занятости', version: 4 });
    await stable();
    const rows = [...el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Заголовок', 'Резолюция круглого стола (ред. 2)', 'Резолюция круглого стола'],
      ['Краткое содержание', 'О профориентации', 'О профориентации и занятости'],
    ]);
    await click('conflict-overwrite');
    const again = http.expectOne('/api/v1/documents/doc-1/reissue');
    expect(again.request.body).toEqual({
      reason: 'Уточнено название',
      version: 4,
      title: 'Резолюция круглого стола (ред. 2)',
      summary: 'О профориентации',
    });
    again.flush({ ...doc, revision: 2, version: 5 });
    flushPage([recipient('sent')]);
  });

  it('gives the new version a new deadline in working days when the coordinator chooses one', async () => {
    const { el, click, type, stable } = await render('coordinator', [recipient('acknowledged')]);
    await click('doc-reissue-open');
    await type('doc-reissue-reason', 'Перенесён срок');
    (el.querySelector('[data-testid="doc-reissue-due-days"] button') as HTMLButtonElement).click();
    await stable();
    await type('doc-reissue-working-days', '5');
    await click('doc-reissue-submit');
    const req = http.expectOne('/api/v1/documents/doc-1/reissue');
    expect(req.request.body).toEqual({ reason: 'Перенесён срок', version: 3, dueWorkingDays: 5 });
    req.flush({ ...doc, revision: 2, version: 4 });
    flushPage([recipient('sent')]);
  });

  it('refuses a new version with working days out of 1–60, telling it under the field in the language', async () => {
    const { q, click, type, stable } = await render('coordinator', [recipient('sent')]);
    await click('doc-reissue-open');
    await type('doc-reissue-reason', 'Перенесён срок');
    await click('doc-reissue-due-days');
    await type('doc-reissue-working-days', '75');
    await click('doc-reissue-submit');
    await stable();
    expect(q('doc-reissue-working-days-error')?.textContent).toContain('Число не может быть больше 60.');
    expect(q('doc-reissue-error')).toBeNull();
    http.expectNone('/api/v1/documents/doc-1/reissue');
  });

  it('shows a school its own line with the next steps and records the receipt with the incoming number', async () => {
    const { q, click, type, stable } = await render('school_admin', [recipient('sent')]);
    expect(q('doc-send-open')).toBeNull();
    expect(q('doc-receive')).not.toBeNull();
    expect(q('doc-acknowledge')).not.toBeNull();
    expect(q('doc-respond')).not.toBeNull();
    expect(q('doc-close')).toBeNull();
    await type('doc-incoming-number', 'вх-5');
    await click('doc-receive');
    const req = http.expectOne('/api/v1/documents/doc-1/receive');
    expect(req.request.body).toEqual({ incomingNumber: 'вх-5' });
    req.flush(recipient('received'));
    flushPage([recipient('received')]);
    await stable();
    expect(q('doc-receive')).toBeNull();
    expect(q('doc-mine')?.textContent).toContain('вх-5');
  });

  it('acknowledges with a comment and shows a refusal once, beside the step', async () => {
    const { el, q, click, type, stable } = await render('school_admin', [recipient('received')]);
    await type('doc-comment', 'Принято к исполнению');
    await click('doc-acknowledge');
    const req = http.expectOne('/api/v1/documents/doc-1/acknowledge');
    expect(req.request.body).toEqual({ comment: 'Принято к исполнению' });
    req.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Документ уже закрыт',
        rule: 'document.recipient.state',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await stable();
    expect(q('doc-step-error')?.textContent).toContain('Документ уже закрыт');
    expect(el.textContent?.split('Документ уже закрыт')).toHaveLength(2);
  });

  it('sends a response text and refuses an empty one without calling the API', async () => {
    const { q, click, type } = await render('partner_rep', [recipient('acknowledged')]);
    await click('doc-respond');
    expect(q('doc-step-error')?.textContent).toContain('Заполните это поле.');
    await type('doc-response', 'Проведём экскурсию');
    await click('doc-respond');
    const req = http.expectOne('/api/v1/documents/doc-1/respond');
    expect(req.request.body).toEqual({ response: 'Проведём экскурсию' });
    req.flush(recipient('responded'));
    flushPage([recipient('responded')]);
  });

  const chooseFile = async (q: (id: string) => Element | null, f: File, stable: () => Promise<unknown>) => {
    const input = q('doc-response-file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    input.dispatchEvent(new Event('change'));
    await stable();
  };

  it('responds with its own plan and a file: the file goes first, then the response naming the plan', async () => {
    const { el, q, click, type, stable } = await render('school_admin', [recipient('acknowledged')]);
    http
      .expectOne((r) => r.url === '/api/v1/plans')
      .flush({
        ...empty,
        items: [plan('plan-1', 'school-1', 'План профориентации'), plan('plan-x', 'school-2', 'Чужой план')],
      });
    await stable();
    (q('doc-response-plan')?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await stable();
    const options = [...document.querySelectorAll('mat-option')].map((o) => o.textContent?.trim() ?? '');
    expect(options).toEqual(['Без плана', 'План профориентации · 2019/2020 учебный год']);
    (document.querySelectorAll('mat-option')[1] as HTMLElement).click();
    await stable();
    await chooseFile(q, new File(['%PDF-1'], 'Ответ.pdf', { type: 'application/pdf' }), stable);
    expect(q('doc-response-file-name')?.textContent).toContain('Ответ.pdf');
    await type('doc-response', 'Работаем по плану');
    await click('doc-respond');
    const put = http.expectOne((r) => r.url === '/api/v1/documents/doc-1/recipients/school-1/response-file');
    expect([put.request.method, put.request.params.get('filename')]).toEqual(['PUT', 'Ответ.pdf']);
    put.flush(recipient('acknowledged'));
    const req = http.expectOne('/api/v1/documents/doc-1/respond');
    expect(req.request.body).toEqual({ response: 'Работаем по плану', planId: 'plan-1' });
    req.flush(recipient('responded'));
    flushPage([recipient('responded')]);
    await stable();
    expect(el.querySelector('[data-testid="doc-respond"]')).toBeNull();
  });

  it('stops at a refused response file, shows the refusal once and does not respond', async () => {
    const { el, q, click, type, stable } = await render('partner_rep', [recipient('sent')]);
    await chooseFile(q, new File(['x'], 'notes.txt', { type: 'text/plain' }), stable);
    await type('doc-response', 'Ответ');
    await click('doc-respond');
    refuseFileType(http.expectOne((r) => r.url === '/api/v1/documents/doc-1/recipients/school-1/response-file'));
    await stable();
    http.expectNone('/api/v1/documents/doc-1/respond');
    expect(q('doc-step-error')?.textContent).toContain('PDF, DOCX');
    expect(el.textContent?.split('Файл должен быть в формате')).toHaveLength(2);
  });

  it('shows the coordinator each line’s plan as a link and its response file as a download', async () => {
    const answered: RecipientResponse = {
      ...recipient('responded'),
      response: 'Работаем по плану',
      planId: 'plan-1',
      planTitle: 'План профориентации',
      responseFile: { fileName: 'Ответ.pdf', contentType: 'application/pdf', size: 10, createdAt: '' },
    };
    const { q, stable } = await render('coordinator', [answered, recipient('sent', 'school-2')]);
    const link = q('doc-recipient-plan')?.querySelector('a');
    expect([link?.textContent?.trim(), link?.getAttribute('href')]).toEqual(['План профориентации', '/plans/plan-1']);
    (q('doc-response-download') as HTMLElement).click();
    await stable();
    expect(download).toHaveBeenCalledWith('/api/v1/documents/doc-1/recipients/school-1/response-file', 'Ответ.pdf');
  });

  it('says the document was not found when it cannot be loaded', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('school_admin') });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentPage);
    fixture.componentRef.setInput('id', 'doc-1');
    await fixture.whenStable();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush(empty));
    http
      .expectOne('/api/v1/documents/doc-1')
      .flush({ statusCode: 404, error: 'Not Found', message: 'x' }, { status: 404, statusText: 'Not Found' });
    http.match('/api/v1/documents/doc-1/recipients'); // cancelled by forkJoin
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="doc-error"]')?.textContent).toBeTruthy();
    expect(el.querySelector('[data-testid="doc-requisites"]')).toBeNull();
  });
});
