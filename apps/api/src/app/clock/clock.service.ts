import { Clock, LocalDate } from '@socium/domain';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * The API's only source of time (a lint rule forbids `new Date()` and `Date.now()` elsewhere): today's date
 * in the configured time zone (or a pinned date), and the instant for timestamps, tokens and throttles.
 */
@Injectable()
export class ClockService implements Clock {
  private pinned: LocalDate | null;
  private readonly dateFormat: Intl.DateTimeFormat;
  private todayAt: { second: number; date: LocalDate } | null = null;
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pinned = config.today ? LocalDate.iso(config.today) : null;
    this.dateFormat = new Intl.DateTimeFormat('en-CA', {
      timeZone: config.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  today(): LocalDate {
    if (this.pinned) return this.pinned;
    // read once a second at most: the public pages ask on every request, and a formatter is not cheap to run
    const now = this.nowMs();
    const second = now - (now % 1000);
    if (this.todayAt?.second !== second)
      this.todayAt = { second, date: LocalDate.iso(this.dateFormat.format(new Date(now))) };
    return this.todayAt.date;
  }

  /** For tests and demos: move "today". */
  pin(iso: string | null): void {
    this.pinned = iso ? LocalDate.iso(iso) : null;
  }

  /** Milliseconds since the epoch (the real instant; a pinned date moves only `today`). */
  nowMs(): number {
    return Date.now();
  }

  /**
   * The day of a stored instant in the configured time zone: an ISO timestamp, or its UTC hour (`YYYY-MM-DDTHH`, as
   * the report groups them); a bare date is taken as it is.
   */
  dayOf(iso: string): LocalDate {
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return LocalDate.iso(iso);
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(iso) ? `${iso}:00:00Z` : iso;
    return LocalDate.iso(this.dateFormat.format(new Date(instant)));
  }

  /** The instant as an ISO timestamp, for `createdAt`, `updatedAt` and the audit log. */
  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
}
