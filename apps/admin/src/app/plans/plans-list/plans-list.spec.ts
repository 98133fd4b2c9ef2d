import type { AgreementResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { PeriodService } from '../../core/period.service';
import { providePageTesting } from '../../testing/page-testing';
import { PlansList } from './plans-list';

const agreement = (id: string, over: Partial<AgreementResponse>): AgreementResponse =>
  ({
    id,
    number: id.toUpperCase(),
    kind: 'cooperation',
    schoolId: 'school-1',
    partnerId: 'p1',
    startsOn: '2019-09-01',
    endsOn: null,
    effectiveEndsOn: null,
    autoRenew: false,
    noticeDays: 30,
    terminatedOn: null,
    status: 'active',
    ...over,
  }) as AgreementResponse;
const page = (items: unknown[]) => ({ items, total: items.length, limit: 100, offset: 0 });

describe(PlansList.name, () => {
  it('draws up next year’s plan with a title and one of the agreements in force that year', async () => {
    TestBed.configureTestingModule({
      providers: providePageTesting('school_admin', { now: new Date(2026, 10, 28) }),
    });
    TestBed.inject(PeriodService).select('2027-2028');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlansList);
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations')
      .forEach((r) => r.flush(page([{ id: 'p1', name: 'Завод «Тапарт»', shortName: '' }])));
    const agreements = http.expectOne((r) => r.url === '/api/v1/agreements');
    expect(agreements.request.params.get('schoolId')).toBe('school-1');
    agreements.flush(
      page([
        agreement('open', {}),
        agreement('ended', { endsOn: '2026-12-31', effectiveEndsOn: '2026-12-31' }),
        agreement('renews', { endsOn: '2020-08-31', effectiveEndsOn: '2027-08-30', autoRenew: true }),
        agreement('terminated', { terminatedOn: '2026-10-01', status: 'terminated' }),
      ]),
    );
    http.expectOne((r) => r.url === '/api/v1/plans').flush(page([]));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    (el.querySelector('[data-testid="plan-create"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const title = el.querySelector('[data-testid="plan-title"]') as HTMLInputElement;
    expect(title.value).toBe('План совместной работы на 2027/2028 учебный год');

    const component = fixture.componentInstance as unknown as {
      agreementChoices: () => AgreementResponse[];
      form: { controls: { agreementId: { setValue(v: string): void } } };
    };
    expect(component.agreementChoices().map((a) => a.id)).toEqual(['open', 'renews']);
    component.form.controls.agreementId.setValue('renews');
    (el.querySelector('[data-testid="plan-create-save"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/v1/plans' && r.method === 'POST');
    expect(req.request.body).toEqual({
      organisationId: 'school-1',
      academicYear: '2027-2028',
      title: 'План совместной работы на 2027/2028 учебный год',
      agreementId: 'renews',
    });
  });
});
