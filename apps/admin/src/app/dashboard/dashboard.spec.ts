import type { AgreementResponse } from '@socium/contracts';
import { LocalDate } from '@socium/domain';

import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { noticeAttention } from '../data-access/dashboard.data';
import { providePageTesting } from '../testing/page-testing';
import { Dashboard } from './dashboard';

const page = <T>(items: T[]) => ({ items, total: items.length, limit: 100, offset: 0 });
const agreement = (id: string, over: Partial<AgreementResponse>): AgreementResponse =>
  ({
    id,
    number: `N-${id}`,
    schoolId: 'school-1',
    partnerId: 'partner-1',
    status: 'active',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    effectiveEndsOn: '2026-12-31',
    autoRenew: false,
    noticeDays: 30,
    ...over,
  }) as AgreementResponse;
const NOW = new Date(2026, 10, 28, 12);
const TODAY = LocalDate.of(2026, 11, 28);

function answer(http: HttpTestingController, match: (r: TestRequest['request']) => boolean, body: unknown): void {
  for (const r of http.match(match)) r.flush(body);
}

describe('noticeAttention', () => {
  it("lists an auto-renewing agreement whose notice date passed or comes within the reminders' window (14 days), not a far one", () => {
    const passed = noticeAttention(
      agreement('a', { autoRenew: true, effectiveEndsOn: '2027-01-10', noticeDays: 60 }),
      TODAY,
    );
    expect(passed).toMatchObject({ reason: 'notice_passed', date: '2026-11-11' });
    const soon = noticeAttention(
      agreement('b', { autoRenew: true, effectiveEndsOn: '2027-02-06', noticeDays: 60 }),
      TODAY,
    );
    expect(soon).toMatchObject({ reason: 'notice_soon', date: '2026-12-08' });
    expect(
      noticeAttention(agreement('f', { autoRenew: true, effectiveEndsOn: '2027-02-15', noticeDays: 60 }), TODAY),
    ).toBeNull();
    expect(noticeAttention(agreement('c', { autoRenew: true, effectiveEndsOn: '2027-08-31' }), TODAY)).toBeNull();
    expect(noticeAttention(agreement('d', { autoRenew: false, effectiveEndsOn: '2027-01-10' }), TODAY)).toBeNull();
    expect(noticeAttention(agreement('e', { autoRenew: true, effectiveEndsOn: null }), TODAY)).toBeNull();
  });
});

