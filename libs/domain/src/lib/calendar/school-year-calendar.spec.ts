import { d } from '../../testing';
import { AcademicYear } from './academic-year';
import { TATARSTAN_SCHOOL_YEARS, TATARSTAN_WORKING_YEARS } from './calendar-seed';
import {
  defaultGrade1Week,
  defaultSchoolYearCalendar,
  GRADE1_HOLIDAY_OUTSIDE_TERM,
  SchoolYearCalendar,
  SUMMER_TOO_SHORT,
  TERM_TOO_LONG,
} from './school-year-calendar';
import { HOLIDAY_TOO_SHORT } from './term-scheme';
import { isLabourHoliday, nonWorkingDaysOf, validateWorkingYear, workingCalendarOf } from './working-year';

const y2025 = AcademicYear.of(2025);
const pairs = (...p: [string, string][]) => p.map(([first, last]) => ({ first: d(first), last: d(last) }));
/** Tatarstan 2025/26 (A5) with one quarter's edge moved. */
const tat2025 = (q1Last = '2025-10-26', q3 = ['2026-01-12', '2026-03-27'] as [string, string], q4Last = '2026-05-26') =>
  pairs(['2025-09-01', q1Last], ['2025-11-07', '2025-12-30'], q3, ['2026-04-06', q4Last]);
const rulesOf = (r: ReturnType<typeof SchoolYearCalendar.create>) =>
  r.ok ? [] : (r.error.details ?? [{ rule: r.error.code }]).map((f) => f.rule);

