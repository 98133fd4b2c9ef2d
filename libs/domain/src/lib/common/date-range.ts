import { DomainError, domainError } from './domain-error';
import { LocalDate } from './local-date';
import { err, ok, Result } from './result';
import { PERIOD_RULES } from './rule-codes';

/**
 * A half-open range of calendar dates [start, end). Build it from inclusive bounds with `inclusive`.
 * No time zones: a date is a date.
 */
export class DateRange {
  private constructor(
    readonly start: LocalDate,
    /** exclusive */
    readonly end: LocalDate,
  ) {}

  /** Rejects `end <= start`. */
  static create(input: { start: LocalDate; end: LocalDate }): Result<DateRange, DomainError> {
    if (!input.end.isAfter(input.start)) {
      return err(
        domainError(PERIOD_RULES.endBeforeStart, 'invalid', {
          ru: 'Период должен заканчиваться позже, чем начинается',
          en: 'A period must end after it starts',
          tt: 'Чор башланганнан соң тәмамланырга тиеш',
        }),
      );
    }
    return ok(new DateRange(input.start, input.end));
  }

  /** From a first and a last day, both included; rejects `last < first`. */
  static inclusive(first: LocalDate, last: LocalDate): Result<DateRange, DomainError> {
    return DateRange.create({ start: first, end: last.addDays(1) });
  }

  /** For constants; throws when invalid. */
  static ofInclusive(first: LocalDate, last: LocalDate): DateRange {
    const r = DateRange.inclusive(first, last);
    if (!r.ok) throw new Error(r.error.message.en);
    return r.value;
  }

  /** The last day inside the range. */
  get last(): LocalDate {
    return this.end.addDays(-1);
  }

  get days(): number {
    return this.start.daysUntil(this.end);
  }

  contains(date: LocalDate): boolean {
    return !date.isBefore(this.start) && date.isBefore(this.end);
  }

  /** True when `other` lies wholly inside this range. */
  covers(other: DateRange): boolean {
    return !other.start.isBefore(this.start) && !other.end.isAfter(this.end);
  }

  overlaps(other: DateRange): boolean {
    return this.start.isBefore(other.end) && other.start.isBefore(this.end);
  }

  *eachDay(): Generator<LocalDate> {
    for (let d = this.start; d.isBefore(this.end); d = d.addDays(1)) yield d;
  }

  equals(other: DateRange): boolean {
    return this.start.equals(other.start) && this.end.equals(other.end);
  }

  toString(): string {
    return `[${this.start.toString()}, ${this.end.toString()})`;
  }
}
