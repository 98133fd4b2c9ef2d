import type { AgreementRecord } from '@socium/api-persistence';
import { AgreementData, LocalDate } from '@socium/domain';

/** The date facts of an agreement: enough for its status, its term and whether it is in force. */
export const AGREEMENT_TERM_FIELDS = [
  'kind',
  'startsOn',
  'endsOn',
  'autoRenew',
  'noticeDays',
  'signedBySchoolOn',
  'signedByPartnerOn',
  'terminatedOn',
  'noticeGivenOn',
] as const satisfies readonly (keyof AgreementRecord)[];
export type AgreementTermFields = (typeof AGREEMENT_TERM_FIELDS)[number];

/** A whole record, or a row with only the date facts (a partial load, a report query); the rest defaults to empty. */
export type AgreementRow = Pick<AgreementRecord, AgreementTermFields> & Partial<AgreementRecord>;

const date = (s: string | null | undefined): LocalDate | null => (s ? LocalDate.iso(s) : null);

/** The one record → domain mapper of agreements (dates as LocalDate). */
export function toAgreementData(r: AgreementRow): AgreementData {
  return {
    kind: r.kind,
    number: r.number ?? '',
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
    terminationReason: r.terminationReason ?? null,
    noticeGivenOn: date(r.noticeGivenOn),
    networkTerms: r.networkTerms ?? null,
  };
}