describe(SchoolYearCalendar.name, () => {
  it('accepts every seeded Tatarstan year (A5) and names its holidays and summer', () => {
    for (const s of TATARSTAN_SCHOOL_YEARS) {
      const r = SchoolYearCalendar.create({
        kind: s.kind,
        academicYear: AcademicYear.of(Number(s.academicYear.slice(0, 4))),
        terms: pairs(...s.terms.map((t): [string, string] => [t.first, t.last])),
        grade1Holiday: s.grade1Holiday && { first: d(s.grade1Holiday.first), last: d(s.grade1Holiday.last) },
      });
      expect({ year: s.academicYear, rules: rulesOf(r) }).toEqual({ year: s.academicYear, rules: [] });
    }
    const cal = SchoolYearCalendar.create({ kind: 'quarters', academicYear: y2025, terms: tat2025() });
    expect(cal.ok && cal.value.holidays.map((h) => `${h.kind} ${h.range.start}..${h.range.last}`)).toEqual([
      'autumn 2025-10-27..2025-11-06',
      'winter 2025-12-31..2026-01-11',
      'spring 2026-03-28..2026-04-05',
    ]);
    expect(cal.ok && [cal.value.lastDay.toString(), cal.value.summerHolidays.start.toString()]).toEqual([
      '2026-05-26',
      '2026-05-27',
    ]);
    expect(cal.ok && [d('2026-03-27'), d('2026-03-28')].map((x) => cal.value.isSchoolHoliday(x))).toEqual([
      false,
      true,
    ]);
  });

  it('refuses a first-half quarter over 8 weeks from 2025/26 (56 days pass, 57 do not), but not in 2021/22', () => {
    expect(rulesOf(SchoolYearCalendar.create({ kind: 'quarters', academicYear: y2025, terms: tat2025() }))).toEqual([]);
    const r = SchoolYearCalendar.create({
      kind: 'quarters',
      academicYear: y2025,
      terms: pairs(
        ['2025-09-01', '2025-10-27'],
        ['2025-11-07', '2025-12-30'],
        ['2026-01-12', '2026-03-27'],
        ['2026-04-06', '2026-05-26'],
      ),
    });
    expect(rulesOf(r)).toEqual([TERM_TOO_LONG]);
    expect(!r.ok && r.error.details?.[0]).toMatchObject({ field: 'terms[0]', limit: 56, actual: 57 });
    const old = SchoolYearCalendar.create({
      kind: 'quarters',
      academicYear: AcademicYear.of(2021),
      terms: pairs(
        ['2021-09-01', '2021-10-31'],
        ['2021-11-08', '2021-12-28'],
        ['2022-01-12', '2022-03-27'],
        ['2022-04-06', '2022-05-31'],
      ),
    });
    expect(rulesOf(old)).toEqual([]);
  });

  it('refuses a second-half quarter over 11 weeks (77 days pass, 78 do not)', () => {
    const ok77 = tat2025('2025-10-26', ['2026-01-09', '2026-03-26']);
    const no78 = tat2025('2025-10-26', ['2026-01-08', '2026-03-26']);
    expect(rulesOf(SchoolYearCalendar.create({ kind: 'quarters', academicYear: y2025, terms: ok77 }))).toEqual([]);
    expect(rulesOf(SchoolYearCalendar.create({ kind: 'quarters', academicYear: y2025, terms: no78 }))).toEqual([
      TERM_TOO_LONG,
    ]);
  });

  it('refuses a summer under 8 weeks: from 7 Jul (56 days) passes, from 8 Jul (55 days) does not', () => {
    const summerAfter = (lastDay: string) =>
      rulesOf(
        SchoolYearCalendar.create({
          kind: 'quarters',
          academicYear: AcademicYear.of(2021),
          terms: pairs(
            ['2021-09-01', '2021-10-31'],
            ['2021-11-08', '2021-12-28'],
            ['2022-01-12', '2022-03-27'],
            ['2022-04-06', lastDay],
          ),
        }),
      );
    expect(summerAfter('2022-07-06')).toEqual([]);
    expect(summerAfter('2022-07-07')).toEqual([SUMMER_TOO_SHORT]);
  });

  it("checks grade 1's extra week: 7 days inside a term pass, 6 days or across a holiday do not", () => {
    const with1 = (first: string, last: string) =>
      rulesOf(
        SchoolYearCalendar.create({
          kind: 'quarters',
          academicYear: y2025,
          terms: tat2025(),
          grade1Holiday: { first: d(first), last: d(last) },
        }),
      );
    expect(with1('2026-02-16', '2026-02-22')).toEqual([]);
    expect(with1('2026-02-16', '2026-02-21')).toEqual([HOLIDAY_TOO_SHORT]);
    expect(with1('2026-03-25', '2026-03-31')).toEqual([GRADE1_HOLIDAY_OUTSIDE_TERM]);
  });

  it('refuses a grade 1 block after January over 10 weeks: the extra week must split the third quarter (70 days pass, 71 do not)', () => {
    const third = (first: string, last: string, grade1: [string, string] | null) =>
      rulesOf(
        SchoolYearCalendar.create({
          kind: 'quarters',
          academicYear: y2025,
          terms: [...tat2025().slice(0, 2), { first: d(first), last: d(last) }, ...tat2025().slice(3)],
          grade1Holiday: grade1 && { first: d(grade1[0]), last: d(grade1[1]) },
        }),
      );
    // the week in February splits the published 12 Jan – 27 Mar 2026 into 35 and 34 days
    expect(third('2026-01-12', '2026-03-27', ['2026-02-16', '2026-02-22'])).toEqual([]);
    // without the week the calendar speaks for grades 2–11 only: 75 days (≤ 77) pass
    expect(third('2026-01-12', '2026-03-27', null)).toEqual([]);
    // the week at the quarter's start leaves one block after it: 23 Mar − 19 Jan + 1 = 64 days pass
    expect(third('2026-01-12', '2026-03-23', ['2026-01-12', '2026-01-18'])).toEqual([]);
    // the week in the fourth quarter leaves the third whole for grade 1: 12 Jan – 22 Mar (70 days) passes, to 23 Mar not
    expect(third('2026-01-12', '2026-03-22', ['2026-04-13', '2026-04-19'])).toEqual([]);
    expect(third('2026-01-12', '2026-03-23', ['2026-04-13', '2026-04-19'])).toEqual([TERM_TOO_LONG]);
  });

  it('gives a default calendar from 2025/26 grade 1 extra week in February, Monday to Sunday, keeping its blocks short', () => {
    for (let y = 2025; y < 2060; y++) {
      const week = defaultGrade1Week(AcademicYear.of(y));
      expect([week.first.month, week.first.dayOfWeek, week.first.daysUntil(week.last)]).toEqual([2, 1, 6]);
      expect(week.first.day).toBeGreaterThanOrEqual(15);
      expect(week.first.day).toBeLessThanOrEqual(21);
      expect(defaultSchoolYearCalendar(AcademicYear.of(y)).grade1Holiday?.start).toEqual(week.first);
    }
    expect(defaultSchoolYearCalendar(AcademicYear.of(2024)).grade1Holiday).toBeNull();
  });

  it('builds the ФОП default: instruction from 1 Sep or the next working day, to 26 May or the previous one', () => {
    // 1 Sep 2030 is a Sunday
    const y2030 = defaultSchoolYearCalendar(AcademicYear.of(2030));
    expect([y2030.firstDay.toString(), y2030.lastDay.toString(), y2030.kind]).toEqual([
      '2030-09-02',
      '2031-05-26',
      'quarters',
    ]);
    // 1 Sep 2019 is a Sunday too (years before 2025/26 keep the older default quarters)
    expect(defaultSchoolYearCalendar(AcademicYear.of(2019)).firstDay.toString()).toBe('2019-09-02');
    // a day off by decree moves it further
    const moved = defaultSchoolYearCalendar(AcademicYear.of(2030), (x) => x.isWeekend || x.toString() === '2030-09-02');
    expect(moved.firstDay.toString()).toBe('2030-09-03');
    // 26 May 2029 is a Saturday
    expect(defaultSchoolYearCalendar(AcademicYear.of(2028)).lastDay.toString()).toBe('2029-05-25');
    for (let y = 2019; y < 2060; y++)
      expect(defaultSchoolYearCalendar(AcademicYear.of(y)).scheme.terms).toHaveLength(4);
  });
});