describe(Dashboard.name, () => {
  it('shows the coordinator the figures, the chart and each work list with links, or «nothing needs attention»', async () => {
    TestBed.configureTestingModule({
      providers: providePageTesting('coordinator', { organisationId: 'dept', now: NOW }),
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Dashboard);
    await fixture.whenStable();
    answer(
      http,
      (r) => r.url === '/api/v1/organisations',
      page([
        { id: 'school-1', kind: 'school', name: 'Уруссинская гимназия', shortName: 'Гимназия' },
        { id: 'school-2', kind: 'school', name: 'Байрякинская школа', shortName: '' },
        { id: 'partner-1', kind: 'partner', name: 'ООО «Тапарт»', shortName: 'Тапарт' },
      ]),
    );
    answer(http, (r) => r.url === '/api/v1/reports/summary', {
      period: { kind: 'academic_year', label: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-08-31' },
      totals: {
        agreementsActive: 5,
        partners: 6,
        activitiesPlanned: 72,
        activitiesHeld: 18,
        planExecution: 0.25,
        participants: 534,
        careerGuidanceHours: 48,
        placements: 0,
        documentsOverdue: 1,
      },
      schools: [{ organisationId: 'school-1', name: 'Уруссинская гимназия', activitiesPlanned: 12, activitiesHeld: 3 }],
      indicators: {},
    });
    answer(
      http,
      (r) => r.url === '/api/v1/agreements' && r.params.get('status') === 'expiring',
      page([agreement('x1', { status: 'expiring', effectiveEndsOn: '2027-01-15' })]),
    );
    answer(http, (r) => r.url === '/api/v1/agreements' && r.params.get('status') === 'active', page([]));
    answer(
      http,
      (r) => r.url === '/api/v1/agreements' && r.params.get('status') === 'renewed',
      page([agreement('r1', { status: 'renewed', autoRenew: true, effectiveEndsOn: '2027-01-10', noticeDays: 60 })]),
    );
    answer(http, (r) => r.url === '/api/v1/agreements' && r.params.get('withoutPlan') === 'true', page([]));
    answer(
      http,
      (r) => r.url === '/api/v1/plans',
      page([{ id: 'p1', organisationId: 'school-1', status: 'submitted' }]),
    );
    answer(http, (r) => r.url === '/api/v1/documents', page([]));
    answer(http, (r) => r.url === '/api/v1/placements', page([]));
    await fixture.whenStable();
    fixture.detectChanges();
    http.verify();

    const el = fixture.nativeElement as HTMLElement;
    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text('dash-figures')).toContain('25');
    expect(text('dash-chart')).toContain('3 из 12');
    expect(text('dash-attention')).toContain('Договор № N-x1');
    expect(text('dash-attention')).toContain('Срок действия истекает 15.01.2027.');
    expect(text('dash-attention')).toContain('Срок уведомления прошёл 11.11.2026: договор продлится автоматически.');
    expect(text('dash-attention')).toContain('Гимназия — Тапарт');
    const links = [...el.querySelectorAll('[data-testid="dash-attention"] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/agreements/r1', '/agreements/x1']);
    expect(text('dash-without-plan')).toContain('Ничего не требует внимания.');
    expect(text('dash-plans')).toContain('Ждёт утверждения координатором.');
    expect(text('dash-plans')).toContain('Байрякинская школа');
    expect(text('dash-plans')).toContain('План на учебный год не составлен.');
    expect(el.querySelector('[data-testid="dash-plans"] a')?.getAttribute('href')).toBe('/plans/p1');
    expect(text('dash-documents')).toContain('Ничего не требует внимания.');
    expect(el.querySelector('[data-testid="dash-coming"]')).toBeNull();
  });

  it('shows a partner representative its agreements and coming activities, and asks for no report', async () => {
    TestBed.configureTestingModule({
      providers: providePageTesting('partner_rep', { organisationId: 'partner-1', now: NOW }),
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Dashboard);
    await fixture.whenStable();
    expect(http.match((r) => r.url === '/api/v1/reports/summary')).toHaveLength(0);
    answer(http, (r) => r.url === '/api/v1/organisations', page([]));
    answer(http, (r) => r.url === '/api/v1/agreements', page([agreement('a1', {})]));
    answer(
      http,
      (r) => r.url === '/api/v1/activities' && r.params.get('status') === 'planned',
      page([
        {
          id: 'late',
          planId: 'p9',
          title: 'Ярмарка профессий',
          startsOn: '2027-03-12',
          status: 'planned',
          organisationId: 'school-1',
        },
        {
          id: 'past',
          planId: 'p9',
          title: 'Прошедшая',
          startsOn: '2026-10-01',
          status: 'planned',
          organisationId: 'school-1',
        },
        {
          id: 'soon',
          planId: 'p9',
          title: 'Лыжня Ютазы',
          startsOn: '2026-12-12',
          status: 'planned',
          organisationId: 'school-1',
        },
      ]),
    );
    answer(http, (r) => r.url === '/api/v1/activities' && r.params.get('status') === 'postponed', page([]));
    await fixture.whenStable();
    fixture.detectChanges();
    http.verify();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="dash-figures"]')).toBeNull();
    expect(el.querySelector('[data-testid="dash-own-agreements"] a')?.getAttribute('href')).toBe('/agreements/a1');
    const coming = [...el.querySelectorAll('[data-testid="dash-coming"] a')].map((a) => a.textContent?.trim());
    expect(coming).toEqual(['Лыжня Ютазы', 'Ярмарка профессий']);
    expect(el.querySelector('[data-testid="dash-coming"] a')?.getAttribute('href')).toBe('/plans/p9');
  });
});
