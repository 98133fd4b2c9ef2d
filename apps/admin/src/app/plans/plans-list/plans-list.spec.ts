import type { AgreementResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { PeriodService } from '../../core/period.service';
import { providePageTesting } from '../../testing/page-testing';
import { afterDebounce } from '../../testing/typing';
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

jest.setTimeout(20_000);

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

  it('filters the coordinator’s plans by title and status from the list toolbar, in the address, and resets', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator', { now: new Date(2026, 10, 28) }) });
    const http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/?status=submitted&status2=x');
    const fixture = TestBed.createComponent(PlansList);
    await fixture.whenStable();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush(page([])));
    http.match((r) => r.url === '/api/v1/agreements').forEach((r) => r.flush(page([])));
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    const plan = {
      id: 'pl-1',
      organisationId: 's1',
      academicYear: '2026-2027',
      agreementId: null,
      title: 'План гимназии',
      status: 'submitted',
      activitiesCount: 3,
    };
    const lists = () => http.match((r) => r.url === '/api/v1/plans');
    const first = lists();
    expect(first.map((r) => [r.request.params.get('status'), r.request.params.get('q')])).toEqual([
      ['submitted', null],
    ]);
    first[0].flush(page([plan]));
    await stable();
    expect(q('plans-count')?.textContent?.trim()).toBe('Найден 1 план');
    expect(q('plans-school')).not.toBeNull();

    const search = q('plans-search') as HTMLInputElement;
    search.value = 'гимн';
    search.dispatchEvent(new Event('input'));
    await afterDebounce(stable);
    const searched = lists();
    expect(searched.map((r) => [r.request.params.get('status'), r.request.params.get('q')])).toEqual([
      ['submitted', 'гимн'],
    ]);
    searched[0].flush(page([]));
    await stable();
    expect(q('plans-empty')?.textContent?.trim()).toBe('Ничего не нашлось. Измените поиск или фильтры.');
    expect(router.url).toContain('status=submitted');

    (q('plans-reset') as HTMLButtonElement).click();
    await afterDebounce(stable);
    // the status clears at once, the search once the box's text settles: the last request asks for everything
    const all = lists();
    expect(all.map((r) => [r.request.params.get('status'), r.request.params.get('q')]).at(-1)).toEqual([null, null]);
    all.forEach((r) => r.cancelled || r.flush(page([])));
    await stable();
    expect(q('plans-empty')?.textContent?.trim()).toBe('Планов на этот учебный год пока нет — составьте план.');
    http.verify();
  });
});
