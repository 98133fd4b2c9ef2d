import { LocalDate, WorkingCalendar } from '@socium/domain';

/**
 * The district's working-day calendar (federal and Tatarstan holidays with their moved days off): every "N working
 * days" deadline of the API counts on it. Built-in rules today; issue 14 item 2 makes it stored data.
 */
export const DISTRICT_WORKING_CALENDAR = WorkingCalendar.tatarstan();

/** Whether `date` is a working day in the district. */
export const isDistrictWorkingDay = (date: LocalDate): boolean => DISTRICT_WORKING_CALENDAR.isWorkingDay(date);
