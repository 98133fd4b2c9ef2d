import type { AmendmentResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { agreement } from '../../testing/agreement-fixtures';
import { providePageTesting } from '../../testing/page-testing';
import { messageAfterTyping } from '../../testing/typing';
import { AgreementAmendments } from './agreement-amendments';

const amendment = (over: Partial<AmendmentResponse> = {}): AmendmentResponse => ({
  id: 'am-1',
  agreementId: 'ag-1',
  number: 1,
  effectiveOn: '2019-10-01',
  changes: { endsOn: '2021-08-31' },
  previous: null,
  signedBySchoolOn: null,
  signedByPartnerOn: null,
  state: 'pending',
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const active = agreement({ status: 'active', signedBySchoolOn: '2019-09-01', signedByPartnerOn: '2019-09-01' });

// the first render compiles the Material components (slow on a loaded machine)
jest.setTimeout(20_000);

describe(AgreementAmendments.name, () => {
  let http: HttpTestingController;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  const render = async (
    role: 'school_admin' | 'partner_rep',
    items: AmendmentResponse[],
    canWrite = role === 'school_admin',
  ) => {
    TestBed.configureTestingModule({
      imports: [AgreementAmendments],
      providers: [
        ...providePageTesting(role, {
          organisationId: role === 'school_admin' ? 'school-1' : 'partner-1',
          now: new Date(2019, 9, 3, 12),
        }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AgreementAmendments);
    fixture.componentRef.setInput('agreement', active);
    fixture.componentRef.setInput('canWrite', canWrite);
    const amended: unknown[] = [];
    fixture.componentInstance.amended.subscribe(() => amended.push(1));
    await fixture.whenStable();
    http.expectOne('/api/v1/agreements/ag-1/amendments').flush(items);
    http.match((r) => r.url === '/api/v1/directions').forEach((r) => r.flush({ items: [], total: 0 }));
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable(), amended };
  };

  it('invites the school to draw up the first amendment and sends only the ticked terms', async () => {
    const { el, stable } = await render('school_admin', []);
    expect(text(el.querySelector('[data-testid="amendments-empty"]'))).toBe('Дополнительных соглашений нет.');
    (el.querySelector('[data-testid="amendment-new"]') as HTMLButtonElement).click();
    await stable();
    (el.querySelector('[data-testid="amendment-field-endsOn"] input') as HTMLInputElement).click();
    await stable();
    const ends = el.querySelector('[data-testid="amendment-ends-on"]') as HTMLInputElement;
    ends.value = '2021-08-31';
    ends.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="amendment-create"]') as HTMLButtonElement).click();
    await stable();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/agreements/ag-1/amendments');
    expect(req.request.body).toEqual({ effectiveOn: '2019-10-03', changes: { endsOn: '2021-08-31' } });
  });

  it('asks to tick a term before sending anything', async () => {
    const { el, stable } = await render('school_admin', []);
    (el.querySelector('[data-testid="amendment-new"]') as HTMLButtonElement).click();
    await stable();
    (el.querySelector('[data-testid="amendment-create"]') as HTMLButtonElement).click();
    await stable();
    expect(text(el.querySelector('[data-testid="amendment-form-error"]'))).toBe(
      'Отметьте хотя бы одно условие, которое изменяется.',
    );
    http.expectNone((r) => r.method === 'POST');
  });

  it('takes a new notice period as a whole number of days within its bounds, and sends nothing while it is wrong', async () => {
    const { el, stable } = await render('school_admin', []);
    (el.querySelector('[data-testid="amendment-new"]') as HTMLButtonElement).click();
    await stable();
    (el.querySelector('[data-testid="amendment-field-noticeDays"] input') as HTMLInputElement).click();
    await stable();
    const days = el.querySelector('[data-testid="amendment-notice-days"]') as HTMLInputElement;
    expect(days.value).toBe('30');
    const typed = (text: string) => messageAfterTyping(days, text, stable);
    expect(await typed('1,5')).toBe('Введите целое число, например: 12.');
    expect(await typed('два месяца')).toBe('Введите целое число, например: 12.');
    expect(await typed('366')).toBe('Число не может быть больше 365.');
    (el.querySelector('[data-testid="amendment-create"]') as HTMLButtonElement).click();
    await stable();
    expect(text(el.querySelector('[data-testid="amendment-form-error"]'))).toBe('Проверьте выделенные поля формы.');
    http.expectNone((r) => r.method === 'POST');
    expect(await typed('60')).toBeNull();
    (el.querySelector('[data-testid="amendment-create"]') as HTMLButtonElement).click();
    await stable();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/agreements/ag-1/amendments');
    expect(req.request.body).toEqual({ effectiveOn: '2019-10-03', changes: { noticeDays: 60 } });
  });

  it('offers the partner only its own signature of a pending amendment, and no new one', async () => {
    const { el } = await render('partner_rep', [amendment({ signedBySchoolOn: '2019-10-01' })]);
    expect(el.querySelector('[data-testid="amendment-sign-partner"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="amendment-sign-school"]')).toBeNull();
    expect(el.querySelector('[data-testid="amendment-new"]')).toBeNull();
    expect(el.querySelector('[data-testid="amendment-delete"]')).toBeNull();
    expect(text(el.querySelector('[data-testid="amendment-1"]'))).toContain('Дата окончания: «31.08.2021»');
  });

  it('signs after the confirmation and tells the page when the amendment came into force', async () => {
    const { el, stable, amended } = await render('partner_rep', [amendment({ signedBySchoolOn: '2019-10-01' })]);
    (el.querySelector('[data-testid="amendment-sign-partner"]') as HTMLButtonElement).click();
    await stable();
    (document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click();
    await stable();
    const sign = http.expectOne('/api/v1/agreements/ag-1/amendments/1/sign');
    expect(sign.request.body).toEqual({ party: 'partner', signedOn: '2019-10-03' });
    sign.flush({ amendment: amendment({ state: 'in_force' }), agreement: active });
    await stable();
    expect(amended).toEqual([1]);
  });

  it('shows an amendment in force with the value it replaced', async () => {
    const { el } = await render('school_admin', [
      amendment({
        state: 'in_force',
        signedBySchoolOn: '2019-10-01',
        signedByPartnerOn: '2019-10-02',
        previous: { endsOn: '2020-08-31' },
      }),
    ]);
    const item = text(el.querySelector('[data-testid="amendment-1"]'));
    expect(item).toContain('Вступило в силу 01.10.2019');
    expect(item).toContain('Дата окончания: было «31.08.2020», стало «31.08.2021»');
    expect(el.querySelector('[data-testid="amendment-new"]')).not.toBeNull();
  });

  it('shows a signed amendment dated later as taking effect on its date, with no new one and no delete', async () => {
    const { el } = await render('school_admin', [
      amendment({
        state: 'scheduled',
        effectiveOn: '2020-01-15',
        signedBySchoolOn: '2019-10-01',
        signedByPartnerOn: '2019-10-02',
      }),
    ]);
    expect(text(el.querySelector('[data-testid="amendment-scheduled"]'))).toBe('Вступит в силу 15.01.2020');
    expect(el.querySelector('[data-testid="amendment-new"]')).toBeNull();
    expect(el.querySelector('[data-testid="amendment-delete"]')).toBeNull();
  });
});
