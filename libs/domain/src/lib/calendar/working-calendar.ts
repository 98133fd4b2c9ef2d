import { DomainError, LocalDate, ok, Result, unwrap } from '../common';

/** A non-working day given as data: an ISO date and a holiday code (`uraza_bayram`, `decree_transfer`…). */
export interface DatedHoliday {
  readonly date: string;
  readonly name: string;
}

/** Decree-dependent input of a working calendar; fixed holidays are built in. */
export interface WorkingCalendarData {
  /** Курбан-байрам and Ураза-байрам per year (decree of the head of the Republic); moved off a weekend like fixed ones */
  readonly movableHolidays?: readonly DatedHoliday[];
  /** days off by decree: transfers of weekend January holidays, extra days off; taken as given, never moved */
  readonly extraDaysOff?: readonly DatedHoliday[];
  /** working days by decree (a working Saturday, a cancelled transfer); they win over everything else */
  readonly extraWorkingDays?: readonly string[];
}

/** Fixed non-working holidays (month, day, code): federal (ТК ст. 112) and Tatarstan's 30 Aug and 6 Nov (A6). */
export const FIXED_HOLIDAYS: readonly (readonly [month: number, day: number, name: string])[] = [
  [1, 1, 'new_year_holidays'],
  [1, 2, 'new_year_holidays'],
  [1, 3, 'new_year_holidays'],
  [1, 4, 'new_year_holidays'],
  [1, 5, 'new_year_holidays'],
  [1, 6, 'new_year_holidays'],
  [1, 7, 'christmas'],
  [1, 8, 'new_year_holidays'],
  [2, 23, 'defender_of_the_fatherland_day'],
  [3, 8, 'international_womens_day'],
  [5, 1, 'spring_and_labour_day'],
  [5, 9, 'victory_day'],
  [6, 12, 'russia_day'],
  [8, 30, 'tatarstan_republic_day'],
  [11, 4, 'national_unity_day'],
  [11, 6, 'tatarstan_constitution_day'],
];

/**
 * Known Ураза-байрам and Курбан-байрам days off in Tatarstan, 2019–2026. These are set each year by decree of the
 * head of the Republic: an admin enters next year's dates; this list only seeds them.
 */
export const TATARSTAN_MOVABLE_HOLIDAYS: readonly DatedHoliday[] = [
  ['2019-06-04', '2019-08-11'],
  ['2020-05-24', '2020-07-31'],
  ['2021-05-13', '2021-07-20'],
  ['2022-05-02', '2022-07-09'],
  ['2023-04-21', '2023-06-28'],
  ['2024-04-10', '2024-06-16'],
  ['2025-03-30', '2025-06-06'],
  ['2026-03-20', '2026-05-27'],
].flatMap(([uraza, kurban]) => [
  { date: uraza, name: 'uraza_bayram' },
  { date: kurban, name: 'kurban_bayram' },
]);

/**
 * The Tatarstan working-day calendar (domain rules A6) for "N working days" deadlines. Saturdays and Sundays are days
 * off; a holiday (except the 1–8 January block) that falls on a day off moves to the next working day.
 */
export class WorkingCalendar {
  /** per calendar year: holidays on their own dates, and the days weekend holidays moved to (epoch day → code) */
  private readonly own = new Map<number, ReadonlyMap<number, string>>();
  private readonly moved = new Map<number, ReadonlyMap<number, string>>();

  private constructor(
    private readonly movable: readonly Placed[],
    private readonly daysOff: ReadonlyMap<number, string>,
    private readonly workingDays: ReadonlySet<number>,
  ) {}

  /** Validates every date of the data (`date.invalid` with the field, e.g. `movableHolidays[2].date`). */
  static create(data: WorkingCalendarData = {}): Result<WorkingCalendar, DomainError> {
    const movable: Placed[] = [];
    const daysOff = new Map<number, string>();
    const workingDays = new Set<number>();
    for (const [i, h] of (data.movableHolidays ?? []).entries()) {
      const date = LocalDate.parse(h.date, `movableHolidays[${i}].date`);
      if (!date.ok) return date;
      movable.push({ date: date.value, name: h.name });
    }
    for (const [i, h] of (data.extraDaysOff ?? []).entries()) {
      const date = LocalDate.parse(h.date, `extraDaysOff[${i}].date`);
      if (!date.ok) return date;
      daysOff.set(date.value.epochDay, h.name);
    }
    for (const [i, text] of (data.extraWorkingDays ?? []).entries()) {
      const date = LocalDate.parse(text, `extraWorkingDays[${i}]`);
      if (!date.ok) return date;
      workingDays.add(date.value.epochDay);
    }
    return ok(new WorkingCalendar(movable, daysOff, workingDays));
  }