describe('working-day calendar as data', () => {
  const cal = workingCalendarOf(TATARSTAN_WORKING_YEARS);

  it('makes 29–30 Apr and 31 Dec 2024 days off by decree and 27 Apr 2024 a working Saturday', () => {
    expect(['2024-04-29', '2024-04-30', '2024-12-31'].map((x) => cal.isNonWorking(d(x)))).toEqual([true, true, true]);
    expect(cal.isWorkingDay(d('2024-04-27'))).toBe(true);
    expect(cal.isWorkingDay(d('2025-02-24'))).toBe(true);
    expect(cal.isNonWorking(d('2025-05-08'))).toBe(true);
  });

  it('keeps the 2019 and 2021 decree transfers: 25 Feb 2019 and 20 Feb 2021 are working days, 10 May 2019 and 22 Feb 2021 not', () => {
    expect(['2019-02-25', '2021-02-20'].map((x) => cal.isWorkingDay(d(x)))).toEqual([true, true]);
    expect(['2019-05-10', '2021-02-22', '2020-05-05'].map((x) => cal.isNonWorking(d(x)))).toEqual([true, true, true]);
  });

  it('makes the President’s non-working days of 2020 days off: 30 Mar–30 Apr, 6–8 May, 24 Jun, 1 Jul', () => {
    const off = ['2020-03-30', '2020-04-03', '2020-04-06', '2020-04-30', '2020-05-06', '2020-05-08'];
    expect(off.map((x) => cal.holidayName(d(x)))).toEqual(Array(off.length).fill('presidential_decree'));
    expect(['2020-06-24', '2020-07-01'].map((x) => cal.isNonWorking(d(x)))).toEqual([true, true]);
    // the edges: the Friday before and the first working day after
    expect(['2020-03-27', '2020-05-12', '2020-06-23', '2020-07-02'].map((x) => cal.isWorkingDay(d(x)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('makes 4–7 May and 1–3 Nov 2021 days off by the President’s decrees, between working days', () => {
    const off = ['2021-05-04', '2021-05-05', '2021-05-06', '2021-05-07', '2021-11-01', '2021-11-02', '2021-11-03'];
    expect(off.map((x) => cal.holidayName(d(x)))).toEqual(Array(off.length).fill('presidential_decree'));
    expect(cal.holidayName(d('2021-11-05'))).toBe('decree_transfer');
    expect(['2021-04-30', '2021-05-11', '2021-10-29'].map((x) => cal.isWorkingDay(d(x)))).toEqual([true, true, true]);
  });

  it('keeps the President’s non-working days out of the Labour Code’s holidays, and transfers and holidays in', () => {
    expect(isLabourHoliday(cal.holidayName(d('2021-05-05')))).toBe(false);
    expect(isLabourHoliday(cal.holidayName(d('2021-11-05')))).toBe(true); // decree transfer
    expect(isLabourHoliday(cal.holidayName(d('2021-11-04')))).toBe(true);
    expect(isLabourHoliday(cal.holidayName(d('2021-11-10')))).toBe(false); // a working day has no code
  });

  it('counts a deadline in working days across the non-working days of spring 2020 and November 2021', () => {
    // Fri 27 Mar 2020 + 1 working day: 30 Mar–8 May by decree, 1–5 May holidays and transfers, 9–11 May the Victory
    // Day weekend and its move → Tue 12 May
    expect(cal.addWorkingDays(d('2020-03-27'), 1).toString()).toBe('2020-05-12');
    expect(cal.addWorkingDays(d('2020-04-29'), 1).toString()).toBe('2020-05-12');
    // Fri 29 Oct 2021 + 1: 30 Oct–7 Nov are days off, and Mon 8 Nov is Tatarstan's Constitution Day moved off
    // Saturday 6 Nov (the built-in rule, A6) → Tue 9 Nov; + 10 → Mon 22 Nov
    expect(cal.holidayName(d('2021-11-08'))).toBe('tatarstan_constitution_day');
    expect(cal.addWorkingDays(d('2021-10-29'), 1).toString()).toBe('2021-11-09');
    expect(cal.addWorkingDays(d('2021-10-29'), 10).toString()).toBe('2021-11-22');
    expect(cal.workingDaysBetween(d('2021-10-29'), d('2021-11-10'))).toBe(2);
  });

  it('falls back to the built-in rules for a year without data and takes a new year of bayram dates', () => {
    expect(cal.isWorkingDay(d('2027-03-10'))).toBe(true);
    const more = workingCalendarOf([
      ...TATARSTAN_WORKING_YEARS,
      {
        year: 2027,
        movableHolidays: [{ date: '2027-03-10', name: 'uraza_bayram' }],
        extraDaysOff: [],
        extraWorkingDays: [],
      },
    ]);
    expect(more.holidayName(d('2027-03-10'))).toBe('uraza_bayram');
    expect(nonWorkingDaysOf(more, 2027)).toContainEqual({ date: '2027-03-10', name: 'uraza_bayram' });
  });

  it('refuses a date outside its year', () => {
    const r = validateWorkingYear({
      year: 2027,
      movableHolidays: [],
      extraDaysOff: [{ date: '2026-05-01', name: 'decree_transfer' }],
      extraWorkingDays: [],
    });
    expect(!r.ok && [r.error.code, r.error.field]).toEqual(['period.invalid', 'extraDaysOff[0].date']);
  });
});
