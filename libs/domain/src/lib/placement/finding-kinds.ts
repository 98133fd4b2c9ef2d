import { Finding } from '../common';
import { PlacementRuleCode } from './placement.model';

/**
 * How a placement finding weighs (issue 14 item 3; domain rules B1, B4, B6, B7, B13):
 * - `hard`: a breach of the Labour Code (age, night, harmful work, hours or loads over the limit, forbidden days,
 *   lesson hours, a malformed schedule): the placement is refused (422) and nothing is stored;
 * - `paperwork`: a consent or the medical clearance is missing (or not valid on the start date): the placement is
 *   stored `blocked` until the paperwork is recorded;
 * - `review`: a value that needs a person's look (an unverified [M] load limit relied on): stored, not blocking.
 */
export type PlacementFindingKind = 'hard' | 'paperwork' | 'review';

/** Every placement finding code with its kind: one place, total over the codes (the compiler checks it). */
export const PLACEMENT_FINDING_KINDS: Readonly<Record<PlacementRuleCode, PlacementFindingKind>> = {
  'placement.dates.invalid': 'hard',
  'placement.shift.invalid': 'hard',
  'placement.work-days.empty': 'hard',
  'placement.hours.invalid': 'hard',
  'placement.hours.inconsistent': 'hard',
  'placement.age.under-14': 'hard',
  'placement.consent.parent-required': 'paperwork',
  'placement.consent.guardianship-required': 'paperwork',
  'placement.hours.weekly': 'hard',
  'placement.hours.daily': 'hard',
  'placement.night-work': 'hard',
  'placement.rest-day': 'hard',
  'placement.holiday-work': 'hard',
  'placement.prohibited-work': 'hard',
  'placement.load.exceeded': 'hard',
  'placement.medical.required': 'paperwork',
  'placement.medical.after-start': 'paperwork',
  'placement.medical.expired': 'paperwork',
  'placement.shift.span': 'hard',
  'placement.probation': 'hard',
  'placement.weekend.consent-missing': 'paperwork',
  'placement.lesson-hours': 'hard',
  'placement.load.manual-review': 'review',
};

export const PLACEMENT_STATUSES = ['blocked', 'cleared'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** The findings of a placement by kind, and the status they give a placement that may be stored. */
export interface PlacementAssessment {
  readonly hard: readonly Finding[];
  readonly paperwork: readonly Finding[];
  readonly review: readonly Finding[];
  /** `blocked` while any paperwork is missing, else `cleared` (meaningless when `hard` is not empty) */
  readonly status: PlacementStatus;
  /** what is stored with the placement: paperwork, then review findings */
  readonly stored: readonly Finding[];
}

export const placementFindingKind = (f: Finding): PlacementFindingKind =>
  PLACEMENT_FINDING_KINDS[f.rule as PlacementRuleCode] ?? 'hard';

/** Sorts findings by kind (a code outside the placement list counts as hard). */
export function assessFindings(findings: readonly Finding[]): PlacementAssessment {
  const of = (kind: PlacementFindingKind) => findings.filter((f) => placementFindingKind(f) === kind);
  const paperwork = of('paperwork');
  const review = of('review');
  return {
    hard: of('hard'),
    paperwork,
    review,
    status: paperwork.length > 0 ? 'blocked' : 'cleared',
    stored: [...paperwork, ...review],
  };
}
