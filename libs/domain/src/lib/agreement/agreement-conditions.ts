import { Condition, LocalDate } from '../common';
import type { AgreementData, AgreementStatus } from './index';

// The date facts behind `isInForce` and `agreementStatus` as conditions on an agreement row, for queries
// that select agreements by them (the department report, the agreement list's status filter). The specs
// check each against the function it restates.

/** An agreement row: its dates (ISO text) and whether it renews itself. */
export type AgreementField =
  | 'signedBySchoolOn'
  | 'signedByPartnerOn'
  | 'startsOn'
  | 'endsOn'
  | 'terminatedOn'
  | 'autoRenew';

/** The row of an agreement's data, as `holds` reads it. */
export function agreementRow(data: AgreementData): Record<AgreementField, string | boolean | null> {
  const iso = (d: LocalDate | null | undefined) => d?.toString() ?? null;
  return {
    signedBySchoolOn: iso(data.signatures.school),
    signedByPartnerOn: iso(data.signatures.partner),
    startsOn: data.startsOn.toString(),
    endsOn: iso(data.endsOn),
    terminatedOn: iso(data.terminatedOn),
    autoRenew: data.autoRenew,
  };
}

type C = Condition<AgreementField>;

const signedBothBy = (t: string): C => ({
  all: [
    { field: 'signedBySchoolOn', op: '<=', value: t },
    { field: 'signedByPartnerOn', op: '<=', value: t },
  ],
});
const notTerminatedBy = (t: string): C => ({
  any: [
    { field: 'terminatedOn', isNull: true },
    { field: 'terminatedOn', op: '>', value: t },
  ],
});
/** Signed by both, started and not terminated on `t`: in its first term or after it. */
const running = (t: string): C => ({
  all: [signedBothBy(t), notTerminatedBy(t), { field: 'startsOn', op: '<=', value: t }],
});

/**
 * What every agreement in force on `on` satisfies (signed by both by then, started, not terminated): the
 * rows a query narrows to before `isInForce` decides on the term and its renewals.
 */
export function inForceCandidateCondition(on: LocalDate): C {
  return running(on.toString());
}

/**
 * `agreementStatus(…) === status` on `today` as conditions. Every row that satisfies `exact` has the status.
 * Auto-renewing agreements whose first term ends within the window (or ended) need the renewal arithmetic:
 * they satisfy `renewing`, and only `agreementStatus` tells which of them have the status. A row with the
 * status satisfies one of the two; a null part selects nothing.
 */
export function agreementStatusCondition(
  status: AgreementStatus,
  today: LocalDate,
  expiringWindowDays: number,
): { exact: C | null; renewing: C | null } {
  const t = today.toString();
  const horizon = today.addDays(expiringWindowDays).toString();
  const renewing: C = {
    all: [running(t), { field: 'autoRenew', isTrue: true }, { field: 'endsOn', op: '<=', value: horizon }],
  };
  const plain = (c: C): C => ({ all: [running(t), c] });
  /** Running, not renewing itself, and its end so placed. */
  const fixedEnd = (...end: C[]): C => plain({ all: [{ field: 'autoRenew', isTrue: false }, ...end] });
  switch (status) {
    case 'draft':
      return {
        exact: {
          any: [
            { field: 'signedBySchoolOn', isNull: true },
            { field: 'signedBySchoolOn', op: '>', value: t },
            { field: 'signedByPartnerOn', isNull: true },
            { field: 'signedByPartnerOn', op: '>', value: t },
          ],
        },
        renewing: null,
      };
    case 'terminated':
      return { exact: { all: [signedBothBy(t), { field: 'terminatedOn', op: '<=', value: t }] }, renewing: null };
    case 'signed':
      return {
        exact: { all: [signedBothBy(t), notTerminatedBy(t), { field: 'startsOn', op: '>', value: t }] },
        renewing: null,
      };
    case 'active':
      return {
        exact: plain({
          any: [
            { field: 'endsOn', isNull: true },
            { field: 'endsOn', op: '>', value: horizon },
          ],
        }),
        renewing,
      };
    case 'expiring':
      return {
        exact: fixedEnd({ field: 'endsOn', op: '>=', value: t }, { field: 'endsOn', op: '<=', value: horizon }),
        renewing,
      };
    case 'expired':
      return { exact: fixedEnd({ field: 'endsOn', op: '<', value: t }), renewing };
    case 'renewed':
      return { exact: null, renewing };
  }
}
