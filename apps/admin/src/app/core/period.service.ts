import { AcademicYear } from '@socium/domain';

import { computed, inject, Injectable, signal } from '@angular/core';

import { AdminClock } from './clock';

const STORAGE_KEY = 'socium.period';
const FIRST_YEAR = 2019;

/** The academic year chosen in the top bar; every list of the shell follows it. */
@Injectable({ providedIn: 'root' })
export class PeriodService {
  private readonly clock = inject(AdminClock);
  private readonly current = signal<string>(this.initial());

  readonly year = this.current.asReadonly();
  /** From next year down to the first year with data, newest first. */
  readonly options = computed(() => {
    const years: string[] = [];
    for (let y = this.clock.academicYear().next(); y.startYear >= FIRST_YEAR; y = y.previous()) years.push(y.label);
    return years;
  });

  select(year: string): void {
    this.current.set(year);
    try {
      sessionStorage.setItem(STORAGE_KEY, year);
    } catch {
      /* storage unavailable: keep it in memory */
    }
  }

  private initial(): string {
    try {
      const saved = sessionStorage.getItem(STORAGE_KEY);
      if (saved && AcademicYear.parse(saved).ok) return saved;
    } catch {
      /* storage unavailable */
    }
    return this.clock.academicYear().label;
  }
}
