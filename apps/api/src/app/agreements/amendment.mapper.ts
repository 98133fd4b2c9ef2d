import type { AgreementAmendmentRecord, AgreementRecord, StoredAgreementChanges } from '@socium/api-persistence';
import type { AmendmentResponse, AgreementChanges as WireChanges } from '@socium/contracts';
import {
  AgreementChanges,
  AMENDABLE_FIELDS,
  AmendmentData,
  AmendmentHistoryEntry,
  amendmentState,
  isAmendmentSigned,
  LocalDate,
} from '@socium/domain';

const date = (s: string | null | undefined): LocalDate | null => (s ? LocalDate.iso(s) : null);

/** The changes as sent or stored (dates as text) → the domain's (dates as LocalDate); only amendable fields. */
export function toDomainChanges(c: WireChanges | StoredAgreementChanges): AgreementChanges {
  const { endsOn, ...rest } = c;
  return { ...rest, ...(endsOn !== undefined ? { endsOn: date(endsOn) } : {}) };
}

/** The changes as stored: only the amendable fields that were given. */
export function toStoredChanges(c: WireChanges): StoredAgreementChanges {
  return Object.fromEntries(
    AMENDABLE_FIELDS.filter((f) => c[f] !== undefined).map((f) => [f, c[f]]),
  ) as StoredAgreementChanges;
}

/** The agreement's current values of the fields `changes` names (kept in the amendment when it comes into force). */
export function previousValues(r: AgreementRecord, changes: StoredAgreementChanges): StoredAgreementChanges {
  return Object.fromEntries(
    AMENDABLE_FIELDS.filter((f) => changes[f] !== undefined).map((f) => [f, r[f]]),
  ) as StoredAgreementChanges;
}

export function toAmendmentData(m: AgreementAmendmentRecord): AmendmentData {
  return {
    number: m.number,
    effectiveOn: LocalDate.iso(m.effectiveOn),
    changes: toDomainChanges(m.changes),
    signatures: { school: date(m.signedBySchoolOn), partner: date(m.signedByPartnerOn) },
  };
}

export function toAmendmentResponse(m: AgreementAmendmentRecord): AmendmentResponse {
  return {
    id: m.id,
    agreementId: m.agreementId,
    number: m.number,
    effectiveOn: m.effectiveOn,
    changes: { ...m.changes },
    previous: m.previous ? { ...m.previous } : null,
    signedBySchoolOn: m.signedBySchoolOn,
    signedByPartnerOn: m.signedByPartnerOn,
    state: amendmentState(toAmendmentData(m), m.previous !== null),
    version: m.version,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** A stored amendment for `agreementTextOn`: applied once its previous values are kept. */
export function toHistoryEntry(m: AgreementAmendmentRecord): AmendmentHistoryEntry {
  const data = toAmendmentData(m);
  return {
    number: m.number,
    effectiveOn: data.effectiveOn,
    changes: data.changes,
    previous: m.previous ? toDomainChanges(m.previous) : null,
    signed: isAmendmentSigned(data),
  };
}
