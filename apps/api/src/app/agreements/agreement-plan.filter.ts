import { ActivityRecord, AgreementRecord, PlanRecord } from '@socium/api-persistence';
import { AcademicYear, agreementStatus, isPlanMissing, LocalDate, PLAN_EXPECTED_STATUSES } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';

import { readPlain } from '../common/crud.support';
import { AGREEMENT_TERM_FIELDS, toAgreementData } from './agreement.data';

/**
 * The ids of the agreements in `scope` that the domain's `isPlanMissing` flags on `today`: in force (active, renewed
 * or expiring) with neither a plan of the current academic year attached (`plan.agreementId`) nor an activity of the
 * school with the partner in that year (cancelled ones do not count).
 */
export async function agreementsWithoutPlan(
  em: EntityManager,
  today: LocalDate,
  scope: readonly FilterQuery<AgreementRecord>[],
): Promise<string[]> {
  return (await flaggedWithoutPlan(em, today, scope)).map((a) => a.id);
}

/**
 * `agreementsWithoutPlan` with each agreement's school, on a given day and academic year (the report evaluates
 * the flag on its period's reference day, in the period's academic year; the list and dashboard on today).
 */
export async function flaggedWithoutPlan(
  em: EntityManager,
  on: LocalDate,
  scope: readonly FilterQuery<AgreementRecord>[],
  academicYear: string = AcademicYear.containing(on).label,
): Promise<{ id: string; schoolId: string }[]> {
  const today = on;
  const year = academicYear;
  // read-only columns, as plain records (not kept in the unit of work)
  const rows = await readPlain(
    em,
    AgreementRecord,
    { $and: [...scope, { signedBySchoolOn: { $ne: null } }, { signedByPartnerOn: { $ne: null } }] },
    { fields: ['id', 'schoolId', 'partnerId', ...AGREEMENT_TERM_FIELDS] },
  );
  const inForce = rows
    .map((a) => ({ a, status: agreementStatus(toAgreementData(a), today) }))
    .filter(({ status }) => PLAN_EXPECTED_STATUSES.includes(status));
  if (!inForce.length) return [];
  const ids = inForce.map(({ a }) => a.id);
  const plans = await readPlain(
    em,
    PlanRecord,
    { academicYear: year, agreementId: { $in: ids } },
    { fields: ['id', 'agreementId'] },
  );
  const planned = new Set(plans.map((p) => p.agreementId));
  const activities = await readPlain(
    em,
    ActivityRecord,
    {
      academicYear: year,
      status: { $ne: 'cancelled' },
      organisationId: { $in: [...new Set(inForce.map(({ a }) => a.schoolId))] },
      partnerId: { $in: [...new Set(inForce.map(({ a }) => a.partnerId))] },
    },
    { fields: ['id', 'organisationId', 'partnerId'] },
  );
  const worked = new Set(activities.map((x) => `${x.organisationId}|${x.partnerId}`));
  return inForce
    .filter(({ a, status }) =>
      isPlanMissing({
        status,
        hasPlan: planned.has(a.id),
        hasActivityWithPartner: worked.has(`${a.schoolId}|${a.partnerId}`),
      }),
    )
    .map(({ a }) => ({ id: a.id, schoolId: a.schoolId }));
}

/** `?withoutPlan=` of the agreement list as a filter: `true` keeps the flagged agreements, `false` the others. */
export async function withoutPlanFilter(
  em: EntityManager,
  withoutPlan: boolean,
  today: LocalDate,
  scope: readonly FilterQuery<AgreementRecord>[],
): Promise<FilterQuery<AgreementRecord>> {
  const ids = await agreementsWithoutPlan(em, today, scope);
  if (withoutPlan) return ids.length ? { id: { $in: ids } } : { id: null };
  return ids.length ? { id: { $nin: ids } } : {};
}
