import type { SchoolYearCalendarResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../../testing/page-testing';
import { calendarFindings, SchoolYearCalendar } from './school-year-calendar';

const TERMS = [
  { first: '2025-09-01', last: '2025-10-26' },
  { first: '2025-11-07', last: '2025-12-30' },
  { first: '2026-01-12', last: '2026-03-27' },
  { first: '2026-04-06', last: '2026-05-26' },
];
const calendar = (over: Partial<SchoolYearCalendarResponse> = {}): SchoolYearCalendarResponse => ({
  academicYear: '2025-2026',
  organisationId: 'school-1',
  source: 'district',
  termScheme: 'quarters',
  firstDay: '2025-09-01',
  lastDay: '2026-05-26',
  terms: TERMS.map((t, i) => ({ code: `q${i + 1}`, ...t })),
  holidays: [
    { kind: 'autumn', first: '2025-10-27', last: '2025-11-06' },
    { kind: 'winter', first: '2025-12-31', last: '2026-01-11' },
    { kind: 'spring', first: '2026-03-28', last: '2026-04-05' },
  ],
  grade1Holiday: { first: '2026-02-16', last: '2026-02-22' },
  summerHolidays: { first: '2026-05-27', last: '2026-08-31' },
  planSubmissionDueOn: '2025-10-01',
  version: 1,
  ...over,
});

describe(SchoolYearCalendar.name, () => {
  let http: HttpTestingController;

  const render = async (role: 'coordinator' | 'school_admin', answer: SchoolYearCalendarResponse) => {
    TestBed.configureTestingModule({ providers: providePageTesting(role, { now: new Date('2025-11-20T09:00:00Z') }) });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SchoolYearCalendar);
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/v1/calendars/school-years');
    expect(req.request.params.get('academicYear')).toBe('2025-2026');
    req.flush(answer);
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  };

  it("shows a school administrator the district's calendar in effect, with its holidays in Russian", async () => {
    const { el } = await render('school_admin', calendar());
    expect(el.querySelector('[data-testid="calendar-source"]')?.textContent).toContain('Действует календарь района');
    const holidays = el.querySelector('[data-testid="calendar-holidays"]')?.textContent ?? '';
    expect(holidays).toContain('Весенние каникулы: 28.03.2026 – 05.04.2026');
    expect(holidays).toContain('Летние каникулы: 27.05.2026 – 31.08.2026');
    expect(el.querySelectorAll('[data-testid="calendar-terms"] tbody tr')).toHaveLength(4);
  });

  it("saves a school administrator's override for their school without the district's version", async () => {
    const { el, stable } = await render('school_admin', calendar());
    (el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement).click();
    const put = http.expectOne((r) => r.url === '/api/v1/calendars/school-years/2025-2026');
    expect(put.request.method).toBe('PUT');
    expect(put.request.params.get('organisationId')).toBe('school-1');
    expect(put.request.body).toEqual({
      termScheme: 'quarters',
      terms: TERMS,
      grade1Holiday: { first: '2026-02-16', last: '2026-02-22' },
    });
    put.flush(calendar({ source: 'school' }));
    await stable();
    expect(el.querySelector('[data-testid="calendar-source"]')?.textContent).toContain('Действует календарь школы');
  });

  it("saves the coordinator's district calendar with its version", async () => {
    const { el } = await render('coordinator', calendar({ organisationId: null, version: 3 }));
    (el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement).click();
    const put = http.expectOne((r) => r.url === '/api/v1/calendars/school-years/2025-2026');
    expect(put.request.params.has('organisationId')).toBe(false);
    expect(put.request.body.version).toBe(3);
    expect(put.request.body.planSubmissionDueOn).toBe('2025-10-01');
  });

  it('shows what another coordinator changed in the calendar and overwrites with the current version', async () => {
    const { el, stable } = await render('coordinator', calendar({ organisationId: null, version: 3 }));
    const input = el.querySelector('[data-testid="calendar-plan-due"]') as HTMLInputElement;
    input.value = '20.09.2025';
    // the datepicker reads what is typed on input and reports it on change
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    (el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement).click();
    http
      .expectOne((r) => r.url === '/api/v1/calendars/school-years/2025-2026')
      .flush({ message: 'stale', rule: 'version.stale', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    http
      .expectOne((r) => r.method === 'GET' && r.url === '/api/v1/calendars/school-years')
      .flush(
        calendar({ organisationId: null, version: 4, grade1Holiday: { first: '2026-02-09', last: '2026-02-15' } }),
      );
    await stable();
    const rows = [...el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Дополнительные каникулы 1 класса', '16.02.2026 – 22.02.2026', '09.02.2026 – 15.02.2026'],
      ['Срок сдачи планов на утверждение', '20.09.2025', '01.10.2025'],
    ]);
    (el.querySelector('[data-testid="conflict-overwrite"]') as HTMLButtonElement).click();
    const again = http.expectOne((r) => r.url === '/api/v1/calendars/school-years/2025-2026');
    expect(again.request.body).toMatchObject({ version: 4, planSubmissionDueOn: '2025-09-20' });
  });

  it('lets the coordinator set the plan submission deadline and shows it to a school as a sentence', async () => {
    const coordinator = await render('coordinator', calendar({ organisationId: null }));
    const input = coordinator.el.querySelector('[data-testid="calendar-plan-due"]') as HTMLInputElement;
    input.value = '20.09.2025';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    (coordinator.el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement).click();
    const put = http.expectOne((r) => r.url === '/api/v1/calendars/school-years/2025-2026');
    expect(put.request.body.planSubmissionDueOn).toBe('2025-09-20');
    put.flush(calendar({ planSubmissionDueOn: '2025-09-20' }));
    TestBed.resetTestingModule();
    const school = await render('school_admin', calendar({ planSubmissionDueOn: '2025-09-20' }));
    expect(school.el.querySelector('[data-testid="calendar-plan-due"]')).toBeNull();
    expect(school.el.querySelector('[data-testid="calendar-plan-due-text"]')?.textContent).toContain('до 20.09.2025');
  });

  it('shows the datepicker parse error under a term date typed as an impossible day and blocks saving until it is fixed', async () => {
    const { el, stable } = await render('school_admin', calendar());
    const first = el.querySelector('[data-testid="calendar-terms"] tbody tr input') as HTMLInputElement;
    const save = el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement;
    first.value = '31.02.2025';
    first.dispatchEvent(new Event('input'));
    first.dispatchEvent(new Event('change'));
    await stable();
    const message = el.querySelector('[data-testid="calendar-terms"] [role="alert"]');
    expect(message?.textContent).toContain('31.12.2027');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(first.getAttribute('aria-describedby')).toBe(message?.id);
    expect(save.disabled).toBe(true);
    first.value = '01.09.2025';
    first.dispatchEvent(new Event('input'));
    first.dispatchEvent(new Event('change'));
    await stable();
    expect(el.querySelector('[data-testid="calendar-terms"] [role="alert"]')).toBeNull();
    expect(save.disabled).toBe(false);
    save.click();
    expect(
      http.expectOne((r) => r.url === '/api/v1/calendars/school-years/2025-2026').request.body.terms[0].first,
    ).toBe('2025-09-01');
  });

  it('shows the parse error under the plan deadline typed as junk', async () => {
    const { el, stable } = await render('coordinator', calendar({ organisationId: null }));
    const input = el.querySelector('[data-testid="calendar-plan-due"]') as HTMLInputElement;
    input.value = 'скоро';
    input.dispatchEvent(new Event('input'));
    await stable();
    expect(el.querySelector('.plan-due [role="alert"]')?.textContent).toContain('31.12.2027');
    expect((el.querySelector('[data-testid="calendar-save"]') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe(calendarFindings.name, () => {
  it('gives the domain rule findings before saving: a 2025/26 first quarter of 57 days is too long', () => {
    expect(calendarFindings('2025-2026', 'quarters', TERMS, null, 'ru')).toEqual([]);
    const long = [{ first: '2025-09-01', last: '2025-10-27' }, ...TERMS.slice(1)];
    expect(calendarFindings('2025-2026', 'quarters', long, null, 'en')).toEqual([
      'Term 1 is longer than 8 weeks (57 days)',
    ]);
  });
});
