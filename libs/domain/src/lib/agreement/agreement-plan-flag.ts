import type { AgreementStatus } from './agreement';

/** The agreement statuses that expect joint work in the current academic year. */
export const PLAN_EXPECTED_STATUSES: readonly AgreementStatus[] = ['active', 'renewed', 'expiring'];

/** What the flag looks at for one agreement in the current academic year. */
export interface AgreementYearWork {
  /** the agreement's status today */
  readonly status: AgreementStatus;
  /** a joint plan of the current academic year is attached to the agreement (`plan.agreementId`), in any status */
  readonly hasPlan: boolean;
  /** the school has an activity with the agreement's partner in the current academic year (not cancelled) */
  readonly hasActivityWithPartner: boolean;
}

/**
 * C3 (issue 14 item 4): an agreement in force (active, renewed or expiring) with neither a plan attached to it nor
 * an activity with its partner in the current academic year is flagged: it exists on paper only.
 */
export function isPlanMissing(work: AgreementYearWork): boolean {
  return PLAN_EXPECTED_STATUSES.includes(work.status) && !work.hasPlan && !work.hasActivityWithPartner;
}
