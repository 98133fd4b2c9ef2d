import type { AgreementResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { agreement } from '../../testing/agreement-fixtures';
import { FILE_TYPE_REFUSAL, refuseFileType } from '../../testing/file-refusal';
import { providePageTesting } from '../../testing/page-testing';
import { AgreementPage } from './agreement-page';

// the first render compiles the Material components (slow on a loaded machine)
jest.setTimeout(20_000);

describe(AgreementPage.name, () => {
  let http: HttpTestingController;
  const setup = (role: 'coordinator' | 'school_admin' | 'partner_rep', organisationId = 'school-1') => {
    TestBed.configureTestingModule({
      imports: [AgreementPage],
      providers: [
        ...providePageTesting(role, { organisationId, now: new Date(2019, 9, 3, 12) }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  };
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  const render = async (a: AgreementResponse, audit = false) => {
    const fixture = TestBed.createComponent(AgreementPage);
    fixture.componentRef.setInput('id', a.id);
    await fixture.whenStable();
    http.expectOne('/api/v1/agreements/ag-1').flush(a);
    if (audit)
      http
        .expectOne((r) => r.url === '/api/v1/audit')
        .flush({
          items: [
            {
              id: 'e2',
              at: '2019-09-02T08:00:00.000Z',
              userId: 'u1',
              action: 'update',
              objectType: 'agreement',
              objectId: 'ag-1',
              before: { goal: 'x' },
              after: { goal: 'Самоопределение' },
            },
          ],
          total: 1,
          limit: 100,
          offset: 0,
        });
    else http.expectNone((r) => r.url === '/api/v1/audit');
    http
      .match((r) => r.url === '/api/v1/organisations')
      .forEach((r) =>
        r.flush({
          items: [
            { id: 'school-1', kind: 'school', name: 'Уруссинская гимназия', shortName: '' },
            { id: 'partner-1', kind: 'partner', name: 'Тапарт', shortName: '' },
          ],
          total: 2,
          limit: 100,
          offset: 0,
        }),
      );
    http
      .match((r) => r.url === '/api/v1/directions')
      .forEach((r) => r.flush({ items: [{ id: 'd-1', code: 'c', name: 'Профориентация', version: 1 }], total: 1 }));
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  };

  it('shows the text, parties, directions, obligations of each party, term and signatures', async () => {
    setup('school_admin');
    const { el } = await render(agreement());
    expect(text(el.querySelector('[data-testid="agreement-title"]'))).toBe('Договор № ДЕМО-01/2019');
    const req = text(el.querySelector('[data-testid="agreement-requisites"]'));
    expect(req).toContain('Уруссинская гимназия');
    expect(req).toContain('Тапарт');
    expect(text(el.querySelector('[data-testid="agreement-directions"]'))).toBe('Профориентация');
    expect(text(el.querySelector('[data-testid="obligations-partner"]'))).toContain('Проводить экскурсии');
    expect(text(el.querySelector('[data-testid="agreement-term"]'))).toContain('01.09.2019 — 31.08.2020');
    expect(text(el.querySelector('[data-testid="signature-school"]'))).toContain('не подписано');
    // the school's administrator edits, deletes and signs for the school, never for the partner
    expect(el.querySelector('[data-testid="agreement-edit"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="agreement-delete"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="sign-school"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="sign-partner"]')).toBeNull();
    // no audit log for a school: the history comes from the agreement itself
    expect(text(el.querySelector('[data-testid="agreement-history"]'))).toContain('Договор создан');
  });

  it("shows a refused scan once, in the API's own words (the kind it takes), not as a form to check", async () => {
    setup('school_admin');
    const { el, stable } = await render(agreement());
    const input = el.querySelector('[data-testid="scan-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['text'], 'scan.txt', { type: 'text/plain' })] });
    input.dispatchEvent(new Event('change'));
    refuseFileType(http.expectOne((r) => r.url === '/api/v1/agreements/ag-1/scan'));
    await stable();
    expect(text(el.querySelector('[data-testid="agreement-action-error"]'))).toBe(FILE_TYPE_REFUSAL);
    expect(el.textContent?.split(FILE_TYPE_REFUSAL)).toHaveLength(2);
  });

  it('offers the partner representative only its own signature, and no edit, delete, terminate or upload', async () => {
    setup('partner_rep', 'partner-1');
    const { el } = await render(agreement({ signedBySchoolOn: '2019-09-01' }));
    expect(el.querySelector('[data-testid="sign-partner"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="sign-school"]')).toBeNull();
    expect(el.querySelector('[data-testid="agreement-edit"]')).toBeNull();
    expect(el.querySelector('[data-testid="agreement-terminate"]')).toBeNull();
    expect(el.querySelector('[data-testid="scan-file"]')).toBeNull();
    expect(text(el.querySelector('[data-testid="signature-school"]'))).toContain('подписано 01.09.2019');
  });

  it('shows the coordinator the audit log with the changed fields, and terminate for an agreement in force', async () => {
    setup('coordinator');
    const { el } = await render(
      agreement({ status: 'active', signedBySchoolOn: '2019-09-01', signedByPartnerOn: '2019-09-01' }),
      true,
    );
    expect(text(el.querySelector('[data-testid="agreement-history"]'))).toContain('02.09.2019 Проект изменён: Цель');
    expect(el.querySelector('[data-testid="agreement-terminate"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="agreement-edit"]')).toBeNull();
  });

  it('signs after a confirmation with the date chosen in the dialog', async () => {
    setup('school_admin');
    const { el, stable } = await render(agreement());
    (el.querySelector('[data-testid="sign-school"]') as HTMLButtonElement).click();
    await stable();
    const dialog = document.querySelector('admin-agreement-action-dialog') as HTMLElement;
    expect(text(dialog.querySelector('[data-testid="dialog-message"]'))).toContain('Подпись школы');
    const date = dialog.querySelector('[data-testid="dialog-date"]') as HTMLInputElement;
    expect(date.value).toBe('03.10.2019');
    date.value = '2019-10-01';
    date.dispatchEvent(new Event('input'));
    (dialog.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click();
    await stable();
    const sign = http.expectOne('/api/v1/agreements/ag-1/sign');
    expect(sign.request.body).toEqual({ party: 'school', signedOn: '2019-10-01' });
  });

  it('says the record changed and offers to load it again on a 409', async () => {
    setup('school_admin');
    const { el, stable } = await render(agreement());
    (el.querySelector('[data-testid="sign-school"]') as HTMLButtonElement).click();
    await stable();
    (document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click();
    await stable();
    http
      .expectOne('/api/v1/agreements/ag-1/sign')
      .flush({ statusCode: 409, message: 'stale', rule: 'version.stale' }, { status: 409, statusText: 'Conflict' });
    await stable();
    expect(text(el.querySelector('[data-testid="agreement-stale"]'))).toContain('Загрузить заново');
  });
});
