import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { importContentType } from '../data-access/imports.data';
import { providePageTesting } from '../testing/page-testing';
import { Imports } from './imports';

describe(Imports.name, () => {
  let http: HttpTestingController;

  const render = async (role: 'coordinator' | 'school_admin' = 'coordinator') => {
    TestBed.configureTestingModule({ providers: providePageTesting(role) });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Imports);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const choose = async (file: File) => {
      const input = el.querySelector('[data-testid="import-file"]') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      (el.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    return { el, choose, click, stable: () => fixture.whenStable(), component: fixture.componentInstance };
  };
  const csv = () => new File(['Номер;Вид соглашения\r\n'], 'agreements.csv', { type: 'text/csv' });

  afterEach(() => http.verify());

  it('sends the chosen file as a dry run and lists each refused row', async () => {
    const { el, choose, click, stable } = await render();
    expect((el.querySelector('[data-testid="import-check"]') as HTMLButtonElement).disabled).toBe(true);
    await choose(csv());
    expect(el.querySelector('[data-testid="import-file-name"]')?.textContent).toContain('agreements.csv');
    await click('import-check');
    const req = http.expectOne((r) => r.url === '/api/v1/imports/agreements');
    expect(req.request.method).toBe('POST');
    expect(req.request.params.get('dryRun')).toBe('true');
    expect(req.request.headers.get('Content-Type')).toBe('text/csv');
    expect(req.request.body).toBeInstanceOf(File);
    req.flush({
      rows: 3,
      created: 0,
      errors: [{ row: 3, column: 'Дата начала', rule: 'import.cell.date', message: 'Дата в виде ГГГГ-ММ-ДД' }],
    });
    await stable();
    expect(el.querySelector('[data-testid="import-summary"]')?.textContent).toContain('Проверено строк: 3. Ошибок: 1');
    const table = el.querySelector('[data-testid="import-errors"]')?.textContent ?? '';
    expect(table).toContain('Дата начала');
    expect(table).toContain('import.cell.date');
  });

  it('shows the rows of a refused real run (422) and says nothing was stored', async () => {
    const { el, choose, click, stable } = await render();
    await choose(csv());
    await click('import-run');
    const req = http.expectOne((r) => r.url === '/api/v1/imports/agreements');
    expect(req.request.params.get('dryRun')).toBe('false');
    req.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Импорт не выполнен',
        rule: 'import.rows-invalid',
        rows: 2,
        created: 0,
        errors: [{ row: 2, column: 'Номер', rule: 'import.duplicate', message: 'Повторяет строку' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await stable();
    expect(el.querySelector('[data-testid="import-summary"]')?.textContent).toContain('Ничего не сохранено');
    expect(el.querySelector('[data-testid="import-errors"]')?.textContent).toContain('import.duplicate');
  });

  it('reports the records a clean real run stored', async () => {
    const { el, choose, click, stable } = await render();
    await choose(csv());
    await click('import-run');
    http.expectOne((r) => r.url === '/api/v1/imports/agreements').flush({ rows: 2, created: 2, errors: [] });
    await stable();
    expect(el.querySelector('[data-testid="import-summary"]')?.textContent).toContain('Импортировано записей: 2');
    expect(el.querySelector('[data-testid="import-errors"]')).toBeNull();
  });

  it('offers a school administrator only the kinds its school may import', async () => {
    const { component } = await render('school_admin');
    expect((component as unknown as { kinds: () => string[] }).kinds()).toEqual([
      'agreements',
      'activities',
      'enrolment',
    ]);
  });

  it('sends an XLSX file with its content type', () => {
    expect(importContentType({ name: 'Контингент.XLSX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(importContentType({ name: 'list.csv', type: 'text/csv' })).toBe('text/csv');
  });
});
