import { DomainError, domainError } from './domain-error';
import { err, ok, Result } from './result';
import { PERIOD_RULES } from './rule-codes';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years the product works with: every date it takes from outside (a form, a query, a file) and every period lies
 * within them. Wide enough for any pupil's birth date and any agreement; the calendar arithmetic (a period's
 * neighbours, the academic year around a date) stays far from year 0 and year 10000.
 */
export const SUPPORTED_YEARS = { first: 1900, last: 2199 } as const;

/** Whether `year` is within `SUPPORTED_YEARS`. */
export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= SUPPORTED_YEARS.first && year <= SUPPORTED_YEARS.last;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function toEpochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? y + 1 : y, m, d];
}

/** A calendar date without a time zone. Immutable; compare with `compare`/`isBefore`, not `<`. */
export class LocalDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    /** days since 1970-01-01 */
    readonly epochDay: number,
  ) {}

  static create(year: number, month: number, day: number): Result<LocalDate, DomainError> {
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1 || year > 9999)
      return err(invalidDate(`${year}-${month}-${day}`));
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
      return err(invalidDate(`${year}-${month}-${day}`));
    return ok(new LocalDate(year, month, day, toEpochDay(year, month, day)));
  }

  /** For literal constants and already-validated values; throws on an impossible date. */
  static of(year: number, month: number, day: number): LocalDate {
    const r = LocalDate.create(year, month, day);
    if (!r.ok) throw new Error(r.error.message.en);
    return r.value;
  }

  /** Parses `YYYY-MM-DD` strictly (no time part, real calendar date). */
  static parse(text: string, field?: string): Result<LocalDate, DomainError> {
    const m = ISO_DATE.exec(typeof text === 'string' ? text : '');
    if (!m) return err(invalidDate(String(text), field));
    const r = LocalDate.create(Number(m[1]), Number(m[2]), Number(m[3]));
    return r.ok ? r : err(invalidDate(text, field));
  }

  /** For trusted stored values (`YYYY-MM-DD`); throws on garbage. */
  static iso(text: string): LocalDate {
    const r = LocalDate.parse(text);
    if (!r.ok) throw new Error(r.error.message.en);
    return r.value;
  }

  static fromEpochDay(epochDay: number): LocalDate {
    const [y, m, d] = fromEpochDay(epochDay);
    return new LocalDate(y, m, d, epochDay);
  }

  static min(a: LocalDate, b: LocalDate): LocalDate {
    return a.epochDay <= b.epochDay ? a : b;
  }

  static max(a: LocalDate, b: LocalDate): LocalDate {
    return a.epochDay >= b.epochDay ? a : b;
  }

  /** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
  get dayOfWeek(): IsoWeekday {
    return (((((this.epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
  }

  get isWeekend(): boolean {
    return this.dayOfWeek >= 6;
  }

  addDays(days: number): LocalDate {
    return LocalDate.fromEpochDay(this.epochDay + days);
  }

  /** Adds months, clamping the day to the month's length (31 Jan + 1 month = 28/29 Feb). */
  addMonths(months: number): LocalDate {
    const total = this.year * 12 + (this.month - 1) + months;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    return LocalDate.of(y, m, Math.min(this.day, daysInMonth(y, m)));
  }

  addYears(years: number): LocalDate {
    return this.addMonths(years * 12);
  }

  /** Whole days from this date to `other` (positive when `other` is later). */
  daysUntil(other: LocalDate): number {
    return other.epochDay - this.epochDay;
  }

  compare(other: LocalDate): number {
    return this.epochDay - other.epochDay;
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  isBefore(other: LocalDate): boolean {
    return this.epochDay < other.epochDay;
  }

  isAfter(other: LocalDate): boolean {
    return this.epochDay > other.epochDay;
  }

  /** Full years of age on `on` for a person born on this date (a 29 Feb birthday counts from 1 Mar in common years). */
  ageOn(on: LocalDate): number {
    let age = on.year - this.year;
    if (on.month < this.month || (on.month === this.month && on.day < this.day)) age -= 1;
    return age;
  }

  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

function invalidDate(text: string, field?: string): DomainError {
  return domainError(
    PERIOD_RULES.dateInvalid,
    'invalid',
    {
      ru: `Неверная дата «${text}»: ожидается ГГГГ-ММ-ДД`,
      en: `Invalid date "${text}": expected YYYY-MM-DD`,
      tt: `«${text}» дөрес булмаган дата: ЕЕЕЕ-АА-КК көтелә`,
    },
    field ? { field } : {},
  );
}

/** A time of day in whole minutes since midnight, parsed from `HH:MM`. */
export class LocalTime {
  private constructor(readonly minutes: number) {}

  static parse(text: string, field?: string): Result<LocalTime, DomainError> {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(typeof text === 'string' ? text : '');
    if (!m) {
      return err(
        domainError(
          PERIOD_RULES.timeInvalid,
          'invalid',
          {
            ru: `Неверное время «${text}»: ожидается ЧЧ:ММ`,
            en: `Invalid time "${text}": expected HH:MM`,
            tt: `«${text}» — дөрес булмаган вакыт: СС:ММ көтелә`,
          },
          field ? { field } : {},
        ),
      );
    }
    return ok(new LocalTime(Number(m[1]) * 60 + Number(m[2])));
  }

  static of(hours: number, minutes = 0): LocalTime {
    return new LocalTime(hours * 60 + minutes);
  }

  toString(): string {
    return `${String(Math.floor(this.minutes / 60)).padStart(2, '0')}:${String(this.minutes % 60).padStart(2, '0')}`;
  }
}

/**
 * A date as it is written in a sentence of the language (a rule's message, an e-mail): `14.10.2027` in Russian and
 * Tatar, `14/10/2027` in English (en-GB), as the panel shows dates.
 */
export function writtenDate(date: LocalDate, lang: 'ru' | 'tt' | 'en'): string {
  const [y, m, d] = date.toString().split('-');
  return lang === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}
