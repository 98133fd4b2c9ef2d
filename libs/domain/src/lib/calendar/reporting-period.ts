import {
  DateRange,
  DomainError,
  domainError,
  err,
  isSupportedYear,
  LocalDate,
  ok,
  PERIOD_RULES,
  Result,
} from '../common';
import { AcademicYear } from './academic-year';
import { defaultTermScheme, STANDARD_TERM_SCHEMES, TERM_CODE_PREFIX, TermScheme, TermSchemeKind } from './term-scheme';

/** Every kind of reporting period used in education (domain rules A7), in display order; the wire values of `/periods`. */
export const PERIOD_KINDS = [
  'academic_year',
  'term',
  'calendar_year',
  'calendar_quarter',
  'half_year',
  'summer_campaign',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Error code of a period string that is not one of the accepted forms. */
export const PERIOD_INVALID = PERIOD_RULES.periodInvalid;

/** API shape of a period: `endsOn` is the inclusive last day. */
export interface PeriodJson {
  readonly kind: PeriodKind;
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** A labelled half-open range of dates that indicators are aggregated by. */
export class ReportingPeriod {
  private constructor(
    readonly kind: PeriodKind,
    readonly label: string,
    readonly range: DateRange,
    readonly academicYear?: AcademicYear,
    readonly termIndex?: number,
  ) {}

  /** Rejects `end <= start` (`end` is exclusive). */
  static create(input: {
    kind: PeriodKind;
    label: string;
    start: LocalDate;
    end: LocalDate;
    academicYear?: AcademicYear;
    termIndex?: number;
  }): Result<ReportingPeriod, DomainError> {
    const range = DateRange.create(input);
    return range.ok
      ? ok(new ReportingPeriod(input.kind, input.label, range.value, input.academicYear, input.termIndex))
      : range;
  }

  /** 1 Sep … 31 Aug, labelled `2019-2020`. */
  static ofAcademicYear(year: AcademicYear): ReportingPeriod {
    return new ReportingPeriod('academic_year', year.label, year.range, year);
  }

  /** A term of a scheme, labelled `2019-2020:q3`; undefined for an index the scheme lacks. */
  static ofTerm(scheme: TermScheme, index: number): ReportingPeriod | undefined {
    const term = scheme.term(index);
    return (
      term &&
      new ReportingPeriod(
        'term',
        `${scheme.academicYear.label}:${scheme.termCode(index)}`,
        term.range,
        scheme.academicYear,
        index,
      )
    );
  }

  /** 1 Jan … 31 Dec, labelled `2020`. */
  static ofCalendarYear(year: number): ReportingPeriod {
    return ReportingPeriod.months('calendar_year', String(year), year, 1, 12);
  }

  /** Quarter 1..4 of a calendar year, labelled `2020-Q1`. */
  static ofCalendarQuarter(year: number, quarter: 1 | 2 | 3 | 4): ReportingPeriod {
    return ReportingPeriod.months('calendar_quarter', `${year}-Q${quarter}`, year, quarter * 3 - 2, 3);
  }

  /** Half 1 (Jan–Jun) or 2 (Jul–Dec) of a calendar year, labelled `2020-H1`. */
  static ofHalfYear(year: number, half: 1 | 2): ReportingPeriod {
    return ReportingPeriod.months('half_year', `${year}-H${half}`, year, half * 6 - 5, 6);
  }

  /** The summer campaign 1 Jun … 31 Aug, labelled `summer-2020`; it belongs to the academic year that ends. */
  static ofSummerCampaign(year: number): ReportingPeriod {
    const range = DateRange.ofInclusive(LocalDate.of(year, 6, 1), LocalDate.of(year, 8, 31));
    return new ReportingPeriod('summer_campaign', `summer-${year}`, range, AcademicYear.of(year - 1));
  }

  private static months(
    kind: PeriodKind,
    label: string,
    year: number,
    firstMonth: number,
    count: number,
  ): ReportingPeriod {
    const start = LocalDate.of(year, firstMonth, 1);
    return new ReportingPeriod(kind, label, DateRange.ofInclusive(start, start.addMonths(count).addDays(-1)));
  }

  /** First day. */
  get startsOn(): LocalDate {
    return this.range.start;
  }

  /** Last day, inclusive. */
  get endsOn(): LocalDate {
    return this.range.last;
  }

  /** True when the date lies in the period. */
  contains(date: LocalDate): boolean {
    return this.range.contains(date);
  }

  /** `{ kind, label, startsOn, endsOn }` with inclusive `YYYY-MM-DD` bounds. */
  toJSON(): PeriodJson {
    return { kind: this.kind, label: this.label, startsOn: this.startsOn.toString(), endsOn: this.endsOn.toString() };
  }

  /** The label. */
  toString(): string {
    return this.label;
  }
}

/** The scheme of a term code's letter (`q` → quarters), from the schemes' prefixes. */
const TERM_KIND: Readonly<Record<string, TermSchemeKind>> = Object.fromEntries(
  STANDARD_TERM_SCHEMES.map((k) => [TERM_CODE_PREFIX[k], k]),
);

const FORMS: readonly [RegExp, (m: RegExpExecArray, scheme?: TermScheme) => ReportingPeriod | undefined][] = [
  [/^(\d{4})-(\d{4})(?::([qth])(\d))?$/, academicOrTerm],
  [/^(\d{4})$/, (m) => ReportingPeriod.ofCalendarYear(Number(m[1]))],
  [/^(\d{4})-Q([1-4])$/, (m) => ReportingPeriod.ofCalendarQuarter(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4)],
  [/^(\d{4})-H([12])$/, (m) => ReportingPeriod.ofHalfYear(Number(m[1]), Number(m[2]) as 1 | 2)],
  [/^summer-(\d{4})$/, (m) => ReportingPeriod.ofSummerCampaign(Number(m[1]))],
];

function academicOrTerm(m: RegExpExecArray, given?: TermScheme): ReportingPeriod | undefined {
  const year = AcademicYear.parse(`${m[1]}-${m[2]}`);
  if (!year.ok) return undefined;
  if (!m[3]) return ReportingPeriod.ofAcademicYear(year.value);
  const kind = TERM_KIND[m[3]];
  const scheme =
    given && given.kind === kind && given.academicYear.equals(year.value) ? given : defaultTermScheme(kind, year.value);
  return ReportingPeriod.ofTerm(scheme, Number(m[4]));
}

/**
 * Parses a period: `2019-2020` (academic year), `2019-2020:q3` / `:t2` / `:h1` (a term: dates of `termScheme` when it is
 * of that kind and year, else of the default scheme), `2020` (calendar year), `2020-Q1`…`2020-Q4`, `2020-H1`/`2020-H2`,
 * `summer-2020`. Anything else is `period.invalid`.
 */
export function parsePeriod(text: string, termScheme?: TermScheme): Result<ReportingPeriod, DomainError> {
  const input = typeof text === 'string' ? text : '';
  for (const [pattern, build] of FORMS) {
    const m = pattern.exec(input);
    if (!m) continue;
    const year = Number(m[1]);
    const period = isSupportedYear(year) ? build(m, termScheme) : undefined;
    // every day of the period lies in the supported years (an academic year reaches into the next one)
    const supported = period && isSupportedYear(period.startsOn.year) && isSupportedYear(period.endsOn.year);
    return supported ? ok(period) : err(invalidPeriod(input));
  }
  return err(invalidPeriod(input));
}

/** The term periods of a scheme, in order. */
export function termPeriods(scheme: TermScheme): ReportingPeriod[] {
  return scheme.terms.map((t) => ReportingPeriod.ofTerm(scheme, t.index) as ReportingPeriod);
}

/**
 * The periods containing a date: academic year, calendar year, calendar quarter, half-year, the summer campaign
 * (June–August only) and, when a scheme of that academic year is given and the date is in term, the term.
 */
export function periodsContaining(date: LocalDate, termScheme?: TermScheme): ReportingPeriod[] {
  const year = AcademicYear.containing(date);
  const out = [
    ReportingPeriod.ofAcademicYear(year),
    ReportingPeriod.ofCalendarYear(date.year),
    ReportingPeriod.ofCalendarQuarter(date.year, Math.ceil(date.month / 3) as 1 | 2 | 3 | 4),
    ReportingPeriod.ofHalfYear(date.year, date.month <= 6 ? 1 : 2),
  ];
  if (date.month >= 6 && date.month <= 8) out.push(ReportingPeriod.ofSummerCampaign(date.year));
  const term = termScheme?.termContaining(date);
  if (termScheme && term) out.push(ReportingPeriod.ofTerm(termScheme, term.index) as ReportingPeriod);
  return out;
}

function invalidPeriod(text: string): DomainError {
  return domainError(
    PERIOD_INVALID,
    'invalid',
    {
      ru:
        `Неверный период «${text}». Допустимые формы: 2019-2020 (учебный год); 2019-2020:q1…q4, 2019-2020:t1…t3, ` +
        `2019-2020:h1…h2 (четверть, триместр, полугодие учебного года); 2020 (календарный год); 2020-Q1…2020-Q4 (квартал); ` +
        `2020-H1, 2020-H2 (полугодие); summer-2020 (летняя кампания, 1 июня – 31 августа)`,
      en:
        `Invalid period "${text}". Accepted forms: 2019-2020 (academic year); 2019-2020:q1…q4, 2019-2020:t1…t3, ` +
        `2019-2020:h1…h2 (quarter, trimester, half of the academic year); 2020 (calendar year); 2020-Q1…2020-Q4 (quarter); ` +
        `2020-H1, 2020-H2 (half-year); summer-2020 (summer campaign, 1 June – 31 August)`,
      tt:
        `«${text}» — дөрес булмаган чор. Рөхсәт ителгән формалар: 2019-2020 (уку елы); 2019-2020:q1…q4, ` +
        `2019-2020:t1…t3, 2019-2020:h1…h2 (уку елының чиреге, триместры, ярты елы); 2020 (календарь ел); ` +
        `2020-Q1…2020-Q4 (квартал); 2020-H1, 2020-H2 (ярты ел); summer-2020 (җәйге кампания, 1 июнь – 31 август)`,
    },
    { field: 'period' },
  );
}
