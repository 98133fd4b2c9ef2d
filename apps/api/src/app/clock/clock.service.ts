import { Inject, Injectable } from '@nestjs/common';

import { Clock, LocalDate } from '@socium/domain';

import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The real clock: today's date in the configured time zone (or a pinned date). */
@Injectable()
export class ClockService implements Clock {
  private pinned: LocalDate | null;
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.pinned = config.today ? LocalDate.iso(config.today) : null;
  }
  today(): LocalDate {
    if (this.pinned) return this.pinned;
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    return LocalDate.iso(parts);
  }
  /** For tests and demos: move "today". */
  pin(iso: string | null): void {
    this.pinned = iso ? LocalDate.iso(iso) : null;
  }
  nowIso(): string {
    return new Date().toISOString();
  }
}
