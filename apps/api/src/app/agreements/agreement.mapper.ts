import type { AgreementRecord } from '@socium/api-persistence';
import type { AgreementResponse } from '@socium/contracts';
import { agreementStatus, effectiveEnd, LocalDate } from '@socium/domain';

import { toAgreementData } from './agreement.data';

/** Whitelists what leaves the API; `status` and `effectiveEndsOn` are derived on `today`. */
export function toAgreementResponse(r: AgreementRecord, today: LocalDate): AgreementResponse {
  const data = toAgreementData(r);
  const end = effectiveEnd(data, today);
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    schoolId: r.schoolId,
    partnerId: r.partnerId,
    subject: r.subject,
    goal: r.goal,
    directionIds: r.directionIds ?? [],
    obligations: r.obligations ?? [],
    responsibleRoles: r.responsibleRoles ?? {},
    networkTerms: r.networkTerms ?? null,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    effectiveEndsOn: end ? end.toString() : null,
    autoRenew: r.autoRenew,
    noticeDays: r.noticeDays,
    signedBySchoolOn: r.signedBySchoolOn,
    signedByPartnerOn: r.signedByPartnerOn,
    terminatedOn: r.terminatedOn,
    terminationReason: r.terminationReason,
    hasScan: !!r.scanFileId,
    status: agreementStatus(data, today),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
