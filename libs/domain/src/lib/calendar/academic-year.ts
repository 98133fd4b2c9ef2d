import { DateRange, DomainError, domainError, err, LocalDate, ok, PERIOD_RULES, Result } from '../common';

/** Error code of a malformed academic-year label or year. */
export const ACADEMIC_YEAR_INVALID = PERIOD_RULES.academicYearInvalid;

const LABEL = /^(\d{4})-(\d{4})$/;

/**
 * A reporting academic year [1 Sep YYYY; 31 Aug YYYY+1] (domain rules A2). The summer holidays belong to the
 * year that is ending, so 31 August is the last day of a year and 1 September the first day of the next.
 */
export class AcademicYear {
  /** 1 Sep of `startYear` … 31 Aug of the next year; half-open, so `range.end` is the next 1 Sep. */
  readonly range: DateRange;

  private constructor(readonly startYear: number) {
    this.range = DateRange.ofInclusive(LocalDate.of(startYear, 9, 1), LocalDate.of(startYear + 1, 8, 31));
  }

  /** The year that starts on 1 Sep of `startYear` (1..9998). */
  static create(startYear: number, field?: string): Result<AcademicYear, DomainError> {
    if (!Number.isInteger(startYear) || startYear < 1 || startYear > 9998)
      return err(invalid(String(startYear), field));
    return ok(new AcademicYear(startYear));
  }

  /** Parses a label `YYYY-YYYY` whose second year follows the first (`2019-2020`). */
  static parse(text: string, field?: string): Result<AcademicYear, DomainError> {
    const m = LABEL.exec(typeof text === 'string' ? text : '');
    if (!m || Number(m[2]) !== Number(m[1]) + 1) return err(invalid(String(text), field));
    return AcademicYear.create(Number(m[1]), field);
  }

  /** For constants and already-validated values; throws on an impossible year. */
  static of(startYear: number): AcademicYear {
    const r = AcademicYear.create(startYear);
    if (!r.ok) throw new Error(r.error.message.en);
    return r.value;
  }

  /** The academic year a date belongs to: 31 Aug ends a year, 1 Sep starts the next. */
  static containing(date: LocalDate): AcademicYear {
    return AcademicYear.of(date.month >= 9 ? date.year : date.year - 1);
  }

  /** The calendar year in which this academic year ends. */
  get endYear(): number {
    return this.startYear + 1;
  }

  /** `2019-2020`. */
  get label(): string {
    return `${this.startYear}-${this.endYear}`;
  }

  /** True from 1 Sep through 31 Aug. */
  contains(date: LocalDate): boolean {
    return this.range.contains(date);
  }

  /** The following academic year. */
  next(): AcademicYear {
    return AcademicYear.of(this.startYear + 1);
  }

  /** The preceding academic year. */
  previous(): AcademicYear {
    return AcademicYear.of(this.startYear - 1);
  }

  /** Same start year. */
  equals(other: AcademicYear): boolean {
    return this.startYear === other.startYear;
  }

  /** The label, `2019-2020`. */
  toString(): string {
    return this.label;
  }

  /** Serialises as the label. */
  toJSON(): string {
    return this.label;
  }
}

function invalid(text: string, field?: string): DomainError {
  return domainError(
    ACADEMIC_YEAR_INVALID,
    'invalid',
    {
      ru: `Неверный учебный год «${text}»: ожидается ГГГГ-ГГГГ, второй год следует за первым (2019-2020)`,
      en: `Invalid academic year "${text}": expected YYYY-YYYY with consecutive years (2019-2020)`,
      tt: `«${text}» дөрес булмаган уку елы: ЕЕЕЕ-ЕЕЕЕ көтелә (2019-2020)`,
    },
    field ? { field } : {},
  );
}
