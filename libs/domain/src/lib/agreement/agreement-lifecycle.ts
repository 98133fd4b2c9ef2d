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
} from '../common';
import type { Actor } from '../organisation';
import { AgreementData, AgreementParty, isFullySigned, validateAgreement } from './agreement';
import { agreementStatus, effectiveEnd } from './agreement-term';

// What happens to an agreement after its draft: signing by each party, termination, deletion of a draft.

/** Records one party's signature; the full agreement, responsible roles included, must be valid to be signed. */
export function signAgreement(
  data: AgreementData,
  party: AgreementParty,
  signedOn: LocalDate,
  today: LocalDate,
): Result<AgreementData, DomainError> {
  const R = AGREEMENT_RULES;
  const findings: Finding[] = [];
  if (data.signatures[party])
    findings.push(
      finding(
        R.signAlreadySigned,
        {
          ru: 'Эта сторона уже подписала соглашение',
          en: 'This party has already signed',
          tt: 'Бу як килешүгә инде кул куйган',
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
  if (data.endsOn && signedOn.isAfter(data.endsOn))
    findings.push(
      finding(
        R.signAfterEnd,
        {
          ru: 'Нельзя подписать соглашение после окончания его срока',
          en: 'An agreement cannot be signed after its term has ended',
          tt: 'Срогы тәмамланганнан соң килешүгә кул куеп булмый',
        },
        { field: 'signedOn', limit: data.endsOn.toString(), actual: signedOn.toString() },
      ),
    );
  findings.push(...validateAgreement(data, { requireResponsible: true }));
  if (findings.length > 0) return err(ruleError(findings));
  return ok({ ...data, signatures: { ...data.signatures, [party]: signedOn } });
}

/** Terminates a signed agreement from `terminatedOn` (the first day it is no longer in force). */
export function terminateAgreement(
  data: AgreementData,
  terminatedOn: LocalDate,
  reason: string,
  today: LocalDate,
): Result<AgreementData, DomainError> {
  const R = AGREEMENT_RULES;
  const findings: Finding[] = [];
  if (reason.trim() === '')
    findings.push(
      finding(
        R.terminateReasonRequired,
        {
          ru: 'Укажите причину расторжения',
          en: 'A reason for termination is required',
          tt: 'Өзү сәбәбе күрсәтелергә тиеш',
        },
        { field: 'reason' },
      ),
    );
  if (!isFullySigned(data, today))
    findings.push(
      finding(R.terminateNotSigned, {
        ru: 'Расторгнуть можно только подписанное обеими сторонами соглашение',
        en: 'Only an agreement signed by both parties can be terminated',
        tt: 'Ике як та кул куйган килешүне генә өзеп була',
      }),
    );
  if (data.terminatedOn)
    findings.push(
      finding(
        R.terminateAlreadyTerminated,
        { ru: 'Соглашение уже расторгнуто', en: 'The agreement is already terminated', tt: 'Килешү инде өзелгән' },
        { actual: data.terminatedOn.toString() },
      ),
    );
  const end = effectiveEnd(data, terminatedOn);
  if (terminatedOn.isBefore(data.startsOn))
    findings.push(
      finding(
        R.terminateBeforeStart,
        {
          ru: 'Дата расторжения раньше начала срока действия',
          en: 'The termination date is before the term starts',
          tt: 'Өзү датасы гамәлдә булу срогы башлануыннан иртәрәк',
        },
        { field: 'terminatedOn', limit: data.startsOn.toString(), actual: terminatedOn.toString() },
      ),
    );
  else if (end && terminatedOn.isAfter(end))
    findings.push(
      finding(
        R.terminateAfterEnd,
        {
          ru: 'Срок действия соглашения к этой дате уже истёк',
          en: 'The agreement has already expired by that date',
          tt: 'Бу датага килешүнең гамәлдә булу срогы инде чыккан',
        },
        { field: 'terminatedOn', limit: end.toString(), actual: terminatedOn.toString() },
      ),
    );
  if (findings.length > 0) return err(ruleError(findings));
  return ok({ ...data, terminatedOn, terminationReason: reason.trim() });
}

/** Only a draft (not yet signed by both on `today`) can be deleted; a signed one is terminated (`agreement.delete.signed`). */
export function checkAgreementDeletable(data: AgreementData, today: LocalDate): Result<AgreementData, DomainError> {
  if (agreementStatus(data, today) === 'draft') return ok(data);
  return err(
    refusal(AGREEMENT_RULES.deleteSigned, {
      ru: 'Удалить можно только проект соглашения; подписанное — расторгните',
      en: 'Only a draft agreement can be deleted; terminate a signed one',
      tt: 'Килешүнең караламасын гына бетереп була; имзаланган килешүне өзегез',
    }),
  );
}

/** The two organisations an agreement binds. */
export interface AgreementParties {
  readonly schoolId: string;
  readonly partnerId: string;
}

/**
 * Whether `actor` may sign for `party` of an agreement between `parties`: the coordinator records either
 * signature, a school's administrator signs only for its own school, a partner's representative only for its
 * own organisation; nobody else signs.
 */
export function canSignFor(actor: Actor, parties: AgreementParties, party: AgreementParty): boolean {
  switch (actor.role) {
    case 'coordinator':
      return true;
    case 'school_admin':
      return party === 'school' && parties.schoolId === actor.organisationId;
    case 'partner_rep':
      return party === 'partner' && parties.partnerId === actor.organisationId;
    default:
      return false;
  }
}
