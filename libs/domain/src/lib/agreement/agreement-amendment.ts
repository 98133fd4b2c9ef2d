import {
  AGREEMENT_RULES,
  DomainError,
  err,
  Finding,
  finding,
  LocalDate,
  ok,
  refusal,
  Result,
  ruleError,
  writtenDate,
} from '../common';
import { AGREEMENT_PARTIES, AgreementData, AgreementObligation, AgreementParty, validateAgreement } from './agreement';
import { agreementStatus, currentTerm, lastDayInForce } from './agreement-term';

// Amendments (дополнительные соглашения; domain-rules C4 item 10): a signed agreement's terms change only by a
// numbered amendment in writing, signed by both parties. Once both signed it is in force from its date, and the
// agreement's current text carries the amended values; the amendment keeps what each field was before.

/** The terms an amendment may change; the parties, kind, number and start stay those of the agreement. */
export const AMENDABLE_FIELDS = [
  'subject',
  'goal',
  'directionIds',
  'obligations',
  'endsOn',
  'autoRenew',
  'noticeDays',
] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

/** The new values of the fields an amendment changes (a field left out does not change; `endsOn: null` = open-ended). */
export interface AgreementChanges {
  readonly subject?: string;
  readonly goal?: string;
  readonly directionIds?: readonly string[];
  readonly obligations?: readonly AgreementObligation[];
  readonly endsOn?: LocalDate | null;
  readonly autoRenew?: boolean;
  readonly noticeDays?: number;
}

/** An amendment as plain data. */
export interface AmendmentData {
  /** 1, 2, … per agreement */
  readonly number: number;
  /** the day it is in force from, once both parties signed */
  readonly effectiveOn: LocalDate;
  readonly changes: AgreementChanges;
  readonly signatures: { readonly school?: LocalDate | null; readonly partner?: LocalDate | null };
}

/** Statuses of an agreement that can be amended: signed by both, not terminated, not expired. */
export const AMENDABLE_STATUSES = ['signed', 'active', 'renewed', 'expiring'] as const;

/** The number of the next amendment: one more than the highest so far (1 for the first). */
export function nextAmendmentNumber(existing: readonly { readonly number: number }[]): number {
  return existing.reduce((max, a) => Math.max(max, a.number), 0) + 1;
}

/** Both parties signed the amendment, on or before `on` when given. */
export function isAmendmentSigned(a: Pick<AmendmentData, 'signatures'>, on?: LocalDate): boolean {
  return AGREEMENT_PARTIES.every((p) => {
    const signedOn = a.signatures[p];
    return !!signedOn && (!on || !signedOn.isAfter(on));
  });
}

/** The agreement with the amendment's changes applied. */
export function applyAmendment(data: AgreementData, changes: AgreementChanges): AgreementData {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return { ...data, ...defined };
}

const same = (a: unknown, b: unknown): boolean => {
  if (a instanceof LocalDate || b instanceof LocalDate) return String(a ?? null) === String(b ?? null);
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
};

/** The fields `changes` really changes (a value equal to the current one is no change). */
export function changedFields(data: AgreementData, changes: AgreementChanges): AmendableField[] {
  return AMENDABLE_FIELDS.filter((f) => changes[f] !== undefined && !same(changes[f], data[f]));
}

/**
 * Whether an agreement can be amended on `today`: only one in force or signed and about to start
 * (`AMENDABLE_STATUSES`); a draft is edited instead, a terminated or expired one is not amended.
 */
export function checkAmendable(data: AgreementData, today: LocalDate): Result<AgreementData, DomainError> {
  const status = agreementStatus(data, today);
  if ((AMENDABLE_STATUSES as readonly string[]).includes(status)) return ok(data);
  return err(
    refusal(
      AGREEMENT_RULES.amendmentNotInForce,
      status === 'draft'
        ? {
            ru: 'Дополнительное соглашение заключают к подписанному договору; проект измените напрямую',
            en: 'An amendment is made to a signed agreement; change a draft directly',
            tt: 'Өстәмә килешү имзаланган килешүгә төзелә; караламаны турыдан-туры үзгәртегез',
          }
        : {
            ru: 'Расторгнутый или истёкший договор нельзя изменить дополнительным соглашением',
            en: 'A terminated or expired agreement cannot be amended',
            tt: 'Өзелгән яки срогы чыккан килешүне өстәмә килешү белән үзгәртеп булмый',
          },
    ),
  );
}

/**
 * The rules of a new amendment to `data` on `today`: the agreement can be amended; no other amendment awaits its
 * signatures (`pending`); the date is not in the future and falls in the agreement's term; something changes; a
 * new end is not before the amendment's date, and is changed only in the first term (a renewed term follows the
 * first one: change it by a new agreement); and the agreement as amended still meets every rule of a signed one.
 */
