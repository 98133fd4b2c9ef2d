import type { PeriodResponse, ReportTotals } from '@socium/contracts';
import type { ProfminimumLevel } from '@socium/domain';

import type { ReportIndicators } from './report-indicators';

/** A breakdown row (by direction, form or partner type): counts of the period's activities. */
export interface BreakdownRow {
  key: string;
  name: string;
  activitiesPlanned: number;
  activitiesHeld: number;
  activitiesCancelled: number;
  planExecution: number | null;
  participants: number;
  hours: number;
}

export interface PartnerTypeRow extends BreakdownRow {
  /** distinct partners of that type (agreements in force + activity partners) */
  partners: number;
}

export interface CareerGuidanceRow {
  organisationId: string;
  name: string;
  /** declared профминимум level, null when the school declared none */
  level: ProfminimumLevel | null;
  /** 40 / 60 / 80, null without a level */
  required: number | null;
  grades: {
    grade: number;
    hours: number;
    required: number | null;
    ratio: number | null;
    met: boolean | null;
  }[];
  gradesMet: number | null;
  share: number | null;
}

export interface ReportJson {
  period: PeriodResponse;
  /** the organisation in scope, or null for the district */
  organisationId: string | null;
  department: string | null;
  totals: ReportTotals;
  schools: (ReportTotals & { organisationId: string; name: string })[];
  byDirection: BreakdownRow[];
  byForm: BreakdownRow[];
  byPartnerType: PartnerTypeRow[];
  careerGuidance: CareerGuidanceRow[];
  uncoveredProfessions: { profession: string; demand: number }[];
  summerEmployment: {
    employed: number;
    byChannel: Record<string, { employed: number; share: number | null }>;
    byAgeBand: Record<string, { students: number; employed: number; share: number | null }>;
  };
  documents: {
    recipients: number;
    onTime: number;
    overdue: number;
    onTimeShare: number | null;
    medianDaysToAcknowledge: number | null;
  };
  /** G2 #1–#14, keyed as `INDICATOR_KEYS` of the domain (docs/product/PRODUCT.md) */
  indicators: ReportIndicators;
}

/** The flags of a row (issue 14 items 3 and 4): counted beside the domain's totals, never suppressed or summed apart. */
export interface ReportFlags {
  agreementsWithoutPlan: number;
  placementsBlocked: number;
  placementsBlockedStarted: number;
}

/** The keys of a totals row, in report order. */
export const TOTAL_KEYS: readonly (keyof ReportTotals)[] = [
  'agreementsActive',
  'partners',
  'activitiesPlanned',
  'activitiesHeld',
  'activitiesCancelled',
  'planExecution',
  'participants',
  'careerGuidanceHours',
  'placements',
  'placementsWithFindings',
  'documentRecipients',
  'documentsAcknowledged',
  'documentsOverdue',
  // the flags (issue 14 items 3 and 4) last, so the columns before them keep their places in the files
  'agreementsWithoutPlan',
  'placementsBlocked',
  'placementsBlockedStarted',
];
