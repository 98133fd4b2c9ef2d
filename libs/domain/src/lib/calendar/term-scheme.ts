import {
  DateRange,
  DomainError,
  domainError,
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

/** The standard schemes a school can declare (its record and `/organisations`); each has a fixed number of terms. */
export const STANDARD_TERM_SCHEMES = ['quarters', 'trimesters', 'halves'] as const;
export type StandardTermScheme = (typeof STANDARD_TERM_SCHEMES)[number];

/** The scheme of a school that declared none: quarters (четверти), the scheme of most schools (domain rules A3). */
export const DEFAULT_TERM_SCHEME: StandardTermScheme = 'quarters';

/** Every scheme kind, in display order: the standard ones, then an individual schedule. */
export const TERM_SCHEME_KINDS = [...STANDARD_TERM_SCHEMES, 'individual'] as const;
/** How a school divides its academic year (domain rules A3, ФОП п. 172.1). */
export type TermSchemeKind = (typeof TERM_SCHEME_KINDS)[number];

/** Number of terms per kind; an individual schedule has any positive number. */
export const TERM_COUNT: Readonly<Record<StandardTermScheme, number>> = { quarters: 4, trimesters: 3, halves: 2 };

/** Letter of a term code per kind: `q3`, `t2`, `h1`, `i1`. */
export const TERM_CODE_PREFIX: Readonly<Record<TermSchemeKind, string>> = {
  quarters: 'q',
  trimesters: 't',
  halves: 'h',
  individual: 'i',
};

/** Minimum length of a holiday between terms, in calendar days (ФОП п. 172.5, domain rules A4). */
export const MIN_HOLIDAY_DAYS = 7;

/** Rule and error codes of term-scheme validation. */
export const TERM_COUNT_INVALID = PERIOD_RULES.termCount;
export const TERM_OUTSIDE_YEAR = PERIOD_RULES.termOutsideYear;
export const TERM_OVERLAP = PERIOD_RULES.termOverlap;
export const HOLIDAY_TOO_SHORT = PERIOD_RULES.holidayTooShort;

/** One term (четверть, триместр, полугодие) with its instruction dates. */
export interface Term {
  /** 1-based */
  readonly index: number;
  readonly range: DateRange;
}

/** Inclusive first and last day of a term, as entered. */
export interface TermInput {
  readonly first: LocalDate;
  readonly last: LocalDate;
}

/** A school's terms for one academic year; gaps between terms (and after the last one) are school holidays. */
export class TermScheme {
  private constructor(
    readonly kind: TermSchemeKind,
    readonly academicYear: AcademicYear,
    readonly terms: readonly Term[],
  ) {}

  /**
   * Validates the term count for the kind (`period.term.count`, invalid), then collects rule findings: each term
   * inside the academic year (`period.term.outside-year`), terms in order without overlap (`period.term.overlap`),
   * each holiday between terms and the summer holiday at least 7 days (`period.holiday.too-short`).
   */
  static create(input: {
    kind: TermSchemeKind;
    academicYear: AcademicYear;
    terms: readonly TermInput[];
  }): Result<TermScheme, DomainError> {
    const { kind, academicYear } = input;
    const expected = kind === 'individual' ? undefined : TERM_COUNT[kind];
    if (input.terms.length === 0 || (expected !== undefined && input.terms.length !== expected))
      return err(countError(kind, input.terms.length));
    const terms: Term[] = [];
    for (const [i, t] of input.terms.entries()) {
      const range = DateRange.inclusive(t.first, t.last);
      if (!range.ok) return err({ ...range.error, field: `terms[${i}]` });
      terms.push({ index: i + 1, range: range.value });
    }
    const findings = validate(academicYear, terms);
    return findings.length > 0 ? err(ruleError(findings)) : ok(new TermScheme(kind, academicYear, terms));
  }

  /** The term with a 1-based index, if any. */
  term(index: number): Term | undefined {
    return this.terms[index - 1];
  }

  /** Code of a term for labels: `q3`, `t2`, `h1`, `i4`. */
  termCode(index: number): string {
    return `${TERM_CODE_PREFIX[this.kind]}${index}`;
  }

  /** The term a date falls in, if any. */
  termContaining(date: LocalDate): Term | undefined {
    return this.terms.find((t) => t.range.contains(date));
  }

  /** True on a day of instruction (inside a term). */
  isTermTime(date: LocalDate): boolean {
    return this.termContaining(date) !== undefined;
  }

  /** True inside the academic year but outside every term: holidays, the days before the first term, the summer. */
  isSchoolHoliday(date: LocalDate): boolean {
    return this.academicYear.contains(date) && !this.isTermTime(date);
  }

  /** The holidays between consecutive terms (autumn, winter, spring…), in order. */
  get holidays(): readonly DateRange[] {
    return this.terms.slice(1).map((t, i) => DateRange.ofInclusive(this.terms[i].range.end, t.range.start.addDays(-1)));
  }

  /** From the day after the last term to 31 August. */
  get summerHolidays(): DateRange {
    return DateRange.ofInclusive(this.terms[this.terms.length - 1].range.end, this.academicYear.range.last);
  }
}

function validate(year: AcademicYear, terms: readonly Term[]): Finding[] {
  const out: Finding[] = [];
  terms.forEach((t, i) => {
    const field = `terms[${i}]`;
    if (!year.range.covers(t.range)) {
      out.push(
        finding(
          TERM_OUTSIDE_YEAR,
          {
            ru: `Учебный период ${t.index} выходит за пределы учебного года ${year.label}`,
            en: `Term ${t.index} lies outside the academic year ${year.label}`,
            tt: `${t.index} чирек ${year.label} уку елыннан читтә`,
          },
          { field },
        ),
      );
    }
    const prev = terms[i - 1];
    if (!prev) return;
    const gap = prev.range.end.daysUntil(t.range.start);
    if (gap < 0) {
      out.push(
        finding(
          TERM_OVERLAP,
          {
            ru: `Период ${t.index} начинается раньше, чем заканчивается период ${prev.index}`,
            en: `Term ${t.index} starts before term ${prev.index} ends`,
            tt: `${t.index} чор ${prev.index} чор тәмамланганчы башлана`,
          },
          { field },
        ),
      );
    } else if (gap < MIN_HOLIDAY_DAYS) {
      out.push(holidayTooShort(gap, field, prev.index));
    }
  });
  const summer = terms[terms.length - 1].range.end.daysUntil(year.range.end);
  if (summer >= 0 && summer < MIN_HOLIDAY_DAYS)
    out.push(holidayTooShort(summer, `terms[${terms.length - 1}]`, terms.length));
  return out;
}

function holidayTooShort(days: number, field: string, afterTerm: number): Finding {
  return finding(
    HOLIDAY_TOO_SHORT,
    {
      ru: `Каникулы после периода ${afterTerm} короче ${MIN_HOLIDAY_DAYS} календарных дней`,
      en: `The holiday after term ${afterTerm} is shorter than ${MIN_HOLIDAY_DAYS} calendar days`,
      tt: `${afterTerm} чордан соң каникул ${MIN_HOLIDAY_DAYS} календарь көненнән кыскарак`,
    },
    { field, limit: MIN_HOLIDAY_DAYS, actual: days },
  );
}

function countError(kind: TermSchemeKind, actual: number): DomainError {
  const expected = kind === 'individual' ? 'at least 1' : String(TERM_COUNT[kind]);
  return domainError(
    TERM_COUNT_INVALID,
    'invalid',
    {
      ru: `Схема «${kind}» требует периодов: ${expected === 'at least 1' ? 'не менее 1' : expected}, передано ${actual}`,
      en: `A "${kind}" scheme needs ${expected} terms, got ${actual}`,
      tt: `«${kind}» схемасы өчен чорлар саны: ${expected === 'at least 1' ? 'кимендә 1' : expected}, җибәрелгәне: ${actual}`,
    },
    { field: 'terms' },
  );
}

/** Month and day of a default term's first or last day. */
type MonthDay = readonly [month: number, day: number];

/** Default term dates (Tatarstan quarters, domain rules A5), as month/day; the year follows from the month. */
const DEFAULT_TERMS: Readonly<Record<TermSchemeKind, readonly (readonly [MonthDay, MonthDay])[]>> = {
  // autumn 1–9 Nov, winter 29 Dec–9 Jan, spring 23–31 Mar
  quarters: [
    [
      [9, 1],
      [10, 31],
    ],
    [
      [11, 10],
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
  ],
  // breaks 23 Nov–1 Dec and 1–9 Mar (winter days inside the second trimester)
  trimesters: [
    [
      [9, 1],
      [11, 22],
    ],
    [
      [12, 2],
      [2, 28],
    ],
    [
      [3, 10],
      [5, 26],
    ],
  ],
  // winter 29 Dec–9 Jan
  halves: [
    [
      [9, 1],
      [12, 28],
    ],
    [
      [1, 10],
      [5, 26],
    ],
  ],
  individual: [
    [
      [9, 1],
      [5, 26],
    ],
  ],
};

/**
 * Sensible default terms of a kind for a year: a term starts on its date or the next weekday and ends on its date or
 * the previous weekday (instruction starts 1 Sep or the next working day, ends 26 May or the previous one; A1).
 * Holidays only grow by the shift, so the scheme always passes its own validation.
 */
export function defaultTermScheme(kind: TermSchemeKind, academicYear: AcademicYear): TermScheme {
  const at = ([month, day]: MonthDay): LocalDate =>
    LocalDate.of(month >= 9 ? academicYear.startYear : academicYear.endYear, month, day);
  const terms = DEFAULT_TERMS[kind].map(([first, last]) => ({
    first: weekday(at(first), 1),
    last: weekday(at(last), -1),
  }));
  return unwrap(TermScheme.create({ kind, academicYear, terms }));
}

/** The date itself, or the nearest Monday–Friday in direction `step`. */
function weekday(date: LocalDate, step: 1 | -1): LocalDate {
  let d = date;
  while (d.isWeekend) d = d.addDays(step);
  return d;
}
