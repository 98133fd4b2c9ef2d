import { DateRange, LocalDate, LocalTime, unwrap } from '../common';
import { DEFAULT_LESSON_HOURS, LessonHours, PlacementContext } from './placement.model';

export interface SimplePlacementCalendar {
  /** non-working holidays (federal and Tatarstan) */
  readonly nonWorkingHolidays?: readonly LocalDate[];
  /** school holidays besides the summer (autumn, winter, spring breaks) */
  readonly schoolHolidays?: readonly DateRange[];
  /** treat 1 June – 31 August of every year as the summer holidays (default true) */
  readonly summer?: boolean;
}

/**
 * A fixed calendar for tests, demos and callers without a school calendar: the listed holidays and breaks,
 * plus June–August as summer holidays. Production code should pass the calendar module's answers instead.
 */
export function simplePlacementContext(calendar: SimplePlacementCalendar = {}): PlacementContext {
  const holidays = new Set((calendar.nonWorkingHolidays ?? []).map((date) => date.epochDay));
  const breaks = calendar.schoolHolidays ?? [];
  const summer = calendar.summer ?? true;
  return {
    isNonWorkingHoliday: (date) => holidays.has(date.epochDay),
    isSchoolHoliday: (date) =>
      (summer && date.month >= 6 && date.month <= 8) || breaks.some((range) => range.contains(date)),
  };
}

/**
 * The calendar facts of a placement check over a span of days, as plain data (ISO dates and times): what the server
 * feeds the Labour Code rules for a school, sent to the panel so it runs the same rules while the user types
 * (`GET /placements/context`). Built by `placementContextFacts` from the server's context, read back by
 * `placementContextOfFacts`; the rules only ask about the placement's own dates, so the span covers them.
 */
export interface PlacementContextFacts {
  /** first day described (`YYYY-MM-DD`) */
  readonly from: string;
  /** last day described, included */
  readonly to: string;
  /** federal and Tatarstan non-working holidays in the span */
  readonly nonWorkingHolidays: string[];
  /** the school's holidays in the span (between terms and the summer) */
  readonly schoolHolidays: string[];
  /** the school's summer holidays in the span, when the context names them (else May–August school holidays count) */
  readonly summerHolidays?: string[];
  /** the school's lesson hours on a school day (`HH:MM`) */
  readonly lessonHours: { readonly startsAt: string; readonly endsAt: string };
}

/** The context's answers for every day from `from` to `to` (included), as data. */
export function placementContextFacts(ctx: PlacementContext, from: LocalDate, to: LocalDate): PlacementContextFacts {
  const nonWorking: string[] = [];
  const school: string[] = [];
  const summer: string[] = [];
  for (let date = from; !date.isAfter(to); date = date.addDays(1)) {
    if (ctx.isNonWorkingHoliday(date)) nonWorking.push(date.toString());
    if (ctx.isSchoolHoliday(date)) school.push(date.toString());
    if (ctx.isSummerHoliday?.(date)) summer.push(date.toString());
  }
  const lessons = ctx.lessonHours ?? DEFAULT_LESSON_HOURS;
  return {
    from: from.toString(),
    to: to.toString(),
    nonWorkingHolidays: nonWorking,
    schoolHolidays: school,
    ...(ctx.isSummerHoliday ? { summerHolidays: summer } : {}),
    lessonHours: { startsAt: lessons.startsAt.toString(), endsAt: lessons.endsAt.toString() },
  };
}

/**
 * The context the facts describe: inside their span it answers as the server's context did; outside it a day is
 * no holiday (the caller asks for the span of the placement's dates).
 */
export function placementContextOfFacts(facts: PlacementContextFacts): PlacementContext {
  const set = (dates: readonly string[]) => new Set(dates);
  const nonWorking = set(facts.nonWorkingHolidays);
  const school = set(facts.schoolHolidays);
  const summer = facts.summerHolidays ? set(facts.summerHolidays) : null;
  const lessonHours: LessonHours = {
    startsAt: unwrap(LocalTime.parse(facts.lessonHours.startsAt)),
    endsAt: unwrap(LocalTime.parse(facts.lessonHours.endsAt)),
  };
  return {
    isNonWorkingHoliday: (date) => nonWorking.has(date.toString()),
    isSchoolHoliday: (date) => school.has(date.toString()),
    ...(summer ? { isSummerHoliday: (date: LocalDate) => summer.has(date.toString()) } : {}),
    lessonHours,
  };
}
