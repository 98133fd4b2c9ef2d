import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../testing/page-testing';
import { Reports } from './reports';

const p = (kind: string, label: string, startsOn: string, endsOn: string) => ({ kind, label, startsOn, endsOn });
const PERIODS = {
  academicYear: p('academic_year', '2026-2027', '2026-09-01', '2027-08-31'),
  termScheme: 'quarters',
  terms: [
    { ...p('term', '2026-2027:q1', '2026-09-01', '2026-10-24'), code: 'q1' },
    { ...p('term', '2026-2027:q2', '2026-11-05', '2026-12-28'), code: 'q2' },
  ],
  summerCampaign: p('summer_campaign', 'summer-2027', '2027-06-01', '2027-08-31'),
  calendarYears: [p('calendar_year', '2026', '2026-01-01', '2026-12-31')],
  calendarQuarters: [p('calendar_quarter', '2026-Q4', '2026-10-01', '2026-12-31')],
  halfYears: [p('half_year', '2026-H2', '2026-07-01', '2026-12-31')],
};
const totals = { agreementsActive: 5, activitiesPlanned: 12, activitiesHeld: 3, planExecution: 0.25 };
const report = (label: string) => ({
  period: p('term', label, '2026-11-05', '2026-12-28'),
  totals,
  schools: [{ organisationId: 's1', name: 'Байрякинская школа', ...totals }],
  indicators: {
    planExecution: { name: 'Выполнение совместных планов', value: 0.25 },
    studentCoverage: {
      name: 'Охват обучающихся мероприятиями',
      value: null,
      reason: 'enrolment.missing',
      message: 'Нет данных о контингенте за учебный год',
    },
  },
  byDirection: [
    {
      key: 'career_guidance',
      name: 'Профориентация',
      activitiesPlanned: 4,
      activitiesHeld: 2,
      planExecution: 0.5,
      participants: 40,
      hours: 6,
    },
  ],
  uncoveredProfessions: [{ profession: 'Учитель', demand: 10 }],
});

describe(Reports.name, () => {
  it('offers the periods of the year from /periods, shows the chosen one with schools, indicators and breakdowns', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator', { now: new Date(2026, 10, 28) }) });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Reports);
    await fixture.whenStable();
    const periods = http.expectOne((r) => r.url === '/api/v1/periods');
    expect(periods.request.params.get('academicYear')).toBe('2026-2027');
    periods.flush(PERIODS);
    await fixture.whenStable();
    const first = http.expectOne((r) => r.url === '/api/v1/reports/summary');
    expect(first.request.params.get('period')).toBe('2026-2027');
    expect(first.request.params.get('lang')).toBe('ru');
    first.flush(report('2026-2027'));
    await fixture.whenStable();

    const component = fixture.componentInstance as unknown as {
      groups: () => { label: string; options: { value: string; text: string }[] }[];
      period: { set(v: string): void };
    };
    const groups = component.groups();
    expect(groups.map((g) => g.label)).toEqual([
      'rep_group_academic_year',
      'rep_group_terms',
      'rep_group_summer',
      'rep_group_calendar_years',
      'rep_group_quarters',
      'rep_group_half_years',
    ]);
    expect(groups[1].options[1]).toEqual({ value: '2026-2027:q2', text: '2-я четверть (05.11.2026 — 28.12.2026)' });
    expect(groups[4].options[0].text).toBe('4-й квартал 2026 года (01.10.2026 — 31.12.2026)');

    component.period.set('2026-2027:q2');
    await fixture.whenStable();
    const second = http.expectOne((r) => r.url === '/api/v1/reports/summary');
    expect(second.request.params.get('period')).toBe('2026-2027:q2');
    second.flush(report('2026-2027:q2'));
    await fixture.whenStable();
    fixture.detectChanges();
    http.verify();

    const el = fixture.nativeElement as HTMLElement;
    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text('report-period-heading')).toContain('2026-2027:q2');
    expect(text('report-schools')).toContain('Байрякинская школа');
    expect(text('report-schools')).toContain('25 %');
    expect(text('report-indicators')).toMatch(/Выполнение совместных планов\s*25 %/);
    expect(text('report-indicators')).toContain(
      'Охват обучающихся мероприятиямиНет данных о контингенте за учебный год',
    );
    expect(text('report-byDirection')).toContain('Профориентация');
    expect(text('report-uncovered')).toContain('Учитель: потребность 10');
  });

  it('marks the flags of a school above zero: agreements without a plan and placements blocked', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting('coordinator', { now: new Date(2026, 10, 28) }) });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Reports);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/v1/periods').flush(PERIODS);
    await fixture.whenStable();
    const flags = { agreementsWithoutPlan: 2, placementsBlocked: 1, placementsBlockedStarted: 0 };
    const body = report('2026-2027');
    http
      .expectOne((r) => r.url === '/api/v1/reports/summary')
      .flush({
        ...body,
        totals: { ...body.totals, ...flags },
        schools: body.schools.map((s) => ({ ...s, ...flags })),
      });
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    const schools = el.querySelector('[data-testid="report-schools"]') as HTMLElement;
    const headers = [...schools.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(
      expect.arrayContaining([
        'Соглашения без плана и мероприятий',
        'Трудоустройства заблокированы: нет документов',
        'Из них начались без документов',
      ]),
    );
    const flagged = [...schools.querySelectorAll('td.flag')].map((td) => td.textContent?.trim());
    expect(flagged).toEqual(['2', '1']); // the zero of "started blocked" is not marked
    expect(el.querySelectorAll('[data-testid="report-totals"] td.flag')).toHaveLength(2);
  });
});