  /** The calendar with the known Tatarstan movable holidays 2019–2026 and no decree data. */
  static tatarstan(): WorkingCalendar {
    return unwrap(WorkingCalendar.create({ movableHolidays: TATARSTAN_MOVABLE_HOLIDAYS }));
  }

  /** The code of the holiday on a date, or of the weekend holiday moved to it; undefined otherwise. */
  holidayName(date: LocalDate): string | undefined {
    if (this.workingDays.has(date.epochDay)) return undefined;
    const day = date.epochDay;
    return (
      this.daysOff.get(day) ??
      this.ownOf(date.year).get(day) ??
      this.movedOf(date.year).get(day) ??
      this.movedOf(date.year - 1).get(day)
    );
  }

  /** True on a weekend or a holiday, unless a decree made it a working day. */
  isNonWorking(date: LocalDate): boolean {
    if (this.workingDays.has(date.epochDay)) return false;
    return date.isWeekend || this.holidayName(date) !== undefined;
  }

  /** True on a working day. */
  isWorkingDay(date: LocalDate): boolean {
    return !this.isNonWorking(date);
  }

  /** "N working days after": the Nth working day strictly after `date` (before it when n < 0; the date itself when 0). */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new Error(`addWorkingDays needs a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(n); left > 0; ) {
      d = d.addDays(step);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /**
   * Signed count of working days: after `from` up to and including `to`; when `to` is earlier, minus those from `to`
   * up to but excluding `from`. So `workingDaysBetween(a, addWorkingDays(a, n)) = n`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const [first, last, step] = to.isBefore(from) ? [to, from.addDays(-1), -1] : [from.addDays(1), to, 1];
    let count = 0;
    for (let d = first; !d.isAfter(last); d = d.addDays(1)) if (this.isWorkingDay(d)) count += step;
    return count;
  }

  private holidaysOf(year: number): Placed[] {
    return [...fixedOf(year), ...this.movable.filter((h) => h.date.year === year)];
  }

  /** Fixed and movable holidays of a calendar year on their own dates. */
  private ownOf(year: number): ReadonlyMap<number, string> {
    let out = this.own.get(year);
    if (!out) {
      // reversed so that a fixed holiday's name wins when a movable one falls on the same day
      out = new Map(
        this.holidaysOf(year)
          .map((h) => [h.date.epochDay, h.name] as const)
          .reverse(),
      );
      this.own.set(year, out);
    }
    return out;
  }

  /** Where the year's weekend holidays (all but the 1–8 January block) move: the next day that is not a weekend or a holiday. */
  private movedOf(year: number): ReadonlyMap<number, string> {
    let out = this.moved.get(year);
    if (!out) {
      const moves = new Map<number, string>();
      const weekendHolidays = this.holidaysOf(year)
        .filter((h) => h.moves !== false && h.date.isWeekend)
        .sort((a, b) => a.date.compare(b.date));
      for (const h of weekendHolidays) {
        let target = h.date.addDays(1);
        while (
          target.isWeekend ||
          this.ownOf(target.year).has(target.epochDay) ||
          this.daysOff.has(target.epochDay) ||
          moves.has(target.epochDay) ||
          // a holiday of the previous year may already have moved into early January
          (target.year === year && target.month === 1 && this.movedOf(year - 1).has(target.epochDay))
        )
          target = target.addDays(1);
        moves.set(target.epochDay, h.name);
      }
      out = moves;
      this.moved.set(year, out);
    }
    return out;
  }
}

/** A holiday on a date; `moves: false` keeps it on a weekend (the January block). */
interface Placed {
  readonly date: LocalDate;
  readonly name: string;
  readonly moves?: boolean;
}

/** Fixed holidays of a calendar year; the January block does not move. */
function fixedOf(year: number): Placed[] {
  return FIXED_HOLIDAYS.map(([m, day, name]) => ({ date: LocalDate.of(year, m, day), name, moves: m !== 1 }));
}
