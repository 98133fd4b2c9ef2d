import { DateRange, DomainError, Finding, LocalDate, Result, err, finding, ok, ruleError } from '../common';

// Agreements (C2; domain-rules C1–C4). The partnership principles of the resolution become checks:
// purposeful (goal, directions), mutually beneficial (obligations of each party), conscious (a responsible
// role on each side, checked when signing) and voluntary (in force only when both parties signed).

export const AGREEMENT_KINDS = ['cooperation', 'social_partnership', 'network_form'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_PARTIES = ['school', 'partner'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];
export const AGREEMENT_STATUSES = ['draft', 'signed', 'active', 'expiring', 'expired', 'renewed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_RULES = {
  numberRequired: 'agreement.number.required',
  kindInvalid: 'agreement.kind.invalid',
  subjectRequired: 'agreement.subject.required',
  goalRequired: 'agreement.goal.required',
  directionsRequired: 'agreement.directions.required',
  obligationTextRequired: 'agreement.obligations.text-required',
  obligationsBothParties: 'agreement.obligations.both-parties',
  responsibleBothParties: 'agreement.responsible.both-parties',
  termEndBeforeStart: 'agreement.term.end-before-start',
  noticeInvalid: 'agreement.notice.invalid',
  networkTermsRequired: 'agreement.network-form.terms-required',
  signAlreadySigned: 'agreement.sign.already-signed',
  signFutureDate: 'agreement.sign.future-date',
  signAfterEnd: 'agreement.sign.after-end',
  terminateReasonRequired: 'agreement.terminate.reason-required',
  terminateNotSigned: 'agreement.terminate.not-signed',
  terminateAlreadyTerminated: 'agreement.terminate.already-terminated',
  terminateBeforeStart: 'agreement.terminate.before-start',
  terminateAfterEnd: 'agreement.terminate.after-end',
} as const;

export const MAX_NOTICE_DAYS = 365;

export interface AgreementObligation {
  readonly party: AgreementParty;
  readonly text: string;
}

/** C2 item 3: who uses which resource, and how much. */
export interface NetworkResource {
  readonly party: AgreementParty;
  readonly obligation: string;
  readonly resource: string;
  readonly volume: string;
}

/** The terms 273-ФЗ ст. 15 ч. 3 asks of a network-form agreement (domain-rules C2; the term itself is the dates). */
export interface NetworkTerms {
  /** 1: kind, level and focus of the programme (or its part) delivered in network form */
  readonly programme?: string | null;
  /** 2: status of the students in each organisation, admission rules, academic mobility */
  readonly studentStatus?: string | null;
  /** 3: distribution of duties and resources of each organisation */
  readonly resources?: readonly NetworkResource[] | null;
  /** 4: the documents issued and who issues each */
  readonly documentsIssued?: string | null;
  /** 5: how the agreement is amended and terminated */
  readonly amendmentProcedure?: string | null;
}

/** An agreement as plain data (mirrors `/agreements` of the public contract). */
export interface AgreementData {
  readonly kind: AgreementKind;
  readonly number: string;
  readonly subject: string;
  readonly goal: string;
  readonly directionIds: readonly string[];
  readonly obligations: readonly AgreementObligation[];
  /** roles (never private persons), e.g. «заместитель директора по ВР» */
  readonly responsibleRoles?: { readonly school?: string | null; readonly partner?: string | null } | null;
  readonly startsOn: LocalDate;
  /** last day of the first term, included; null = open-ended */
  readonly endsOn: LocalDate | null;
  readonly autoRenew: boolean;
  /** notice of non-renewal must be given at least this many days before a term's last day */
  readonly noticeDays: number;
  readonly signatures: { readonly school?: LocalDate | null; readonly partner?: LocalDate | null };
  /** the first day the agreement is no longer in force */
  readonly terminatedOn?: LocalDate | null;
  readonly terminationReason?: string | null;
  /** the day a party gave notice of non-renewal */
  readonly noticeGivenOn?: LocalDate | null;
  readonly networkTerms?: NetworkTerms | null;
}

/** One term of an agreement: 0 is the original term, 1… are the automatic renewals. */
export interface AgreementTermPeriod {
  readonly index: number;
  readonly startsOn: LocalDate;
  /** last day, included */
  readonly endsOn: LocalDate;
}

/** Empty or whitespace only. */
const blank = (text: string | null | undefined): boolean => !text || text.trim() === '';

/** Checks the content of an agreement; `requireResponsible` adds the conscious-partnership check made when signing. */
export function validateAgreement(data: AgreementData, options: { requireResponsible?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const R = AGREEMENT_RULES;
  if (blank(data.number))
    findings.push(finding(R.numberRequired, { ru: 'Укажите номер соглашения', en: 'An agreement number is required', tt: 'Килешү номеры күрсәтелергә тиеш' }, { field: 'number' }));
  if (!(AGREEMENT_KINDS as readonly string[]).includes(data.kind))
    findings.push(
      finding(R.kindInvalid, { ru: 'Неизвестный вид соглашения', en: 'Unknown agreement kind' }, { field: 'kind', actual: String(data.kind) }),
    );
  if (blank(data.subject))
    findings.push(
      finding(R.subjectRequired, { ru: 'Укажите предмет соглашения', en: 'The subject of the agreement is required', tt: 'Килешүнең предметы күрсәтелергә тиеш' }, { field: 'subject' }),
    );
  if (blank(data.goal))
    findings.push(
      finding(R.goalRequired, { ru: 'Партнёрство целенаправленно: укажите цель', en: 'Partnership is purposeful: a goal is required', tt: 'Максат күрсәтелергә тиеш' }, { field: 'goal' }),
    );
  if (!data.directionIds.some((id) => !blank(id)))
    findings.push(
      finding(
        R.directionsRequired,
        { ru: 'Партнёрство целенаправленно: укажите хотя бы одно направление', en: 'Partnership is purposeful: at least one direction is required', tt: 'Юнәлешләр күрсәтелергә тиеш' },
        { field: 'directionIds', limit: 1, actual: 0 },
      ),
    );
  data.obligations.forEach((o, i) => {
    if (blank(o.text))
      findings.push(
        finding(R.obligationTextRequired, { ru: 'Обязательство без текста', en: 'An obligation needs a text' }, { field: `obligations[${i}].text` }),
      );
  });
  const missingParties = AGREEMENT_PARTIES.filter((p) => !data.obligations.some((o) => o.party === p && !blank(o.text)));
  if (missingParties.length > 0)
    findings.push(
      finding(
        R.obligationsBothParties,
        {
          ru: 'Партнёрство взаимовыгодно: у каждой стороны должно быть хотя бы одно обязательство',
          en: 'Partnership is mutually beneficial: each party must carry at least one obligation',
        },
        { field: 'obligations', actual: missingParties.join(', ') },
      ),
    );
  if (options.requireResponsible) {
    const missing = AGREEMENT_PARTIES.filter((p) => blank(data.responsibleRoles?.[p]));
    if (missing.length > 0)
      findings.push(
        finding(
          R.responsibleBothParties,
          {
            ru: 'Партнёрство осознанно: каждая сторона называет ответственное лицо (должность)',
            en: 'Partnership is conscious: each party names a responsible role',
          },
          { field: 'responsibleRoles', actual: missing.join(', ') },
        ),
      );
  }
  if (data.endsOn && data.endsOn.isBefore(data.startsOn))
    findings.push(
      finding(
        R.termEndBeforeStart,
        { ru: 'Срок действия заканчивается раньше, чем начинается', en: 'The term ends before it starts' },
        { field: 'endsOn', limit: data.startsOn.toString(), actual: data.endsOn.toString() },
      ),
    );
  if (!Number.isInteger(data.noticeDays) || data.noticeDays < 0 || data.noticeDays > MAX_NOTICE_DAYS)
    findings.push(
      finding(
        R.noticeInvalid,
        { ru: `Срок уведомления — целое число дней от 0 до ${MAX_NOTICE_DAYS}`, en: `The notice period is a whole number of days from 0 to ${MAX_NOTICE_DAYS}` },
        { field: 'noticeDays', limit: MAX_NOTICE_DAYS, actual: data.noticeDays },
      ),
    );
  if (data.kind === 'network_form') {
    const missing = missingNetworkTerms(data.networkTerms);
    if (missing.length > 0)
      findings.push(
        finding(
          R.networkTermsRequired,
          {
            ru: `Договор о сетевой форме должен содержать условия ст. 15 ч. 3 273-ФЗ; не заполнены: ${missing.join(', ')}`,
            en: `A network-form agreement needs the terms of Art. 15(3) of the education law; missing: ${missing.join(', ')}`,
          },
          { field: 'networkTerms', actual: missing.join(', ') },
        ),
      );
  }
  return findings;
}

/** The names of the network-form terms that are empty (a resource row counts only when every field is filled). */
export function missingNetworkTerms(terms: NetworkTerms | null | undefined): string[] {
  const t = terms ?? {};
  const resourcesOk =
    !!t.resources && t.resources.length > 0 && t.resources.every((r) => !blank(r.obligation) && !blank(r.resource) && !blank(r.volume));
  return [
    blank(t.programme) ? 'programme' : null,
    blank(t.studentStatus) ? 'studentStatus' : null,
    resourcesOk ? null : 'resources',
    blank(t.documentsIssued) ? 'documentsIssued' : null,
    blank(t.amendmentProcedure) ? 'amendmentProcedure' : null,
  ].filter((name): name is string => name !== null);
}

/** `validateAgreement` as a Result: the agreement, or a 422 carrying every finding. */
export function checkAgreement(data: AgreementData, options: { requireResponsible?: boolean } = {}): Result<AgreementData, DomainError> {
  const findings = validateAgreement(data, options);
  return findings.length > 0 ? err(ruleError(findings)) : ok(data);
}

/** Both parties signed, on or before `on` when given (voluntary partnership). */
export function isFullySigned(data: AgreementData, on?: LocalDate): boolean {
  return AGREEMENT_PARTIES.every((p) => {
    const signedOn = data.signatures[p];
    return !!signedOn && (!on || !signedOn.isAfter(on));
  });
}

/** Records one party's signature; the full agreement, responsible roles included, must be valid to be signed. */
export function signAgreement(data: AgreementData, party: AgreementParty, signedOn: LocalDate, today: LocalDate): Result<AgreementData, DomainError> {
  const R = AGREEMENT_RULES;
  const findings: Finding[] = [];
  if (data.signatures[party])
    findings.push(finding(R.signAlreadySigned, { ru: 'Эта сторона уже подписала соглашение', en: 'This party has already signed' }, { field: 'party', actual: party }));
  if (signedOn.isAfter(today))
    findings.push(
      finding(R.signFutureDate, { ru: 'Дата подписания не может быть в будущем', en: 'The signing date cannot be in the future' }, { field: 'signedOn', limit: today.toString(), actual: signedOn.toString() }),
    );
  if (data.endsOn && signedOn.isAfter(data.endsOn))
    findings.push(
      finding(
        R.signAfterEnd,
        { ru: 'Нельзя подписать соглашение после окончания его срока', en: 'An agreement cannot be signed after its term has ended' },
        { field: 'signedOn', limit: data.endsOn.toString(), actual: signedOn.toString() },
      ),
    );
  findings.push(...validateAgreement(data, { requireResponsible: true }));
  if (findings.length > 0) return err(ruleError(findings));
  return ok({ ...data, signatures: { ...data.signatures, [party]: signedOn } });
}

/** Terminates a signed agreement from `terminatedOn` (the first day it is no longer in force). */
export function terminateAgreement(data: AgreementData, terminatedOn: LocalDate, reason: string, today: LocalDate): Result<AgreementData, DomainError> {
  const R = AGREEMENT_RULES;
  const findings: Finding[] = [];
  if (blank(reason))
    findings.push(finding(R.terminateReasonRequired, { ru: 'Укажите причину расторжения', en: 'A reason for termination is required', tt: 'Өзү сәбәбе күрсәтелергә тиеш' }, { field: 'reason' }));
  if (!isFullySigned(data, today))
    findings.push(finding(R.terminateNotSigned, { ru: 'Расторгнуть можно только подписанное обеими сторонами соглашение', en: 'Only an agreement signed by both parties can be terminated' }));
  if (data.terminatedOn)
    findings.push(
      finding(R.terminateAlreadyTerminated, { ru: 'Соглашение уже расторгнуто', en: 'The agreement is already terminated' }, { actual: data.terminatedOn.toString() }),
    );
  const end = effectiveEnd(data, terminatedOn);
  if (terminatedOn.isBefore(data.startsOn))
    findings.push(
      finding(
        R.terminateBeforeStart,
        { ru: 'Дата расторжения раньше начала срока действия', en: 'The termination date is before the term starts' },
        { field: 'terminatedOn', limit: data.startsOn.toString(), actual: terminatedOn.toString() },
      ),
    );
  else if (end && terminatedOn.isAfter(end))
    findings.push(
      finding(
        R.terminateAfterEnd,
        { ru: 'Срок действия соглашения к этой дате уже истёк', en: 'The agreement has already expired by that date' },
        { field: 'terminatedOn', limit: end.toString(), actual: terminatedOn.toString() },
      ),
    );
  if (findings.length > 0) return err(ruleError(findings));
  return ok({ ...data, terminatedOn, terminationReason: reason.trim() });
}

/**
 * The size of a term: whole months when the first term spans whole months (so a year stays a year across
 * leap days), otherwise days.
 */
function termStep(startsOn: LocalDate, endsOn: LocalDate): { months: number } | { days: number } {
  const next = endsOn.addDays(1);
  const months = (next.year - startsOn.year) * 12 + next.month - startsOn.month;
  if (months > 0 && startsOn.addMonths(months).equals(next)) return { months };
  return { days: startsOn.daysUntil(next) };
}

/** The k-th term (0 = original) counted from the first term. */
function nthTerm(first: AgreementTermPeriod, index: number): AgreementTermPeriod {
  const step = termStep(first.startsOn, first.endsOn);
  const at = (k: number) => ('months' in step ? first.startsOn.addMonths(k * step.months) : first.startsOn.addDays(k * step.days));
  return { index, startsOn: at(index), endsOn: at(index + 1).addDays(-1) };
}

/** The last day to give notice of non-renewal for a term. */
function deadlineOf(data: AgreementData, term: AgreementTermPeriod): LocalDate {
  return term.endsOn.addDays(-data.noticeDays);
}

/** Notice of non-renewal given on or before this term's deadline (it then ends with this term). */
function noticeStopsTerm(data: AgreementData, term: AgreementTermPeriod): boolean {
  return !!data.noticeGivenOn && !data.noticeGivenOn.isAfter(deadlineOf(data, term));
}

/** The term rolls over into the next one: auto-renewal, no timely notice, not terminated before its end. */
function rollsOver(data: AgreementData, term: AgreementTermPeriod): boolean {
  if (!data.autoRenew || noticeStopsTerm(data, term)) return false;
  return !data.terminatedOn || data.terminatedOn.isAfter(term.endsOn);
}

/** Every term up to the one `on` falls in (renewals made by then); empty for an open-ended agreement. */
function termsUntil(data: AgreementData, on: LocalDate): AgreementTermPeriod[] {
  if (!data.endsOn) return [];
  const first: AgreementTermPeriod = { index: 0, startsOn: data.startsOn, endsOn: data.endsOn };
  // an invalid term (ending before it starts) never rolls over
  if (data.endsOn.isBefore(data.startsOn)) return [first];
  const terms = [first];
  for (let term = first; on.isAfter(term.endsOn) && rollsOver(data, term); ) terms.push((term = nthTerm(first, term.index + 1)));
  return terms;
}

/** The term `on` falls in after the renewals made by then (the last term when it ended before); null if open-ended. */
export function currentTerm(data: AgreementData, on: LocalDate): AgreementTermPeriod | null {
  return termsUntil(data, on).at(-1) ?? null;
}

/** The last day of the current term after any automatic renewals by `today`; null for an open-ended agreement. */
export function effectiveEnd(data: AgreementData, today: LocalDate): LocalDate | null {
  return currentTerm(data, today)?.endsOn ?? null;
}

/** The last day to give notice of non-renewal for the current term; null when the agreement does not auto-renew. */
export function noticeDeadline(data: AgreementData, today: LocalDate): LocalDate | null {
  const term = currentTerm(data, today);
  return data.autoRenew && term ? deadlineOf(data, term) : null;
}

/** The current term will certainly roll over: its notice deadline passed without notice. */
function renewalCertain(data: AgreementData, term: AgreementTermPeriod, today: LocalDate): boolean {
  return rollsOver(data, term) && today.isAfter(deadlineOf(data, term));
}

/** The last day in force after renewals and termination; null when open-ended and not terminated. */
export function lastDayInForce(data: AgreementData, today: LocalDate): LocalDate | null {
  const end = effectiveEnd(data, today);
  const beforeTermination = data.terminatedOn?.addDays(-1) ?? null;
  if (!end) return beforeTermination;
  return beforeTermination ? LocalDate.min(end, beforeTermination) : end;
}

/** Signed by both by `on`, `on` inside the term after renewals, and not terminated on or before `on`. */
export function isInForce(data: AgreementData, on: LocalDate): boolean {
  if (!isFullySigned(data, on) || on.isBefore(data.startsOn)) return false;
  if (data.terminatedOn && !on.isBefore(data.terminatedOn)) return false;
  const end = effectiveEnd(data, on);
  return !end || !on.isAfter(end);
}

/**
 * The derived status on `today`: draft (not signed by both) → signed (before the start) → active /
 * renewed (in a rolled-over term) → expiring (within `expiringWindowDays` of the current term's last day,
 * unless the roll-over is already certain) → expired; terminated from `terminatedOn`.
 */
export function agreementStatus(data: AgreementData, today: LocalDate, options: { expiringWindowDays?: number } = {}): AgreementStatus {
  const window = options.expiringWindowDays ?? 60;
  if (!isFullySigned(data, today)) return 'draft';
  if (data.terminatedOn && !today.isBefore(data.terminatedOn)) return 'terminated';
  if (today.isBefore(data.startsOn)) return 'signed';
  const term = currentTerm(data, today);
  if (!term) return 'active';
  if (today.isAfter(term.endsOn)) return 'expired';
  if (today.daysUntil(term.endsOn) <= window && !renewalCertain(data, term, today)) return 'expiring';
  return term.index > 0 ? 'renewed' : 'active';
}

export interface AgreementReminder {
  readonly kind: 'expiring' | 'notice-deadline';
  /** the day the reminder is about: the term's last day or the notice deadline */
  readonly date: LocalDate;
  readonly daysBefore: number;
  /** the reminder is due from this day on */
  readonly dueFrom: LocalDate;
  /** stable, so the caller sends each reminder once */
  readonly key: string;
}

/**
 * Reminders due on `today` for an agreement in force (C11): the term's end at T−60/T−30 (`windows`) unless
 * the roll-over is certain, and the notice deadline (`noticeWindows`) while notice can still be given.
 * None when open-ended or when a termination is scheduled.
 */
export function agreementReminders(
  data: AgreementData,
  today: LocalDate,
  options: { windows?: readonly number[]; noticeWindows?: readonly number[] } = {},
): AgreementReminder[] {
  const term = currentTerm(data, today);
  if (!term || data.terminatedOn || !isInForce(data, today)) return [];
  const due = (kind: AgreementReminder['kind'], date: LocalDate, windows: readonly number[]): AgreementReminder[] =>
    [...windows]
      .sort((a, b) => b - a)
      .filter((w) => today.daysUntil(date) <= w)
      .map((w) => ({ kind, date, daysBefore: w, dueFrom: date.addDays(-w), key: `${kind}:${date.toString()}:${w}` }));
  const reminders = renewalCertain(data, term, today) ? [] : due('expiring', term.endsOn, options.windows ?? [60, 30]);
  const deadline = deadlineOf(data, term);
  if (data.autoRenew && !noticeStopsTerm(data, term) && !today.isAfter(deadline))
    reminders.push(...due('notice-deadline', deadline, options.noticeWindows ?? [30, 7]));
  return reminders;
}

/** The last representable day, standing for "open-ended". */
export const OPEN_END = LocalDate.of(9999, 12, 30);

/** The range the agreement is in force over (for activities inside its term); null when never in force. */
export function agreementTermRange(data: AgreementData, today: LocalDate): DateRange | null {
  const last = lastDayInForce(data, today) ?? OPEN_END;
  const range = DateRange.inclusive(data.startsOn, last);
  return range.ok ? range.value : null;
}

/** The facts indicator #4 needs: start, last day in force, the first day of each renewed term. */
export function agreementTermSummary(
  data: AgreementData,
  today: LocalDate,
): { startsOn: LocalDate; effectiveEndsOn: LocalDate | null; renewedOn: LocalDate | null; renewals: LocalDate[] } {
  const renewals = termsUntil(data, today)
    .slice(1)
    .map((t) => t.startsOn);
  return { startsOn: data.startsOn, effectiveEndsOn: lastDayInForce(data, today), renewedOn: renewals.at(-1) ?? null, renewals };
}
