import { DateRange, LocalDate } from '../common';
import { PlacementContext } from './placement.model';

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
