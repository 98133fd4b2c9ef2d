import { planExecution } from './activities';
import { round4 } from './ratio';
import { CountKey, SuppressionResult, suppressRecord } from './suppression';

/**
 * One row of `GET /reports/summary` (a school or the district). Counts per period; `agreementsActive`
 * is the snapshot on the period's last day; `planExecution` is derived (held ÷ planned), never summed.
 */
export interface SummaryTotals {
  readonly agreementsActive: number;
  /** distinct partners; for the district this is NOT the sum of the schools (see `districtTotals`) */
  readonly partners: number;
  readonly activitiesPlanned: number;
  readonly activitiesHeld: number;
  readonly activitiesCancelled: number;
  readonly planExecution: number | null;
  /** Σ actual participants of held activities (not unique students) */
  readonly participants: number;
  /** Σ hours of held career-guidance activities, each activity once */
  readonly careerGuidanceHours: number;
  readonly placements: number;
  readonly placementsWithFindings: number;
  readonly documentRecipients: number;
  readonly documentsAcknowledged: number;
  readonly documentsOverdue: number;
}

/** The additive part of a row: everything but the derived `planExecution`. */
export type SummaryCounts = Omit<SummaryTotals, 'planExecution'>;

export const SUMMARY_COUNT_KEYS = [
  'agreementsActive',
  'partners',
  'activitiesPlanned',
  'activitiesHeld',
  'activitiesCancelled',
  'participants',
  'careerGuidanceHours',
  'placements',
  'placementsWithFindings',
  'documentRecipients',
  'documentsAcknowledged',
  'documentsOverdue',
] as const satisfies readonly (keyof SummaryCounts)[];

/** Builds a row from its counts, deriving `planExecution`. */
export function summaryTotals(counts: SummaryCounts): SummaryTotals {
  return {
    ...counts,
    planExecution: planExecution({ planned: counts.activitiesPlanned, held: counts.activitiesHeld }),
  };
}

/** The neutral element of `addTotals`: all counts 0, planExecution null. */
export function emptyTotals(): SummaryTotals {
  return summaryTotals(Object.fromEntries(SUMMARY_COUNT_KEYS.map((k) => [k, 0])) as unknown as SummaryCounts);
}

/**
 * Field-wise sum of two rows with `planExecution` recomputed from the summed counts (associative and
 * commutative). `partners` is summed too, which double-counts a partner of two schools: use
 * `districtTotals` for a district row.
 */
export function addTotals(a: SummaryTotals, b: SummaryTotals): SummaryTotals {
  const counts = Object.fromEntries(
    SUMMARY_COUNT_KEYS.map((k) => [k, round4(a[k] + b[k])]),
  ) as unknown as SummaryCounts;
  return summaryTotals(counts);
}

/**
 * District totals from per-school rows; `districtPartners` is the number of distinct partners across the
 * district (COUNT(DISTINCT partner_id) over all schools), which replaces the non-distinct sum.
 */
export function districtTotals(schools: readonly SummaryTotals[], districtPartners: number): SummaryTotals {
  return { ...schools.reduce(addTotals, emptyTotals()), partners: districtPartners };
}

/** Counts of a public summary row that D4 suppression applies to. */
export const PUBLIC_SUPPRESSED_KEYS: readonly CountKey<SummaryTotals>[] = SUMMARY_COUNT_KEYS;

/** D4 for a public summary row: small counts hidden, and planExecution hidden when held or planned is. */
export function suppressTotals(
  totals: SummaryTotals,
  threshold?: number,
): SuppressionResult<SummaryTotals, CountKey<SummaryTotals>> {
  return suppressRecord(totals, PUBLIC_SUPPRESSED_KEYS, {
    threshold,
    ratios: { planExecution: ['activitiesHeld', 'activitiesPlanned'] },
  });
}
