import {
  DateRange,
  DomainError,
  err,
  Finding,
  finding,
  LocalDate,
  ok,
  PERIOD_RULES,
  Result,
  ruleError,
  unwrap,
} from '../common';
import { AcademicYear } from './academic-year';
import { defaultTermScheme, MIN_HOLIDAY_DAYS, TermInput, TermScheme, TermSchemeKind } from './term-scheme';

/** Rule codes of a school-year calendar beyond the term scheme's (domain rules A1, A4). */
export const TERM_TOO_LONG = PERIOD_RULES.termTooLong;
export const SUMMER_TOO_SHORT = PERIOD_RULES.summerTooShort;
export const GRADE1_HOLIDAY_OUTSIDE_TERM = PERIOD_RULES.grade1HolidayOutsideTerm;

/** Grades 1–8 and 10 get at least 8 weeks of summer holiday (A1). */
export const MIN_SUMMER_DAYS = 56;
/** A study block of the first half-year lasts at most 8 weeks (A4). */
export const MAX_FIRST_HALF_TERM_DAYS = 56;
/** A study block of the second half-year lasts at most 11 weeks for grades 2–9 (A4). */
export const MAX_SECOND_HALF_TERM_DAYS = 77;
/** A study block of grade 1 in the second half-year lasts at most 10 weeks (A4): its extra week splits a quarter. */
export const MAX_GRADE1_SECOND_HALF_BLOCK_DAYS = 70;
/**
 * The study-block limits come with the unified federal calendar of 2025/26 (A4, m24 of 18.08.2025); earlier years
 * (2021/22: a first quarter of 1 Sep–31 Oct) are not held to them. They bind quarters only (ФОП п. 172.6 names the
 * quarters' lengths); trimesters, halves and individual schedules are checked for holidays and summer only. [I]
 */
export const TERM_LENGTH_LIMITS_FROM = 2025;

/** Names of holidays between terms, by the month they start in (glossary: осенние, зимние, весенние каникулы). */
export const SCHOOL_HOLIDAY_KINDS = ['autumn', 'winter', 'spring'] as const;
export type SchoolHolidayKind = (typeof SCHOOL_HOLIDAY_KINDS)[number];

/** A named holiday between two terms. */
export interface NamedHoliday {
  readonly kind: SchoolHolidayKind;
  readonly range: DateRange;
}

/** What a calendar is saved from: the scheme, the terms' first and last days, and grade 1's extra week. */
export interface SchoolYearCalendarInput {
  readonly kind: TermSchemeKind;
  readonly academicYear: AcademicYear;
  readonly terms: readonly TermInput[];
  readonly grade1Holiday?: TermInput | null;
}

/**
 * A school year's calendar (domain rules A1, A3–A5): its terms (the instruction days), the holidays between them,
 * grade 1's extra week, and the summer holidays from the day after the last day of instruction to 31 August.
 */
export class SchoolYearCalendar {
  private constructor(
    readonly scheme: TermScheme,
    readonly grade1Holiday: DateRange | null,
  ) {}

  /**
   * Validates a calendar as it is saved: the term scheme's rules (count, inside the year, no overlap, every holiday
   * ≥ 7 days), then A4 and A1: quarters from 2025/26 no longer than 8 weeks before January and 11 weeks after
   * (`period.term.too-long`), grade 1's blocks after January (a quarter split by grade 1's extra week) no longer
   * than 10 weeks (`period.term.too-long` on `grade1Holiday`), a summer of at least 8 weeks
   * (`period.summer.too-short`), grade 1's extra week at least 7 days (`period.holiday.too-short`) inside a term
   * (`period.grade1-holiday.outside-term`). All findings at once.
   */
  static create(input: SchoolYearCalendarInput): Result<SchoolYearCalendar, DomainError> {
    const scheme = TermScheme.create(input);
    let grade1: DateRange | null = null;
    if (input.grade1Holiday) {
      const r = DateRange.inclusive(input.grade1Holiday.first, input.grade1Holiday.last);
      if (!r.ok) return err({ ...r.error, field: 'grade1Holiday' });
      grade1 = r.value;
    }
    const findings: Finding[] = [];
    if (!scheme.ok) {
      if (scheme.error.category !== 'rule') return err(scheme.error);
      findings.push(...(scheme.error.details ?? []));
    }
    findings.push(...calendarFindings(input, grade1));
    if (findings.length > 0) return err(ruleError(findings));
    return ok(new SchoolYearCalendar(unwrap(scheme), grade1));
  }

  get academicYear(): AcademicYear {
    return this.scheme.academicYear;
  }

  get kind(): TermSchemeKind {
    return this.scheme.kind;
  }

  /** The first day of instruction. */
  get firstDay(): LocalDate {
    return this.scheme.terms[0].range.start;
  }

