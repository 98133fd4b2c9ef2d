import { daysInMonth, isSupportedYear, LocalDate } from '@socium/domain';

import { effect, inject, Injectable } from '@angular/core';
import { DateAdapter, type MatDateFormats } from '@angular/material/core';

import { AdminClock } from '../../core/clock';
import { I18nService, type Lang } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';

/** The ways the panel writes a date (the `MAT_DATE_FORMATS` below name them). */
export type IsoDateFormat = 'input' | 'monthYear' | 'a11y';

/** The datepicker's formats: one text form per use, spelled by the adapter in the interface's language. */
export const ISO_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: 'input' },
  display: { dateInput: 'input', monthYearLabel: 'monthYear', dateA11yLabel: 'a11y', monthYearA11yLabel: 'monthYear' },
};

/** What `invalid()` answers: a string that is no ISO date, so that `isValid` refuses it. */
const INVALID = 'invalid-date';
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What people type: day, month, year with dots or slashes (`14.10.2027`, `14/10/2027`, `1.9.2027`); years in full. */
const TYPED = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

/**
 * The datepicker's dates are the ISO strings `YYYY-MM-DD` that the forms and the API use, so a date field's value is
 * never a `Date` (no time zone, no browser locale). The text in the field and the calendar's month and weekday names
 * follow the interface's language (`I18nService.lang()`), whatever the browser's locale: `14.10.2027` in Russian and
 * Tatar, `14/10/2027` in English; the week starts on Monday. The field also takes an ISO date as typed or pasted.
 * A two-digit year is refused rather than guessed (`14.10.27` could be a birth year of 1927).
 */
@Injectable()
export class IsoDateAdapter extends DateAdapter<string, Lang> {
  private readonly i18n = inject(I18nService);
  private readonly clock = inject(AdminClock);

  constructor() {
    super();
    super.setLocale(this.i18n.lang());
    // a language switch re-renders the shown dates and the open calendar
    effect(() => {
      const lang = this.i18n.lang();
      if (lang !== this.locale) this.setLocale(lang);
    });
  }

  getYear(date: string): number {
    return this.of(date).year;
  }

  getMonth(date: string): number {
    return this.of(date).month - 1;
  }

  getDate(date: string): number {
    return this.of(date).day;
  }

  /** 0 = Sunday … 6 = Saturday, as the datepicker counts. */
  getDayOfWeek(date: string): number {
    return this.of(date).dayOfWeek % 7;
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const prefix = style === 'long' ? 'pcal_m' : 'date_month_short_';
    return Array.from({ length: 12 }, (_, i) => this.i18n.t(`${prefix}${i + 1}` as MessageKey));
  }

  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }

  /** Sunday first, as the datepicker indexes them; it shows them from `getFirstDayOfWeek()`. */
  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const prefix = style === 'long' ? 'date_weekday_' : 'pcal_d';
    return [7, 1, 2, 3, 4, 5, 6].map((d) => this.i18n.t(`${prefix}${d}` as MessageKey));
  }

  getYearName(date: string): string {
    return String(this.getYear(date));
  }

  getFirstDayOfWeek(): number {
    return 1;
  }

  getNumDaysInMonth(date: string): number {
    const d = this.of(date);
    return daysInMonth(d.year, d.month);
  }

  clone(date: string): string {
    return date;
  }

  createDate(year: number, month: number, date: number): string {
    const r = LocalDate.create(year, month + 1, date);
    if (!r.ok) throw Error(`Invalid date ${year}-${month + 1}-${date}`);
    return r.value.toString();
  }

  today(): string {
    return this.clock.todayIso();
  }

  /** The date a user typed, or `invalid()` for text that is no date; null for an empty field. */
  parse(value: unknown): string | null {
    if (value == null || value === '') return null;
    if (typeof value !== 'string') return this.invalid();
    const text = value.trim();
    if (text === '') return null;
    const iso = ISO.exec(text);
    if (iso) return this.checked(+iso[1], +iso[2], +iso[3]);
    const typed = TYPED.exec(text);
    if (typed) return this.checked(+typed[3], +typed[2], +typed[1]);
    return this.invalid();
  }

  format(date: string, displayFormat: IsoDateFormat): string {
    if (!this.isValid(date)) throw Error('IsoDateAdapter: cannot format an invalid date.');
    const d = this.of(date);
    switch (displayFormat) {
      case 'monthYear':
        return this.i18n.t('pcal_month_heading', {
          month: this.i18n.t(`pcal_m${d.month}` as MessageKey),
          year: String(d.year),
        });
      case 'a11y':
        return this.i18n.t('date_long', {
          day: d.day,
          month: this.i18n.t(`date_month_of_${d.month}` as MessageKey),
          year: String(d.year),
        });
      default:
        return this.i18n.date(date);
    }
  }

  addCalendarYears(date: string, years: number): string {
    return this.of(date).addYears(years).toString();
  }

  addCalendarMonths(date: string, months: number): string {
    return this.of(date).addMonths(months).toString();
  }

  addCalendarDays(date: string, days: number): string {
    return this.of(date).addDays(days).toString();
  }

  toIso8601(date: string): string {
    return date;
  }

  isDateInstance(obj: unknown): boolean {
    return typeof obj === 'string';
  }

  isValid(date: string): boolean {
    const r = LocalDate.parse(date);
    return r.ok && isSupportedYear(r.value.year);
  }

  invalid(): string {
    return INVALID;
  }

  /** Values bound from a form or a signal: an ISO date, or nothing for null and the empty string. */
  override deserialize(value: unknown): string | null {
    if (value == null || value === '') return null;
    return typeof value === 'string' && this.isValid(value) ? value : this.invalid();
  }

  private checked(year: number, month: number, day: number): string {
    const r = LocalDate.create(year, month, day);
    return r.ok && isSupportedYear(year) ? r.value.toString() : this.invalid();
  }

  private of(date: string): LocalDate {
    return LocalDate.iso(date);
  }
}
