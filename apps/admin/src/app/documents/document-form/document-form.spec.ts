import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { providePageTesting } from '../../testing/page-testing';
import { DocumentForm } from './document-form';

describe(DocumentForm.name, () => {
  let http: HttpTestingController;

  const render = async () => {
    TestBed.configureTestingModule({
      providers: providePageTesting('coordinator', { now: new Date('2020-02-10T09:00:00Z') }),
    });
    http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(DocumentForm);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const type = async (id: string, value: string) => {
      const input = q(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      const target = q(id) as HTMLElement;
      (target.querySelector('button') ?? target).click();
      await fixture.whenStable();
    };
    return { el, q, type, click, navigate, stable: () => fixture.whenStable() };
  };

  afterEach(() => http.verify());

  it('registers a document due in N working days and opens its page', async () => {
    const { type, click, navigate, stable } = await render();
    await type('doc-number', '12');
    await type('doc-name', 'Резолюция круглого стола');
    await click('doc-due-days');
    await type('doc-working-days', '7');
    await click('doc-save');
    const req = http.expectOne('/api/v1/documents');
    expect(req.request.body).toEqual({
      number: '12',
      issuedOn: '2020-02-10',
      title: 'Резолюция круглого стола',
      summary: '',
      isPublic: false,
      dueOn: null,
      dueWorkingDays: 7,
    });
    req.flush({ id: 'doc-9' });
    await stable();
    expect(navigate).toHaveBeenCalledWith(['/documents', 'doc-9']);
  });

  it('reads the working days as a whole number and tells under the field when it is out of 1–60, sending nothing', async () => {
    const { q, type, click } = await render();
    await type('doc-number', '12');
    await type('doc-name', 'Резолюция круглого стола');
    await click('doc-due-days');
    expect((q('doc-working-days') as HTMLInputElement).value).toBe('10');
    expect(q('doc-working-days')?.getAttribute('inputmode')).toBe('numeric');
    await type('doc-working-days', '61');
    await click('doc-save');
    expect(q('doc-working-days-error')?.textContent).toContain('Число не может быть больше 60.');
    await type('doc-working-days', '2,5');
    expect(q('doc-working-days-error')?.textContent).toContain('Введите целое число');
    await type('doc-working-days', '0');
    expect(q('doc-working-days-error')?.textContent).toContain('Число не может быть меньше 1.');
    http.expectNone('/api/v1/documents');
  });

  it('sends nothing while the number and title are empty', async () => {
    const { click } = await render();
    await click('doc-save');
    http.expectNone('/api/v1/documents');
  });

  it('shows the server’s refusal on the form', async () => {
    const { q, type, click, stable } = await render();
    await type('doc-number', '12');
    await type('doc-name', 'Резолюция');
    await click('doc-save');
    http.expectOne('/api/v1/documents').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid body',
        details: [{ field: 'number', rule: 'field.invalid', message: 'Номер занят' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(q('doc-form-error')?.textContent).toContain('Проверьте');
  });

  it('shows the issue date in the interface’s language and sends a typed date to the API as ISO', async () => {
    const { q, type, click } = await render();
    expect((q('doc-issued-on') as HTMLInputElement).value).toBe('10.02.2020');
    await type('doc-number', '12');
    await type('doc-name', 'Резолюция');
    await type('doc-issued-on', '3.2.2020');
    await click('doc-due-date');
    await type('doc-due-on', '14/02/2020');
    await click('doc-save');
    const req = http.expectOne('/api/v1/documents');
    expect(req.request.body).toMatchObject({ issuedOn: '2020-02-03', dueOn: '2020-02-14', dueWorkingDays: null });
    req.flush({ id: 'doc-9' });
  });

  it('sends nothing for text that is no date and says how to write one', async () => {
    const { el, type, click } = await render();
    await type('doc-number', '12');
    await type('doc-name', 'Резолюция');
    await type('doc-issued-on', '30.02.2020');
    (el.querySelector('[data-testid="doc-issued-on"]') as HTMLInputElement).dispatchEvent(new Event('blur'));
    await click('doc-save');
    http.expectNone('/api/v1/documents');
    expect(el.textContent).toContain('Дата не распознана. Введите её так: 31.12.2027.');
  });
});