export function checkNewAmendment(
  data: AgreementData,
  amendment: Pick<AmendmentData, 'effectiveOn' | 'changes'>,
  today: LocalDate,
  pending: boolean,
  scheduledOn: LocalDate | null = null,
): Result<AgreementData, DomainError> {
  const amendable = checkAmendable(data, today);
  if (!amendable.ok) return amendable;
  const R = AGREEMENT_RULES;
  const findings: Finding[] = [];
  if (pending && scheduledOn)
    findings.push(
      finding(R.amendmentScheduled, {
        ru: `Предыдущее дополнительное соглашение подписано и вступит в силу ${writtenDate(scheduledOn, 'ru')}: новое можно заключить после этой даты`,
        en: `The previous amendment is signed and takes effect on ${writtenDate(scheduledOn, 'en')}: a new one can be made after that date`,
        tt: `Алдагы өстәмә килешү имзаланган һәм ${writtenDate(scheduledOn, 'tt')} үз көченә керә: яңасын шул көннән соң төзергә мөмкин`,
      }),
    );
  else if (pending)
    findings.push(
      finding(R.amendmentPending, {
        ru: 'Предыдущее дополнительное соглашение ещё не подписано обеими сторонами: подпишите или удалите его',
        en: 'The previous amendment is not yet signed by both parties: sign or delete it first',
        tt: 'Алдагы өстәмә килешүгә ике як та әле кул куймаган: аны имзалагыз яки бетерегез',
      }),
    );
  findings.push(...checkDate(data, amendment.effectiveOn, today));
  const fields = changedFields(data, amendment.changes);
  if (fields.length === 0)
    findings.push(
      finding(
        R.amendmentNoChanges,
        {
          ru: 'Дополнительное соглашение ничего не меняет',
          en: 'The amendment changes nothing',
          tt: 'Өстәмә килешү бернәрсәне дә үзгәртми',
        },
        { field: 'changes' },
      ),
    );
  if (fields.includes('endsOn')) {
    const newEnd = amendment.changes.endsOn ?? null;
    const term = currentTerm(data, today);
    if (term && term.index > 0)
      findings.push(
        finding(
          R.amendmentEndRenewed,
          {
            ru: 'Срок продлённого договора не меняют дополнительным соглашением: заключите новый договор',
            en: 'The term of a renewed agreement is not amended: conclude a new agreement',
            tt: 'Озайтылган килешүнең срогы өстәмә килешү белән үзгәртелми: яңа килешү төзегез',
          },
          { field: 'changes.endsOn' },
        ),
      );
    if (newEnd && newEnd.isBefore(amendment.effectiveOn))
      findings.push(
        finding(
          R.amendmentEndBeforeDate,
          {
            ru: 'Новая дата окончания раньше даты дополнительного соглашения',
            en: 'The new end date is before the amendment’s date',
            tt: 'Яңа тәмамлану датасы өстәмә килешү датасыннан иртәрәк',
          },
          { field: 'changes.endsOn', limit: amendment.effectiveOn.toString(), actual: newEnd.toString() },
        ),
      );
  }
  findings.push(
    ...validateAgreement(applyAmendment(data, amendment.changes), { requireResponsible: true }).map((f) =>
      f.field ? { ...f, field: `changes.${f.field}` } : f,
    ),
  );
  return findings.length > 0 ? err(ruleError(findings)) : ok(applyAmendment(data, amendment.changes));
}

/**
 * The amendment's date: not before the agreement starts, not after its last day in force. It may be later than
 * today (and than its signatures): a future-dated amendment takes effect on its date (`amendmentTakesEffect`).
 */
function checkDate(data: AgreementData, effectiveOn: LocalDate, today: LocalDate): Finding[] {
  const R = AGREEMENT_RULES;
  const last = lastDayInForce(data, today);
  if (effectiveOn.isBefore(data.startsOn) || (last && effectiveOn.isAfter(last)))
    return [
      finding(
        R.amendmentDateOutsideTerm,
        {
          ru: 'Дата дополнительного соглашения вне срока действия договора',
          en: 'The amendment’s date is outside the agreement’s term',
          tt: 'Өстәмә килешү датасы килешүнең гамәлдә булу срогыннан читтә',
        },
        { field: 'effectiveOn', limit: data.startsOn.toString(), actual: effectiveOn.toString() },
      ),
    ];
  return [];
}

/**
 * One party's signature of an amendment (who may sign is `canSignFor`, as for the agreement). Refused when that
 * party already signed, the date is in the future, or the agreement can no longer be amended. When the second
 * signature makes it signed by both, the amendment is checked again against the agreement as it is now; it is
 * `inForce` when its date has come (the caller then applies its changes), else `scheduled`: the agreement keeps its
 * text until that date (`applyDueAmendments` of the API applies it then).
 */
