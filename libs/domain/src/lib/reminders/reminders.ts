import { AgreementData } from '../agreement/agreement';
import { agreementStatus, effectiveEnd, noticeStanding } from '../agreement/agreement-term';
import { AcademicYear } from '../calendar/academic-year';
import { DomainError, err, LocalDate, ok, PERIOD_RULES, refusal, Result } from '../common';
import { isRecipientOverdue, RecipientState } from '../document/document';
import { PlanStatus } from '../plan/plan';

// What is due, computed once a day (issue 15 item 2): each reminder has a cause that names the thing and the
// moment (a term's end, a document's revision), so one cause gives one notification per person however often
// the computation runs.

export const REMINDER_KINDS = [
  'agreement.expiring',
  'agreement.notice-deadline',
  'plan.not-submitted',
  'plan.awaiting-approval',
  'document.overdue',
  'document.overdue-escalation',
  'placement.blocked-start',
  'organisation.vetting-expiring',
  'document.sent',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** An e-mail of a notification: waiting, sent, given up after the last attempt, or off (no SMTP, no address). */
export const EMAIL_STATES = ['pending', 'sent', 'failed', 'off'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/** Who is told: the users of one organisation, or every coordinator of the district. */
export type Addressee = { readonly organisationId: string } | { readonly coordinators: true };

export interface Reminder {
  readonly kind: ReminderKind;
  /** unique per thing and moment: the same cause is never notified twice to one person */
  readonly cause: string;
  readonly objectType: 'agreement' | 'plan' | 'document' | 'placement' | 'organisation';
  readonly objectId: string;
  readonly to: readonly Addressee[];
  /** the facts the message names (a number, a date, a count) */
  readonly params: Readonly<Record<string, string | number>>;
}

const COORDINATORS: Addressee = { coordinators: true };

/**
 * The panel path a reminder links to: its record's page, or for a school with no plan of the year the plans list
 * (where it makes one).
 */
export function reminderPath(r: Pick<Reminder, 'kind' | 'objectType' | 'objectId'>): string {
  if (r.objectType === 'organisation' && r.kind === 'plan.not-submitted') return '/plans';
  return `/${r.objectType}s/${r.objectId}`;
}

export interface AgreementForReminders {
  readonly id: string;
  readonly schoolId: string;
  readonly partnerId: string;
  readonly data: AgreementData;
}

/**
 * Agreements reaching the end of their term (status `expiring`, C4: within 60 days and not certain to renew) and
 * auto-renewing ones whose notice deadline is near (`noticeStanding` soon): both parties and the coordinators.
 */
export function agreementReminders(items: readonly AgreementForReminders[], today: LocalDate): Reminder[] {
  const out: Reminder[] = [];
  for (const a of items) {
    const to = [{ organisationId: a.schoolId }, { organisationId: a.partnerId }, COORDINATORS];
    const status = agreementStatus(a.data, today);
    if (status === 'expiring') {
      const end = (effectiveEnd(a.data, today) ?? today).toString();
      out.push({
        kind: 'agreement.expiring',
        cause: `agreement.expiring:${a.id}:${end}`,
        objectType: 'agreement',
        objectId: a.id,
        to,
        params: { number: a.data.number, date: end },
      });
    }
    const termEnd =
      a.data.autoRenew && status !== 'draft' && status !== 'terminated' ? effectiveEnd(a.data, today) : null;
    const notice = termEnd && noticeStanding(termEnd, a.data.noticeDays, today);
    if (notice?.standing === 'soon')
      out.push({
        kind: 'agreement.notice-deadline',
        cause: `agreement.notice-deadline:${a.id}:${notice.deadline.toString()}`,
        objectType: 'agreement',
        objectId: a.id,
        to,
        params: { number: a.data.number, date: notice.deadline.toString() },
      });
  }
  return out;
}

export interface PlanForReminders {
  readonly id: string;
  readonly organisationId: string;
  readonly academicYear: string;
  readonly status: PlanStatus;
  readonly submittedOn: string | null;
}

/** The default day by which a school submits its plan for a year: 1 October (a month into the year). */
export function defaultPlanSubmissionDeadline(year: AcademicYear): LocalDate {
  return LocalDate.of(year.startYear, 10, 1);
}

/** The year's submission deadline: the one the coordinator set for it, else the default. */
export function planSubmissionDeadline(year: AcademicYear, set: LocalDate | null | undefined): LocalDate {
  return set ?? defaultPlanSubmissionDeadline(year);
}

/** A deadline the coordinator sets must fall inside its academic year (1 September – 31 August). */
export function checkPlanSubmissionDeadline(year: AcademicYear, date: LocalDate): Result<LocalDate, DomainError> {
  if (year.contains(date)) return ok(date);
  return err(
    refusal(
      PERIOD_RULES.planDueOutsideYear,
      {
        ru: `Срок сдачи планов должен быть внутри ${year.label} учебного года`,
        en: `The plan submission deadline must fall inside the academic year ${year.label}`,
        tt: `Планнарны тапшыру срогы ${year.label} уку елы эчендә булырга тиеш`,
      },
      'planSubmissionDueOn',
    ),
  );
}

/**
 * Plans of the current academic year still a draft (or returned) after the submission deadline, and schools with no
 * plan for it at all: the school; plans waiting for approval: the coordinators. `submitBy` is the year's deadline
 * (the coordinator's, else 1 October); `schools` the ids of the district's schools (to find those without a plan).
 */
export function planReminders(
  plans: readonly PlanForReminders[],
  today: LocalDate,
  options: { submitBy?: LocalDate | null; schools?: readonly string[] } = {},
): Reminder[] {
  const current = AcademicYear.containing(today);
  const deadline = planSubmissionDeadline(current, options.submitBy);
  const late = today.isAfter(deadline);
  const out: Reminder[] = [];
  const notSubmitted = (organisationId: string, objectType: 'plan' | 'organisation', objectId: string): Reminder => ({
    kind: 'plan.not-submitted',
    cause: `plan.not-submitted:${objectType === 'plan' ? objectId : `${objectId}:${current.label}`}:${deadline}`,
    objectType,
    objectId,
    to: [{ organisationId }],
    params: { year: current.label, date: deadline.toString() },
  });
  for (const p of plans) {
    if ((p.status === 'draft' || p.status === 'returned') && p.academicYear === current.label && late)
      out.push(notSubmitted(p.organisationId, 'plan', p.id));
    if (p.status === 'submitted')
      out.push({
        kind: 'plan.awaiting-approval',
        cause: `plan.awaiting-approval:${p.id}:${p.submittedOn ?? ''}`,
        objectType: 'plan',
        objectId: p.id,
        to: [COORDINATORS],
        params: { year: p.academicYear, date: p.submittedOn ?? '' },
      });
  }
  if (late) {
    const planned = new Set(plans.filter((p) => p.academicYear === current.label).map((p) => p.organisationId));
    for (const school of options.schools ?? [])
      if (!planned.has(school)) out.push(notSubmitted(school, 'organisation', school));
  }
  return out;
}

export interface RecipientForReminders {
  readonly documentId: string;
  readonly number: string;
  readonly organisationId: string;
  readonly state: RecipientState;
  readonly dueOn: string | null;
  readonly revision: number;
  /** the recipient's name, listed in the coordinators' escalation */
  readonly organisationName?: string;
}

/**
 * Recipients that have not acknowledged a document by its due date: the organisation, and once per document and
 * revision the coordinators with the count and the names of the late ones (the escalation).
 */
export function documentReminders(rows: readonly RecipientForReminders[], today: LocalDate): Reminder[] {
  const out: Reminder[] = [];
  const late = new Map<string, { row: RecipientForReminders; count: number; names: string[] }>();
  for (const r of rows) {
    if (!isRecipientOverdue(r, r.dueOn ? LocalDate.iso(r.dueOn) : null, today)) continue;
    out.push({
      kind: 'document.overdue',
      cause: `document.overdue:${r.documentId}:${r.revision}:${r.organisationId}`,
      objectType: 'document',
      objectId: r.documentId,
      to: [{ organisationId: r.organisationId }],
      params: { number: r.number, date: r.dueOn ?? '' },
    });
    const key = `${r.documentId}:${r.revision}`;
    const seen = late.get(key);
    const names = [...(seen?.names ?? []), ...(r.organisationName ? [r.organisationName] : [])];
    late.set(key, { row: r, count: (seen?.count ?? 0) + 1, names });
  }
  for (const [key, { row, count, names }] of late)
    out.push({
      kind: 'document.overdue-escalation',
      cause: `document.overdue-escalation:${key}`,
      objectType: 'document',
      objectId: row.documentId,
      to: [COORDINATORS],
      params: {
        number: row.number,
        date: row.dueOn ?? '',
        count,
        ...(names.length ? { names: [...names].sort((a, b) => a.localeCompare(b, 'ru')).join('; ') } : {}),
      },
    });
  return out;
}

/** Days before its start from which a placement still blocked by missing paperwork is reminded of. */
export const BLOCKED_PLACEMENT_REMINDER_DAYS = 14;

export interface PlacementForReminders {
  readonly id: string;
  readonly schoolId: string;
  readonly jobTitle: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly status: 'blocked' | 'cleared';
}

/**
 * Placements still `blocked` (a consent or the medical clearance missing) that start within
 * `BLOCKED_PLACEMENT_REMINDER_DAYS` days (or started already and are not over): the school and the coordinators, once
 * per placement and start date — so that no placement starts blocked unnoticed (issue 14 item 3).
 */
export function placementReminders(items: readonly PlacementForReminders[], today: LocalDate): Reminder[] {
  return items
    .filter(
      (p) =>
        p.status === 'blocked' &&
        today.daysUntil(LocalDate.iso(p.startsOn)) <= BLOCKED_PLACEMENT_REMINDER_DAYS &&
        !today.isAfter(LocalDate.iso(p.endsOn)),
    )
    .map((p) => ({
      kind: 'placement.blocked-start',
      cause: `placement.blocked-start:${p.id}:${p.startsOn}`,
      objectType: 'placement',
      objectId: p.id,
      to: [{ organisationId: p.schoolId }, COORDINATORS],
      params: { job: p.jobTitle, date: p.startsOn },
    }));
}

/** How long before a partner's vetting confirmation runs out its users and the coordinators are reminded. */
export const VETTING_REMINDER_DAYS = 30;

export interface OrganisationForReminders {
  readonly id: string;
  readonly name: string;
  /** the last day the partner's confirmation of its staff's certificates (ТК ст. 351.1) holds; null: none recorded */
  readonly vettingValidUntil: string | null;
}

/**
 * Partners whose confirmation that the staff working with pupils hold certificates of no criminal record (ТК ст. 351.1)
 * runs out within `VETTING_REMINDER_DAYS` days, or ran out already: the partner's users and the coordinators, once per
 * organisation and date (a new date recorded gives a new reminder when that one nears).
 */
export function vettingReminders(items: readonly OrganisationForReminders[], today: LocalDate): Reminder[] {
  return items
    .filter((o) => o.vettingValidUntil && today.daysUntil(LocalDate.iso(o.vettingValidUntil)) <= VETTING_REMINDER_DAYS)
    .map((o) => ({
      kind: 'organisation.vetting-expiring',
      cause: `organisation.vetting-expiring:${o.id}:${o.vettingValidUntil}`,
      objectType: 'organisation',
      objectId: o.id,
      to: [{ organisationId: o.id }, COORDINATORS],
      params: { name: o.name, date: o.vettingValidUntil ?? '' },
    }));
}

export interface SentDocument {
  readonly id: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly title: string;
  readonly dueOn: string | null;
  readonly revision: number;
}

/**
 * A document sent (or its new version asking again): each recipient organisation is told once per revision — the
 * cause names the document, the revision and the organisation, so sending twice or from two processes tells nobody
 * twice, while a new version tells everyone again.
 */
export function documentSentNotices(doc: SentDocument, organisationIds: readonly string[]): Reminder[] {
  return [...new Set(organisationIds)].map((organisationId) => ({
    kind: 'document.sent',
    cause: `document.sent:${doc.id}:${doc.revision}:${organisationId}`,
    objectType: 'document',
    objectId: doc.id,
    to: [{ organisationId }],
    params: {
      number: doc.number,
      date: doc.issuedOn,
      title: doc.title,
      ...(doc.dueOn ? { due: doc.dueOn } : {}),
    },
  }));
}

/**
 * What an organisation without active users may do through a signed single-use link when a reminder concerns it:
 * acknowledge a document it was sent or is late with; null when the reminder asks nothing a link can do (it then
 * gets no e-mail, as nobody could act on it without an account).
 */
export function reminderLinkPurpose(r: Pick<Reminder, 'kind'>): 'document.acknowledge' | null {
  return r.kind === 'document.sent' || r.kind === 'document.overdue' ? 'document.acknowledge' : null;
}

/** The first contact e-mail of an organisation (its contacts are roles, each maybe with an address), else null. */
export function contactEmail(
  contacts: readonly { readonly email?: string | null }[] | null | undefined,
): string | null {
  return contacts?.find((c) => c.email)?.email ?? null;
}
