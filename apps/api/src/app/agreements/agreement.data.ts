import type { AgreementRecord } from '@socium/api-persistence';
import { AgreementData, AgreementKind, LocalDate, NetworkTerms } from '@socium/domain';

const date = (s: string | null | undefined): LocalDate | null => (s ? LocalDate.iso(s) : null);

/** A record as the domain's plain agreement data (dates as LocalDate). */
export function toAgreementData(r: AgreementRecord): AgreementData {
  return {
    kind: r.kind as AgreementKind,
    number: r.number,
    subject: r.subject ?? '',
    goal: r.goal ?? '',
    directionIds: r.directionIds ?? [],
    obligations: r.obligations ?? [],
    responsibleRoles: r.responsibleRoles ?? {},
    startsOn: LocalDate.iso(r.startsOn),
    endsOn: date(r.endsOn),
    autoRenew: r.autoRenew,
    noticeDays: r.noticeDays,
    signatures: { school: date(r.signedBySchoolOn), partner: date(r.signedByPartnerOn) },
    terminatedOn: date(r.terminatedOn),
    terminationReason: r.terminationReason,
    noticeGivenOn: date(r.noticeGivenOn),
    networkTerms: (r.networkTerms as NetworkTerms | null) ?? null,
  };
}
