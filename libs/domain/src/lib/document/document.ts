import {
  DOCUMENT_RULES,
  DomainError,
  domainError,
  err,
  Finding,
  finding,
  LocalDate,
  ok,
  Result,
  ruleError,
} from '../common';

// Documents sent to institutions with acknowledgement (C6; domain-rules F). Each recipient moves
// sent → received → acknowledged → responded → closed. Deadlines count working days; the working-day
// calendar is injected as a predicate.

export const RECIPIENT_STATES = ['sent', 'received', 'acknowledged', 'responded', 'closed'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export interface DocumentInput {
  readonly number: string;
  readonly title: string;
  readonly issuedOn: LocalDate;
  /** null = no deadline */
  readonly dueOn?: LocalDate | null;
}

/** One recipient organisation's progress through a document. */
export interface RecipientProgress {
  readonly state: RecipientState;
  readonly sentOn: LocalDate;
  readonly receivedOn?: LocalDate | null;
  readonly acknowledgedOn?: LocalDate | null;
  readonly respondedOn?: LocalDate | null;
  /** the recipient's plan or comment */
  readonly response?: string | null;
  readonly closedOn?: LocalDate | null;
}

/** Empty or whitespace only. */
const blank = (text: string | null | undefined): boolean => !text || text.trim() === '';

/** Checks a document's requisites: number, title, and a due date not before the issue date. */
export function validateDocument(input: DocumentInput): Finding[] {
  const R = DOCUMENT_RULES;
  const findings: Finding[] = [];
  if (blank(input.number))
    findings.push(
      finding(
        R.numberRequired,
        {
          ru: 'Укажите регистрационный номер документа',
          en: 'A registration number is required',
          tt: 'Документның теркәү номерын күрсәтегез',
        },
        { field: 'number' },
      ),
    );
  if (blank(input.title))
    findings.push(
      finding(
        R.titleRequired,
        { ru: 'Укажите заголовок документа', en: 'A title is required', tt: 'Исем күрсәтелергә тиеш' },
        { field: 'title' },
      ),
    );
  if (input.dueOn && input.dueOn.isBefore(input.issuedOn))
    findings.push(
      finding(
        R.dueBeforeIssued,
        {
          ru: 'Срок исполнения раньше даты документа',
          en: 'The due date is before the issue date',
          tt: 'Үтәү срогы документ датасыннан иртәрәк',
        },
        { field: 'dueOn', limit: input.issuedOn.toString(), actual: input.dueOn.toString() },
      ),
    );
  return findings;
}

/** `validateDocument` as a Result: the input, or a 422 carrying every finding. */
export function checkDocument(input: DocumentInput): Result<DocumentInput, DomainError> {
  const findings = validateDocument(input);
  return findings.length > 0 ? err(ruleError(findings)) : ok(input);
}

/** Checks the recipients of a mailing: at least one, no blank or repeated id, none that already got it. */
export function validateRecipients(ids: readonly string[], alreadySent: readonly string[] = []): Finding[] {
  const R = DOCUMENT_RULES;
  const findings: Finding[] = [];
  if (ids.length === 0 || ids.some(blank))
    findings.push(
      finding(
        R.recipientsRequired,
        {
          ru: 'Выберите хотя бы одного получателя',
          en: 'Choose at least one recipient',
          tt: 'Кимендә бер алучыны сайлагыз',
        },
        { field: 'recipientIds', limit: 1, actual: ids.length },
      ),
    );
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length > 0)
    findings.push(
      finding(
        R.recipientsDuplicate,
        { ru: 'Получатель указан дважды', en: 'A recipient is named twice', tt: 'Алучы ике тапкыр күрсәтелгән' },
        { field: 'recipientIds', actual: repeated.join(', ') },
      ),
    );
  const again = ids.filter((id, i) => alreadySent.includes(id) && ids.indexOf(id) === i);
  if (again.length > 0)
    findings.push(
      finding(
        R.recipientsAlreadySent,
        {
          ru: 'Документ уже отправлен этим получателям',
          en: 'The document was already sent to these recipients',
          tt: 'Документ бу алучыларга инде җибәрелгән',
        },
        { field: 'recipientIds', actual: again.join(', ') },
      ),
    );
  return findings;
}

