import type { ActivityResponse } from '@socium/contracts';
import { AcademicYear, LocalDate } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { StatusChip } from '../../ui/status-chip/status-chip';

export interface CalendarDay {
  readonly date: LocalDate;
  readonly iso: string;
  /** false for the days of the neighbouring months that fill the first and last weeks */
  readonly inMonth: boolean;
  readonly isToday: boolean;
  readonly activities: readonly ActivityResponse[];
}

/** The weeks (Monday first) of the month that starts on `first`, each day with the activities that fall on it. */
export function monthGrid(
  first: LocalDate,
  activities: readonly ActivityResponse[],
  today: LocalDate,
): readonly (readonly CalendarDay[])[] {
  const start = first.addDays(1 - first.dayOfWeek);
  const next = first.addMonths(1);
  const weeks: CalendarDay[][] = [];
  for (let day = start; day.isBefore(next) || weeks.at(-1)?.length !== 7; day = day.addDays(1)) {
    if (!weeks.length || weeks.at(-1)?.length === 7) weeks.push([]);
    const iso = day.toString();
    weeks.at(-1)?.push({
      date: day,
      iso,
      inMonth: day.month === first.month,
      isToday: day.equals(today),
      activities: activities.filter((a) => a.startsOn <= iso && iso <= a.endsOn),
    });
  }
  return weeks;
}

const MONTHS: readonly MessageKey[] = [
  'pcal_m1',
  'pcal_m2',
  'pcal_m3',
  'pcal_m4',
  'pcal_m5',
  'pcal_m6',
  'pcal_m7',
  'pcal_m8',
  'pcal_m9',
  'pcal_m10',
  'pcal_m11',
  'pcal_m12',
];
const WEEKDAYS: readonly MessageKey[] = ['pcal_d1', 'pcal_d2', 'pcal_d3', 'pcal_d4', 'pcal_d5', 'pcal_d6', 'pcal_d7'];

/**
 * A plan's activities on a month grid (pure CSS), month by month through the plan's academic year. On a narrow
 * screen the grid gives way to the list of the month's days that have activities.
 */
@Component({
  selector: 'admin-plan-calendar',
  imports: [MatButtonModule, MatIconModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-calendar.html',
  styleUrl: './plan-calendar.scss',
})
export class PlanCalendar {
  protected readonly i18n = inject(I18nService);
  readonly activities = input.required<readonly ActivityResponse[]>();
  /** the plan's academic year, `2026-2027` */
  readonly academicYear = input.required<string>();
  /** today, `YYYY-MM-DD` (from the injected clock) */
  readonly today = input.required<string>();

  private readonly year = computed(() => {
    const y = AcademicYear.parse(this.academicYear());
    return y.ok ? y.value : AcademicYear.containing(LocalDate.iso(this.today()));
  });
  /** the first day of the month shown */
  protected readonly month = signal(LocalDate.of(2000, 1, 1));
  protected readonly weekdays = WEEKDAYS;

  constructor() {
    // the month of today when today is in the plan's year, else the year's first month (September)
    effect(() => {
      const year = this.year();
      const today = LocalDate.iso(this.today());
      const from = year.contains(today) ? today : year.range.start;
      untracked(() => this.month.set(LocalDate.of(from.year, from.month, 1)));
    });
  }

  protected readonly weeks = computed(() => monthGrid(this.month(), this.activities(), LocalDate.iso(this.today())));
  protected readonly busyDays = computed(() =>
    this.weeks()
      .flat()
      .filter((d) => d.inMonth && d.activities.length > 0),
  );
  protected readonly title = computed(() =>
    this.i18n.t('pcal_month_heading', {
      month: this.i18n.t(MONTHS[this.month().month - 1]),
      year: String(this.month().year),
    }),
  );
  protected readonly hasPrevious = computed(() => this.year().contains(this.month().addDays(-1)));
  protected readonly hasNext = computed(() => this.year().contains(this.month().addMonths(1)));

  protected move(months: number): void {
    this.month.update((m) => m.addMonths(months));
  }

  protected weekday(d: CalendarDay): string {
    return this.i18n.t(WEEKDAYS[d.date.dayOfWeek - 1]);
  }
}
