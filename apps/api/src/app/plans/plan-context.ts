import { AgreementRecord, PlanRecord } from '@socium/api-persistence';
import { AcademicYear, agreementTermRange, DateRange, LocalDate, unwrap } from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';

import { toAgreementData } from '../agreements/agreement.data';

/** The plan's academic year as dates (the label was validated when the plan was created). */
export function planYear(plan: Pick<PlanRecord, 'academicYear'>): DateRange {
  return unwrap(AcademicYear.parse(plan.academicYear)).range;
}

/**
 * The agreement's term as the plan sees it: renewals counted up to the plan year's last day (so a plan for
 * a year the agreement will auto-renew into fits), cut at a termination. Null without an agreement.
 */
export function agreementTermFor(agreement: AgreementRecord | null, year: DateRange): DateRange | null {
  if (!agreement) return null;
  const term = agreementTermRange(toAgreementData(agreement), year.end.addDays(-1));
  return term ?? NEVER_IN_FORCE;
}

/** Stands for the term of an agreement terminated on its first day: no real date falls inside it. */
const NEVER_IN_FORCE = DateRange.ofInclusive(LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 1));

export async function loadAgreement(
  em: EntityManager,
  plan: Pick<PlanRecord, 'agreementId'>,
): Promise<AgreementRecord | null> {
  return plan.agreementId ? em.findOne(AgreementRecord, { id: plan.agreementId }) : null;
}