export function signAmendment(
  data: AgreementData,
  amendment: AmendmentData,
  party: AgreementParty,
  signedOn: LocalDate,
  today: LocalDate,
): Result<{ amendment: AmendmentData; inForce: boolean; scheduled: boolean }, DomainError> {
  const amendable = checkAmendable(data, today);
  if (!amendable.ok) return amendable;
  const R = AGREEMENT_RULES;
  const findings: Finding[] = [];
  if (amendment.signatures[party])
    findings.push(
      finding(
        R.signAlreadySigned,
        {
          ru: 'Эта сторона уже подписала дополнительное соглашение',
          en: 'This party has already signed the amendment',
          tt: 'Бу як өстәмә килешүгә инде кул куйган',
        },
        { field: 'party', actual: party },
      ),
    );
  if (signedOn.isAfter(today))
    findings.push(
      finding(
        R.signFutureDate,
        {
          ru: 'Дата подписания не может быть в будущем',
          en: 'The signing date cannot be in the future',
          tt: 'Имзалау датасы киләчәктә була алмый',
        },
        { field: 'signedOn', limit: today.toString(), actual: signedOn.toString() },
      ),
    );
  if (findings.length > 0) return err(ruleError(findings));
  const signed: AmendmentData = { ...amendment, signatures: { ...amendment.signatures, [party]: signedOn } };
  const both = isAmendmentSigned(signed);
  if (both) {
    const again = checkNewAmendment(data, amendment, today, false);
    if (!again.ok) return again;
  }
  const inForce = both && amendmentTakesEffect(signed, today);
  return ok({ amendment: signed, inForce, scheduled: both && !inForce });
}

/** Only an amendment not yet signed by both can be deleted (`agreement.amendment.signed`). */
export function checkAmendmentDeletable(amendment: AmendmentData): Result<AmendmentData, DomainError> {
  if (!isAmendmentSigned(amendment)) return ok(amendment);
  return err(
    refusal(AGREEMENT_RULES.amendmentSigned, {
      ru: 'Подписанное обеими сторонами дополнительное соглашение удалить нельзя',
      en: 'An amendment signed by both parties cannot be deleted',
      tt: 'Ике як та кул куйган өстәмә килешүне бетереп булмый',
    }),
  );
}

/** Whether a signed amendment's date has come on `today`: from its `effectiveOn` on, not the day before. */
export function amendmentTakesEffect(a: Pick<AmendmentData, 'effectiveOn'>, today: LocalDate): boolean {
  return !a.effectiveOn.isAfter(today);
}

/** The states of an amendment: awaiting signatures, signed but not yet dated (future `effectiveOn`), in force. */
export const AMENDMENT_STATES = ['pending', 'scheduled', 'in_force'] as const;
export type AmendmentState = (typeof AMENDMENT_STATES)[number];

/**
 * An amendment's state: `pending` until both parties signed; then `scheduled` until its changes are written into
 * the agreement (its date has not come yet), and `in_force` once they are (`applied`).
 */
export function amendmentState(a: Pick<AmendmentData, 'signatures'>, applied: boolean): AmendmentState {
  return applied ? 'in_force' : isAmendmentSigned(a) ? 'scheduled' : 'pending';
}

/** An amendment as the text-in-force rule sees it: its date, changes, and the values it replaced once applied. */
export interface AmendmentHistoryEntry {
  readonly number: number;
  readonly effectiveOn: LocalDate;
  readonly changes: AgreementChanges;
  /** the values before it, once its changes were written into the agreement; null while not applied */
  readonly previous: AgreementChanges | null;
  readonly signed: boolean;
}

/**
 * The agreement's text in force on `day` (issue 14 item 8, C4 item 10), from its stored text — which carries the
 * applied amendments — and its amendments: an applied one dated after `day` is undone (latest first, from the values
 * it replaced), and a signed one not yet applied but dated on or before `day` is applied (in number order). So a
 * report on a period reads the terms in force then, and a future-dated amendment changes nothing before its date.
 */
export function agreementTextOn(
  current: AgreementData,
  amendments: readonly AmendmentHistoryEntry[],
  day: LocalDate,
): AgreementData {
  const byNumber = [...amendments].sort((a, b) => a.number - b.number);
  let text = current;
  for (const a of [...byNumber].reverse())
    if (a.previous && a.effectiveOn.isAfter(day)) text = applyAmendment(text, a.previous);
  for (const a of byNumber)
    if (!a.previous && a.signed && !a.effectiveOn.isAfter(day)) text = applyAmendment(text, a.changes);
  return text;
}
