import {
  AcademicYear,
  defaultTermScheme,
  LocalDate,
  PlacementContext,
  TermScheme,
  TermSchemeKind,
  WorkingCalendar,
} from '@socium/domain';

const TATARSTAN = WorkingCalendar.tatarstan();

/**
 * The calendar facts a placement check needs, from the calendar module: Tatarstan non-working holidays (moved ones
 * included) and the school's holidays from its term scheme, for every academic year the placement spans.
 */
export function placementContext(kind: TermSchemeKind): PlacementContext {
  const schemes = new Map<number, TermScheme>();
  const schemeOf = (date: LocalDate): TermScheme => {
    const year = AcademicYear.containing(date);
    let s = schemes.get(year.startYear);
    if (!s) schemes.set(year.startYear, (s = defaultTermScheme(kind, year)));
    return s;
  };
  return {
    isNonWorkingHoliday: (date) => TATARSTAN.holidayName(date) !== undefined,
    isSchoolHoliday: (date) => schemeOf(date).isSchoolHoliday(date),
  };
}