  /** The last day of instruction. */
  get lastDay(): LocalDate {
    return this.scheme.terms[this.scheme.terms.length - 1].range.last;
  }

  /** The holidays between terms, named by the month they start in. */
  get holidays(): readonly NamedHoliday[] {
    return this.scheme.holidays.map((range) => ({ kind: holidayKind(range.start), range }));
  }

  /** From the day after the last day of instruction to 31 August. */
  get summerHolidays(): DateRange {
    return this.scheme.summerHolidays;
  }

  /** True inside the year but outside every term (grade 1's extra week is not a holiday of older pupils). */
  isSchoolHoliday(date: LocalDate): boolean {
    return this.scheme.isSchoolHoliday(date);
  }
}

function calendarFindings(input: SchoolYearCalendarInput, grade1: DateRange | null): Finding[] {
  const out: Finding[] = [];
  const year = input.academicYear;
  const ranges = input.terms.map((t) => (t.first.isAfter(t.last) ? null : DateRange.ofInclusive(t.first, t.last)));
  if (input.kind === 'quarters' && year.startYear >= TERM_LENGTH_LIMITS_FROM) {
    const newYear = LocalDate.of(year.endYear, 1, 1);
    ranges.forEach((r, i) => {
      if (!r) return;
      const limit = r.start.isBefore(newYear) ? MAX_FIRST_HALF_TERM_DAYS : MAX_SECOND_HALF_TERM_DAYS;
      if (r.days > limit)
        out.push(
          finding(
            TERM_TOO_LONG,
            {
              ru: `Учебный период ${i + 1} длиннее ${limit / 7} недель (${r.days} дн.)`,
              en: `Term ${i + 1} is longer than ${limit / 7} weeks (${r.days} days)`,
              tt: `${i + 1} чирек ${limit / 7} атнадан озынрак (${r.days} көн)`,
            },
            { field: `terms[${i}]`, limit, actual: r.days },
          ),
        );
    });
  }
  if (input.kind === 'quarters' && year.startYear >= TERM_LENGTH_LIMITS_FROM)
    out.push(...grade1BlockFindings(ranges, grade1, LocalDate.of(year.endYear, 1, 1)));
  const last = ranges[ranges.length - 1];
  if (last) {
    const summer = last.end.daysUntil(year.range.end);
    // a summer under 7 days is already the scheme's `period.holiday.too-short`
    if (summer >= MIN_HOLIDAY_DAYS && summer < MIN_SUMMER_DAYS)
      out.push(
        finding(
          SUMMER_TOO_SHORT,
          {
            ru: `Летние каникулы короче 8 недель (${summer} дн.)`,
            en: `The summer holidays are shorter than 8 weeks (${summer} days)`,
            tt: `Җәйге каникул 8 атнадан кыскарак (${summer} көн)`,
          },
          { field: `terms[${ranges.length - 1}]`, limit: MIN_SUMMER_DAYS, actual: summer },
        ),
      );
  }
  if (grade1) {
    if (grade1.days < MIN_HOLIDAY_DAYS)
      out.push(
        finding(
          PERIOD_RULES.holidayTooShort,
          {
            ru: `Дополнительные каникулы 1 класса короче ${MIN_HOLIDAY_DAYS} календарных дней`,
            en: `Grade 1's extra holiday is shorter than ${MIN_HOLIDAY_DAYS} calendar days`,
            tt: `1 сыйныфның өстәмә каникулы ${MIN_HOLIDAY_DAYS} көннән кыскарак`,
          },
          { field: 'grade1Holiday', limit: MIN_HOLIDAY_DAYS, actual: grade1.days },
        ),
      );
    if (!ranges.some((r) => r && r.covers(grade1)))
      out.push(
        finding(
          GRADE1_HOLIDAY_OUTSIDE_TERM,
          {
            ru: 'Дополнительные каникулы 1 класса должны лежать внутри учебного периода',
            en: "Grade 1's extra holiday must lie inside a term",
            tt: '1 сыйныфның өстәмә каникулы уку чоры эчендә булырга тиеш',
          },
          { field: 'grade1Holiday' },
        ),
      );
  }
  return out;
}

/**
 * Grade 1's study blocks after 1 January: each quarter starting then, split in two by grade 1's extra week when it
 * lies inside it; each at most `MAX_GRADE1_SECOND_HALF_BLOCK_DAYS` (A4). A quarter without the week is one block;
 * a calendar without the week is not checked for grade 1.
 */