/** `validateRecipients` as a Result: the ids, or a 422 carrying every finding. */
export function checkRecipients(
  ids: readonly string[],
  alreadySent: readonly string[] = [],
): Result<readonly string[], DomainError> {
  const findings = validateRecipients(ids, alreadySent);
  return findings.length > 0 ? err(ruleError(findings)) : ok(ids);
}

type DateField = 'sentOn' | 'receivedOn' | 'acknowledgedOn' | 'respondedOn' | 'closedOn';
const DATE_OF: Readonly<Record<RecipientState, DateField>> = {
  sent: 'sentOn',
  received: 'receivedOn',
  acknowledged: 'acknowledgedOn',
  responded: 'respondedOn',
  closed: 'closedOn',
};

/**
 * Forward moves only. Skipped steps are recorded on the same day (acknowledging records receipt too);
 * closing needs at least an acknowledgement.
 */
export function canAdvanceRecipient(from: RecipientState, to: RecipientState): boolean {
  const [i, j] = [RECIPIENT_STATES.indexOf(from), RECIPIENT_STATES.indexOf(to)];
  return j > i && (to !== 'closed' || i >= RECIPIENT_STATES.indexOf('acknowledged'));
}

/** Moves a recipient forward on `on`, filling the dates of skipped steps; `response` is required to respond. */
export function advanceRecipient(
  recipient: RecipientProgress,
  to: RecipientState,
  on: LocalDate,
  response?: string | null,
): Result<RecipientProgress, DomainError> {
  const R = DOCUMENT_RULES;
  if (!canAdvanceRecipient(recipient.state, to))
    return err(
      domainError(
        R.recipientTransitionInvalid,
        'rule',
        {
          ru: `Получателя нельзя перевести из статуса «${recipient.state}» в «${to}»`,
          en: `A recipient cannot move from "${recipient.state}" to "${to}"`,
          tt: `Алучыны «${recipient.state}» статусыннан «${to}» статусына күчереп булмый`,
        },
        {
          field: 'state',
          details: [
            finding(
              R.recipientTransitionInvalid,
              { ru: 'Недопустимый переход', en: 'Illegal transition', tt: 'Рөхсәт ителмәгән күчү' },
              { limit: recipient.state, actual: to },
            ),
          ],
        },
      ),
    );
  const latest = RECIPIENT_STATES.reduce((max, s) => {
    const date = recipient[DATE_OF[s]];
    return date ? LocalDate.max(max, date) : max;
  }, recipient.sentOn);
  const text = response?.trim() ?? '';
  const findings: Finding[] = [];
  if (on.isBefore(latest))
    findings.push(
      finding(
        R.recipientDateBeforePrevious,
        {
          ru: 'Дата раньше предыдущего шага',
          en: 'The date is before the previous step',
          tt: 'Дата элеккеге адымның датасыннан иртәрәк',
        },
        { field: 'on', limit: latest.toString(), actual: on.toString() },
      ),
    );
  if (to === 'responded' && text === '')
    findings.push(
      finding(
        R.recipientResponseRequired,
        {
          ru: 'Приложите ответ: план или комментарий',
          en: 'A response (a plan or a comment) is required',
          tt: 'Җавапны беркетегез: план яки аңлатма',
        },
        { field: 'response' },
      ),
    );
  if (findings.length > 0) return err(ruleError(findings));
  const filled: { [K in DateField]?: LocalDate } = {};
  // a recipient may be closed without a response: responding is recorded only when it is the move asked for
  for (const state of RECIPIENT_STATES.slice(
    RECIPIENT_STATES.indexOf(recipient.state) + 1,
    RECIPIENT_STATES.indexOf(to) + 1,
  ))
    if (state !== 'responded' || to === 'responded') filled[DATE_OF[state]] = on;
  return ok({ ...recipient, ...filled, state: to, ...(to === 'responded' ? { response: text } : {}) });
}

/**
 * The plan a response names must be the responding organisation's own (a partner's joint plan read through its
 * agreement belongs to the school, which answers with it itself). `plan` is null when no such plan exists.
 */
