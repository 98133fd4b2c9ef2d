import { AgreementRecord } from '@socium/api-persistence';
import {
  AgreementField,
  agreementStatus,
  AgreementStatus,
  agreementStatusCondition,
  EXPIRING_WINDOW_DAYS,
  LocalDate,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';

import { conditionFilter } from '../common/condition-filter';
import { AGREEMENT_TERM_FIELDS, toAgreementData } from './agreement.data';

/**
 * `?status=` of the agreement list as a filter, so paging and totals stay in SQL. The domain's
 * `agreementStatusCondition` says which rows have the status (`exact`) and which auto-renewing ones may have it
 * (`renewing`): of those candidates, scoped like the list, `agreementStatus` picks the ones that do, added by id.
 */
export async function agreementStatusFilter(
  em: EntityManager,
  status: AgreementStatus,
  today: LocalDate,
  scope: readonly FilterQuery<AgreementRecord>[],
): Promise<FilterQuery<AgreementRecord>> {
  const { exact, renewing } = agreementStatusCondition(status, today, EXPIRING_WINDOW_DAYS);
  const or: FilterQuery<AgreementRecord>[] = [];
  if (exact) or.push(conditionFilter<AgreementRecord, AgreementField>(exact));
  if (renewing) {
    const candidates = await em.find(
      AgreementRecord,
      { $and: [...scope, conditionFilter<AgreementRecord, AgreementField>(renewing)] },
      { fields: ['id', ...AGREEMENT_TERM_FIELDS], disableIdentityMap: true },
    );
    const ids = candidates.filter((a) => agreementStatus(toAgreementData(a), today) === status).map((a) => a.id);
    if (ids.length) or.push({ id: { $in: ids } });
  }
  return or.length ? { $or: or } : { id: null };
}