function grade1BlockFindings(ranges: readonly (DateRange | null)[], grade1: DateRange | null, newYear: LocalDate) {
  const out: Finding[] = [];
  // without grade 1's week the calendar speaks for grades 2–11 only (a school without a first grade, or not set yet)
  // (a week outside every term is refused as such, not counted again here)
  if (!grade1 || !ranges.some((r) => r?.covers(grade1))) return out;
  ranges.forEach((r, i) => {
    if (!r || r.start.isBefore(newYear)) return;
    // day counts of the blocks before and after the week (either may be empty)
    const blocks =
      grade1 && r.covers(grade1) ? [r.start.daysUntil(grade1.start), grade1.end.daysUntil(r.end)] : [r.days];
    const days = Math.max(...blocks);
    if (days > MAX_GRADE1_SECOND_HALF_BLOCK_DAYS)
      out.push(
        finding(
          TERM_TOO_LONG,
          {
            ru: `Учебный период 1 класса в четверти ${i + 1} длиннее 10 недель (${days} дн.): перенесите дополнительные каникулы 1 класса`,
            en: `A grade 1 study block in term ${i + 1} is longer than 10 weeks (${days} days): move grade 1's extra holiday`,
            tt: `${i + 1} чиректә 1 сыйныфның уку чоры 10 атнадан озынрак (${days} көн): 1 сыйныфның өстәмә каникулын күчерегез`,
          },
          { field: 'grade1Holiday', limit: MAX_GRADE1_SECOND_HALF_BLOCK_DAYS, actual: days },
        ),
      );
  });
  return out;
}

function holidayKind(start: LocalDate): SchoolHolidayKind {
  if (start.month >= 9 && start.month <= 11) return 'autumn';
  if (start.month === 12 || start.month <= 2) return 'winter';
  return 'spring';
}

/** Month and day of a default quarter's first or last day. */
type MonthDay = readonly [month: number, day: number];

/**
 * Default quarters from 2025/26 that keep A4's limits [I]: 1 Sep–26 Oct (8 weeks), autumn 27 Oct–4 Nov, 5 Nov–28 Dec,
 * winter 29 Dec–9 Jan, 10 Jan–22 Mar (under 11 weeks), spring 23–31 Mar, 1 Apr–26 May (A1).
 */
const QUARTERS_FROM_2025: readonly (readonly [MonthDay, MonthDay])[] = [
  [
    [9, 1],
    [10, 26],
  ],
  [
    [11, 5],
    [12, 28],
  ],
  [
    [1, 10],
    [3, 22],
  ],
  [
    [4, 1],
    [5, 26],
  ],
];

/**
 * The ФОП default calendar of a year without published dates (A1): quarters; instruction starts on 1 September or,
 * if that is a day off, the next working day, and ends on 26 May or the previous working day; every term starts on a
 * working day and ends on one, so holidays only grow. Before 2025/26 the terms are `defaultTermScheme`'s (autumn
 * 1–9 Nov, winter 29 Dec–9 Jan, spring 23–31 Mar); from 2025/26 `QUARTERS_FROM_2025` with grade 1's extra week
 * (`defaultGrade1Week`). `isDayOff` defaults to weekends.
 */
export function defaultSchoolYearCalendar(
  academicYear: AcademicYear,
  isDayOff: (date: LocalDate) => boolean = (d) => d.isWeekend,
): SchoolYearCalendar {
  const template =
    academicYear.startYear >= TERM_LENGTH_LIMITS_FROM
      ? QUARTERS_FROM_2025.map(([first, last]) => ({ first: at(academicYear, first), last: at(academicYear, last) }))
      : defaultTermScheme('quarters', academicYear).terms.map((t) => ({ first: t.range.start, last: t.range.last }));
  const terms = template.map((t) => ({ first: shift(t.first, 1, isDayOff), last: shift(t.last, -1, isDayOff) }));
  const grade1Holiday = academicYear.startYear >= TERM_LENGTH_LIMITS_FROM ? defaultGrade1Week(academicYear) : null;
  return unwrap(SchoolYearCalendar.create({ kind: 'quarters', academicYear, terms, grade1Holiday }));
}

/**
 * Grade 1's extra week of a default calendar (A4: in February; 2025/26 in Tatarstan was 16–22 Feb): the Monday
 * between 15 and 21 February through the Sunday after it, which keeps both of grade 1's blocks under 10 weeks.
 */
export function defaultGrade1Week(academicYear: AcademicYear): TermInput {
  const fifteenth = LocalDate.of(academicYear.endYear, 2, 15);
  const first = fifteenth.addDays((8 - fifteenth.dayOfWeek) % 7);
  return { first, last: first.addDays(6) };
}

function at(year: AcademicYear, [month, day]: MonthDay): LocalDate {
  return LocalDate.of(month >= 9 ? year.startYear : year.endYear, month, day);
}

/** The date itself, or the nearest day that is not a day off in direction `step` (at most 31 days away). */
function shift(date: LocalDate, step: 1 | -1, isDayOff: (date: LocalDate) => boolean): LocalDate {
  let d = date;
  for (let i = 0; i < 31 && isDayOff(d); i++) d = d.addDays(step);
  return d;
}
