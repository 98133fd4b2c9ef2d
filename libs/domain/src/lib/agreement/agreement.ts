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
  RuleCode,
  ruleError,
} from '../common';

// Agreements (C2; domain-rules C1–C4). The partnership principles of the resolution become checks:
// purposeful (goal, directions), mutually beneficial (obligations of each party), conscious (a responsible
// role on each side, checked when signing) and voluntary (in force only when both parties signed).

export const AGREEMENT_KINDS = ['cooperation', 'social_partnership', 'network_form'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_PARTIES = ['school', 'partner'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];
export const AGREEMENT_STATUSES = [
  'draft',
  'signed',
  'active',
  'expiring',
  'expired',
  'renewed',
  'terminated',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

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

/** Empty or whitespace only. */
const blank = (text: string | null | undefined): boolean => !text || text.trim() === '';

/** Checks the content of an agreement; `requireResponsible` adds the conscious-partnership check made when signing. */
export function validateAgreement(data: AgreementData, options: { requireResponsible?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const R = AGREEMENT_RULES;
  if (blank(data.number))
    findings.push(
      finding(
        R.numberRequired,
        {
          ru: 'Укажите номер соглашения',
          en: 'An agreement number is required',
          tt: 'Килешү номеры күрсәтелергә тиеш',
        },
        { field: 'number' },
      ),
    );
  if (!(AGREEMENT_KINDS as readonly string[]).includes(data.kind))
    findings.push(
      finding(
        R.kindInvalid,
        { ru: 'Неизвестный вид соглашения', en: 'Unknown agreement kind', tt: 'Килешүнең билгесез төре' },
        { field: 'kind', actual: String(data.kind) },
      ),
    );
  if (blank(data.subject))
    findings.push(
      finding(
        R.subjectRequired,
        {
          ru: 'Укажите предмет соглашения',
          en: 'The subject of the agreement is required',
          tt: 'Килешүнең предметы күрсәтелергә тиеш',
        },
        { field: 'subject' },
      ),
    );
  if (blank(data.goal))
    findings.push(
      finding(
        R.goalRequired,
        {
          ru: 'Партнёрство целенаправленно: укажите цель',
          en: 'Partnership is purposeful: a goal is required',
          tt: 'Максат күрсәтелергә тиеш',
        },
        { field: 'goal' },
      ),
    );
  if (!data.directionIds.some((id) => !blank(id)))
    findings.push(
      finding(
        R.directionsRequired,
        {
          ru: 'Партнёрство целенаправленно: укажите хотя бы одно направление',
          en: 'Partnership is purposeful: at least one direction is required',
          tt: 'Юнәлешләр күрсәтелергә тиеш',
        },
        { field: 'directionIds', limit: 1, actual: 0 },
      ),
    );
  data.obligations.forEach((o, i) => {
    if (blank(o.text))
      findings.push(
        finding(
          R.obligationTextRequired,
          { ru: 'Обязательство без текста', en: 'An obligation needs a text', tt: 'Йөкләмәнең тексты юк' },
          { field: `obligations[${i}].text` },
        ),
      );
  });
  const missingParties = AGREEMENT_PARTIES.filter(
    (p) => !data.obligations.some((o) => o.party === p && !blank(o.text)),
  );
  if (missingParties.length > 0)
    findings.push(
      finding(
        R.obligationsBothParties,
        {
          ru: 'Партнёрство взаимовыгодно: у каждой стороны должно быть хотя бы одно обязательство',
          en: 'Partnership is mutually beneficial: each party must carry at least one obligation',
          tt: 'Партнерлык ике якка да файдалы: һәр якның кимендә бер йөкләмәсе булырга тиеш',
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
            tt: 'Партнерлык аңлы: һәр як җаваплы затны (вазифаны) күрсәтә',
          },
          { field: 'responsibleRoles', actual: missing.join(', ') },
        ),
      );
  }
  if (data.endsOn && data.endsOn.isBefore(data.startsOn))
    findings.push(
      finding(
        R.termEndBeforeStart,
        {
          ru: 'Срок действия заканчивается раньше, чем начинается',
          en: 'The term ends before it starts',
          tt: 'Гамәлдә булу срогы башланганчы тәмамлана',
        },
        { field: 'endsOn', limit: data.startsOn.toString(), actual: data.endsOn.toString() },
      ),
    );
  if (!Number.isInteger(data.noticeDays) || data.noticeDays < 0 || data.noticeDays > MAX_NOTICE_DAYS)
    findings.push(
      finding(
        R.noticeInvalid,
        {
          ru: `Срок уведомления — целое число дней от 0 до ${MAX_NOTICE_DAYS}`,
          en: `The notice period is a whole number of days from 0 to ${MAX_NOTICE_DAYS}`,
          tt: `Кисәтү срогы — 0 белән ${MAX_NOTICE_DAYS} арасындагы бөтен көннәр саны`,
        },
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
            tt: `Челтәр формасы турындагы килешүдә Федераль законның (273-ФЗ) 15 статьясы 3 өлеше шартлары булырга тиеш; тутырылмаган: ${missing.join(', ')}`,
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
    !!t.resources &&
    t.resources.length > 0 &&
    t.resources.every((r) => !blank(r.obligation) && !blank(r.resource) && !blank(r.volume));
  return [
    blank(t.programme) ? 'programme' : null,
    blank(t.studentStatus) ? 'studentStatus' : null,
    resourcesOk ? null : 'resources',
    blank(t.documentsIssued) ? 'documentsIssued' : null,
    blank(t.amendmentProcedure) ? 'amendmentProcedure' : null,
  ].filter((name): name is string => name !== null);
}

/** `validateAgreement` as a Result: the agreement, or a 422 carrying every finding. */
export function checkAgreement(
  data: AgreementData,
  options: { requireResponsible?: boolean } = {},
): Result<AgreementData, DomainError> {
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

/** Checked only when a party signs: a draft may still lack them (the principles are checked on every save). */
export const SIGNING_ONLY_RULES: readonly RuleCode[] = [
  AGREEMENT_RULES.subjectRequired,
  AGREEMENT_RULES.networkTermsRequired,
];

/** What a draft must already meet on every save: `validateAgreement` without the signing-only rules. */
export function validateAgreementDraft(data: AgreementData): Finding[] {
  return validateAgreement(data).filter((f) => !SIGNING_ONLY_RULES.includes(f.rule));
}

/** Signed by at least one party, on any date: the terms are then frozen. */
export function isSignedByAnyParty(data: AgreementData): boolean {
  return AGREEMENT_PARTIES.some((p) => !!data.signatures[p]);
}

/**
 * The terms of an agreement change only while nobody has signed it; after a signature it can only be signed
 * by the other party, terminated or get its scan (`agreement.edit.signed`).
 */
export function checkAgreementEditable(data: AgreementData): Result<AgreementData, DomainError> {
  if (!isSignedByAnyParty(data)) return ok(data);
  return err(
    refusal(AGREEMENT_RULES.editSigned, {
      ru: 'Подписанное соглашение нельзя изменить: расторгните его и заключите новое',
      en: 'A signed agreement cannot be changed: terminate it and conclude a new one',
      tt: 'Имзаланган килешүне үзгәртеп булмый: аны өзегез һәм яңасын төзегез',
    }),
  );
}
