import { AcademicYear, LocalDate, type Clock } from '@socium/domain';

import { inject, Injectable, InjectionToken } from '@angular/core';

/**
 * The browser's clock. This file is the only place in the admin app that reads it; everything else asks
 * `AdminClock` for today. A token so that specs can fix the moment.
 */
export const TODAY = new InjectionToken<() => Date>('TODAY', { providedIn: 'root', factory: () => () => new Date() });

/** Today in the user's time zone, as the domain's `Clock`: dates for forms, signatures and the period picker. */
@Injectable({ providedIn: 'root' })
export class AdminClock implements Clock {
  private readonly now = inject(TODAY);

  today(): LocalDate {
    const d = this.now();
    return LocalDate.of(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }

  /** Today as `YYYY-MM-DD`, the way forms and the API write dates. */
  todayIso(): string {
    return this.today().toString();
  }

  /** The academic year that contains today (1 September – 31 August). */
  academicYear(): AcademicYear {
    return AcademicYear.containing(this.today());
  }
}
