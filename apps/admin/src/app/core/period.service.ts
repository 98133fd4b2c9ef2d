import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';

/** Today's date for the period picker's default; a token so that specs can fix it. */
export const TODAY = new InjectionToken<() => Date>('TODAY', { providedIn: 'root', factory: () => () => new Date() });

const STORAGE_KEY = 'socium.period';
const FIRST_YEAR = 2019;

/** The academic year label (`2019-2020`) that contains a date: a year runs 1 September – 31 August. */
export function academicYearOf(d: Date): string {
  const y = d.getFullYear();
  const start = d.getMonth() >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** The academic year chosen in the top bar; every list of the shell follows it. */
@Injectable({ providedIn: 'root' })
export class PeriodService {
  private readonly today = inject(TODAY);
  private readonly current = signal<string>(this.initial());

  readonly year = this.current.asReadonly();
  readonly options = computed(() => {
    const last = Number(academicYearOf(this.today()).slice(0, 4)) + 1;
    const years: string[] = [];
    for (let y = last; y >= FIRST_YEAR; y--) years.push(`${y}-${y + 1}`);
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
      if (saved && /^\d{4}-\d{4}$/.test(saved)) return saved;
    } catch {
      /* storage unavailable */
    }
    return academicYearOf(this.today());
  }
}
