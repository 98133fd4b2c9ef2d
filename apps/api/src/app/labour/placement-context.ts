import {
  AcademicYear,
  isLabourHoliday,
  LocalDate,
  PlacementContext,
  SchoolYearCalendar,
  WorkingCalendar,
} from '@socium/domain';

/**
 * The calendar facts a placement check needs: the stored working-day calendar's non-working holidays (weekend ones
 * moved, decree transfers included, the President's non-working days not) and the school's holidays from its effective calendar of the academic year each
 * date falls in (`calendarOf`, preloaded by `CalendarService.placementContextFor`): between terms, and the summer
 * from the day after the last day of instruction.
 */
export function placementContext(
  calendarOf: (year: AcademicYear) => SchoolYearCalendar,
  working: WorkingCalendar,
): PlacementContext {
  const cache = new Map<number, SchoolYearCalendar>();
  const of = (date: LocalDate): SchoolYearCalendar => {
    const year = AcademicYear.containing(date);
    let c = cache.get(year.startYear);
    if (!c) cache.set(year.startYear, (c = calendarOf(year)));
    return c;
  };
  return {
    // the President's non-working days (2020, 2021) are not holidays for ст. 268 (`isLabourHoliday`)
    isNonWorkingHoliday: (date) => isLabourHoliday(working.holidayName(date)),
    isSchoolHoliday: (date) => of(date).isSchoolHoliday(date),
  };
}
