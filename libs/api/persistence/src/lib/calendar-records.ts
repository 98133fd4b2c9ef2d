import type { DatedHoliday, TermSchemeKind } from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

import { BASE_PROPERTIES as base, BaseRecord } from './base-record';

/** Who a school-year calendar belongs to when it is the district's (`owner_id`), migration 0013. */
export const DISTRICT_OWNER = 'district';

/**
 * A school-year calendar (domain rules A1, A3–A5), migration 0013: the district's (`ownerId` = `district`) or one
 * school's override (`ownerId` = the organisation id) for one academic year. Terms are ISO first/last days.
 */
export class SchoolYearCalendarRecord extends BaseRecord {
  ownerId!: string;
  academicYear!: string;
  termScheme!: TermSchemeKind;
  terms: { first: string; last: string }[] = [];
  grade1Holiday: { first: string; last: string } | null = null;
  /** the district's: the day by which schools submit their plans for the year (migration 0020); null: 1 October */
  planSubmissionDueOn: string | null = null;
}
export const SchoolYearCalendarSchema = new EntitySchema<SchoolYearCalendarRecord>({
  class: SchoolYearCalendarRecord,
  tableName: 'school_year_calendar',
  properties: {
    ...base,
    ownerId: { type: 'string', length: 36 },
    academicYear: { type: 'string', length: 9 },
    termScheme: { type: 'string', length: 16 },
    terms: { type: 'json' },
    grade1Holiday: { type: 'json', nullable: true, fieldName: 'grade1_holiday' },
    planSubmissionDueOn: { type: 'string', length: 10, nullable: true },
  },
});

/** One calendar year of the working-day calendar (domain rules A6), migration 0013. */
export class WorkingCalendarYearRecord extends BaseRecord {
  year!: number;
  movableHolidays: DatedHoliday[] = [];
  extraDaysOff: DatedHoliday[] = [];
  extraWorkingDays: string[] = [];
}
export const WorkingCalendarYearSchema = new EntitySchema<WorkingCalendarYearRecord>({
  class: WorkingCalendarYearRecord,
  tableName: 'working_calendar_year',
  properties: {
    ...base,
    year: { type: 'integer' },
    movableHolidays: { type: 'json' },
    extraDaysOff: { type: 'json' },
    extraWorkingDays: { type: 'json' },
  },
});
