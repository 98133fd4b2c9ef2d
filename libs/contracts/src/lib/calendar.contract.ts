import * as D from '@socium/domain';

import { z } from 'zod';

import { AcademicYearLabel, Id, IsoDate, Version } from './common.contract';

/** An inclusive span of days: a term, a holiday. */
export const DateSpan = z.strictObject({ first: IsoDate, last: IsoDate });
export type DateSpan = z.infer<typeof DateSpan>;

export const SCHOOL_YEAR_CALENDAR_SOURCES = ['school', 'district', 'default'] as const;

/** `GET /calendars/school-years`: the effective calendar of a school (or the district's without `organisationId`). */
export const SchoolYearCalendarQuery = z.strictObject({
  academicYear: AcademicYearLabel,
  organisationId: Id.optional(),
});
export type SchoolYearCalendarQuery = z.infer<typeof SchoolYearCalendarQuery>;

/** `PUT`/`DELETE /calendars/school-years/:year`: without `organisationId` the district's calendar. */
export const SchoolYearCalendarTarget = z.strictObject({ organisationId: Id.optional() });
export type SchoolYearCalendarTarget = z.infer<typeof SchoolYearCalendarTarget>;

/** A calendar as saved: the scheme, its terms in order, grade 1's extra week; `version` when one is stored already. */
export const SchoolYearCalendarRequest = z.strictObject({
  termScheme: z.enum(D.TERM_SCHEME_KINDS),
  terms: z.array(DateSpan).min(1).max(12),
  grade1Holiday: DateSpan.nullable().optional(),
  /** the district's only: the day by which schools submit their plans for the year (null: 1 October) */
  planSubmissionDueOn: IsoDate.nullable().optional(),
  version: Version.optional(),
});
export type SchoolYearCalendarRequest = z.infer<typeof SchoolYearCalendarRequest>;

export const SchoolYearCalendarResponse = z.object({
  academicYear: z.string(),
  /** the school whose calendar this is; null for the district's */
  organisationId: z.string().nullable(),
  /** a school's override, the district's calendar, or the ФОП default (nothing stored for the year) */
  source: z.enum(SCHOOL_YEAR_CALENDAR_SOURCES),
  termScheme: z.enum(D.TERM_SCHEME_KINDS),
  firstDay: z.string(),
  lastDay: z.string(),
  terms: z.array(z.object({ code: z.string(), first: z.string(), last: z.string() })),
  holidays: z.array(z.object({ kind: z.enum(D.SCHOOL_HOLIDAY_KINDS), first: z.string(), last: z.string() })),
  grade1Holiday: z.object({ first: z.string(), last: z.string() }).nullable(),
  summerHolidays: z.object({ first: z.string(), last: z.string() }),
  /** the day by which schools submit their plans for the year: the district's setting, else 1 October */
  planSubmissionDueOn: z.string(),
  /** the stored row's version (send it back to change it); null when nothing is stored */
  version: z.number().int().nullable(),
});
export type SchoolYearCalendarResponse = z.infer<typeof SchoolYearCalendarResponse>;

const NamedDate = z.strictObject({ date: IsoDate, name: z.enum(D.WORKING_DAY_CODES) });

/** A calendar year's decree data: Ураза-/Курбан-байрам, days off moved by decree, working days by decree. */
export const WorkingDaysRequest = z.strictObject({
  movableHolidays: z.array(NamedDate).max(10),
  extraDaysOff: z.array(NamedDate).max(40),
  extraWorkingDays: z.array(IsoDate).max(40),
  version: Version.optional(),
});
export type WorkingDaysRequest = z.infer<typeof WorkingDaysRequest>;

export const WorkingDaysResponse = z.object({
  year: z.number().int(),
  /** `stored`: a row for the year; `built-in`: none, the fixed holidays and the known bayram dates only */
  source: z.enum(['stored', 'built-in']),
  movableHolidays: z.array(z.object({ date: z.string(), name: z.string() })),
  extraDaysOff: z.array(z.object({ date: z.string(), name: z.string() })),
  extraWorkingDays: z.array(z.string()),
  /** every non-working day of the year that is not a plain Saturday or Sunday, with its holiday code */
  nonWorkingDays: z.array(z.object({ date: z.string(), name: z.string() })),
  version: z.number().int().nullable(),
});
export type WorkingDaysResponse = z.infer<typeof WorkingDaysResponse>;
