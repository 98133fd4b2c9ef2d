import * as D from '@socium/domain';

import { z } from 'zod';

import { AcademicYearLabel, Id, IsoDate, Lang } from './common.contract';

export const PERIOD_KINDS = D.PERIOD_KINDS;
export const PeriodResponse = z.object({
  kind: z.enum(PERIOD_KINDS),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type PeriodResponse = z.infer<typeof PeriodResponse>;
export const PeriodsQuery = z.strictObject({
  academicYear: AcademicYearLabel.optional(),
  organisationId: Id.optional(),
  date: IsoDate.optional(),
});
export type PeriodsQuery = z.infer<typeof PeriodsQuery>;
export const PeriodsResponse = z.object({
  academicYear: PeriodResponse,
  termScheme: z.string(),
  terms: z.array(PeriodResponse.extend({ code: z.string() })),
  summerCampaign: PeriodResponse,
  calendarYears: z.array(PeriodResponse),
  /** the quarters of both calendar years the academic year touches (`2019-Q1` … `2020-Q4`) */
  calendarQuarters: z.array(PeriodResponse),
  /** the half-years of both calendar years (`2019-H1` … `2020-H2`) */
  halfYears: z.array(PeriodResponse),
});
export type PeriodsResponse = z.infer<typeof PeriodsResponse>;

export const ReportQuery = z.strictObject({
  period: z.string().min(1).max(40),
  organisationId: Id.optional(),
  format: z.enum(['json', 'xlsx', 'csv', 'pdf']).default('json'),
  lang: Lang.default('ru'),
  table: z.string().max(40).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;
/** Every report row (district totals and each school) carries these keys. */
export const ReportTotals = z.object({
  agreementsActive: z.number(),
  partners: z.number(),
  activitiesPlanned: z.number(),
  activitiesHeld: z.number(),
  activitiesCancelled: z.number(),
  planExecution: z.number().nullable(),
  participants: z.number(),
  careerGuidanceHours: z.number(),
  placements: z.number(),
  placementsWithFindings: z.number(),
  documentRecipients: z.number(),
  documentsAcknowledged: z.number(),
  documentsOverdue: z.number(),
  /** issue 14 item 4 (additive): agreements in force with neither a plan nor an activity in the academic year */
  agreementsWithoutPlan: z.number().optional(),
  /** issue 14 item 3 (additive): placements of the period still blocked by missing paperwork */
  placementsBlocked: z.number().optional(),
  /** of those, the ones whose first day has come (started blocked) */
  placementsBlockedStarted: z.number().optional(),
});
export type ReportTotals = z.infer<typeof ReportTotals>;
/** One G2 indicator of the report: its name in the report's language, a number or null with why, and its details. */
export const ReportIndicator = z
  .object({
    name: z.string(),
    value: z.number().nullable(),
    reason: z.enum(D.INDICATOR_REASONS).optional(),
    message: z.string().optional(),
  })
  .loose();
export type ReportIndicator = z.infer<typeof ReportIndicator>;
/** G2 #1–#14 keyed as the domain's `INDICATOR_KEYS`. */
export const ReportIndicators = z.object(
  Object.fromEntries(D.INDICATOR_KEYS.map((k) => [k, ReportIndicator])) as Record<
    D.IndicatorKey,
    typeof ReportIndicator
  >,
);
export const ReportSummary = z
  .object({
    period: PeriodResponse,
    totals: ReportTotals,
    schools: z.array(ReportTotals.extend({ organisationId: Id, name: z.string() })),
    indicators: ReportIndicators,
  })
  .loose();
export type ReportSummary = z.infer<typeof ReportSummary>;