export function checkResponsePlan(
  plan: { readonly organisationId: string } | null,
  organisationId: string,
): Result<true, DomainError> {
  if (plan && plan.organisationId === organisationId) return ok(true);
  return err(
    domainError(
      DOCUMENT_RULES.responsePlanNotOwn,
      'rule',
      {
        ru: 'Ответ может ссылаться только на план работы вашей организации',
        en: "A response may name only the responding organisation's own work plan",
        tt: 'Җавапта бары тик үз оешмагызның эш планы гына күрсәтелә ала',
      },
      { field: 'planId' },
    ),
  );
}

/** A response file may be attached or replaced until the organisation responds (it is part of the response). */
export function checkResponseFileOpen(state: RecipientState): Result<true, DomainError> {
  if (canAdvanceRecipient(state, 'responded')) return ok(true);
  return err(
    domainError(
      DOCUMENT_RULES.responseFileLocked,
      'rule',
      {
        ru: 'Ответ уже дан: его файл нельзя заменить',
        en: 'The response has been given: its file can no longer change',
        tt: 'Җавап инде бирелгән: аның файлын алыштырып булмый',
      },
      { field: 'body' },
    ),
  );
}

/** Whether the recipient has acknowledged (acknowledged, responded or closed). */
export function hasAcknowledged(recipient: Pick<RecipientProgress, 'state'>): boolean {
  return RECIPIENT_STATES.indexOf(recipient.state) >= RECIPIENT_STATES.indexOf('acknowledged');
}

/** Overdue: not acknowledged yet (sent or received) and `today` is after the due date. */
export function isRecipientOverdue(
  recipient: Pick<RecipientProgress, 'state'>,
  dueOn: LocalDate | null | undefined,
  today: LocalDate,
): boolean {
  return !!dueOn && !hasAcknowledged(recipient) && today.isAfter(dueOn);
}

/** Acknowledged on or before the due date (indicator #13); without a due date any acknowledgement is on time. */
export function acknowledgedOnTime(
  recipient: Pick<RecipientProgress, 'acknowledgedOn'>,
  dueOn: LocalDate | null | undefined,
): boolean {
  return !!recipient.acknowledgedOn && (!dueOn || !recipient.acknowledgedOn.isAfter(dueOn));
}

/** The largest span searched for working days (ten years), so that a broken calendar cannot loop for ever. */
const MAX_SEARCH_DAYS = 3660;

/** The day N working days after `issuedOn` (the issue day itself not counted); N = 0 gives `issuedOn`. */
export function dueDateAfterWorkingDays(
  issuedOn: LocalDate,
  n: number,
  isWorkingDay: (date: LocalDate) => boolean,
): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new Error(`dueDateAfterWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let date = issuedOn;
  for (let counted = 0, searched = 0; counted < n; ) {
    date = date.addDays(1);
    if (++searched > MAX_SEARCH_DAYS) throw new Error('dueDateAfterWorkingDays: no working days in the calendar');
    if (isWorkingDay(date)) counted++;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`), e.g. days to acknowledge. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, isWorkingDay: (date: LocalDate) => boolean): number {
  let count = 0;
  for (let date = from.addDays(1); !date.isAfter(to); date = date.addDays(1)) if (isWorkingDay(date)) count++;
  return count;
}

/** A date the recipient records (received on …) may not lie after `today`. */
export function checkRecordedDate(on: LocalDate, today: LocalDate, field: string): Result<LocalDate, DomainError> {
  if (!on.isAfter(today)) return ok(on);
  return err(
    ruleError([
      finding(
        DOCUMENT_RULES.recipientDateInFuture,
        {
          ru: 'Дата не может быть позже сегодняшней',
          en: 'The date cannot be later than today',
          tt: 'Дата бүгенгедән соңрак була алмый',
        },
        { field, limit: today.toString(), actual: on.toString() },
      ),
    ]),
  );
}

/**
 * A new version of a document asks every recipient again (F1): each goes back to `sent` on `on`, its earlier
 * steps cleared (the history stays in the audit log).
 */
export function reissuedRecipient(on: LocalDate): RecipientProgress {
  return {
    state: 'sent',
    sentOn: on,
    receivedOn: null,
    acknowledgedOn: null,
    respondedOn: null,
    response: null,
    closedOn: null,
  };
}
