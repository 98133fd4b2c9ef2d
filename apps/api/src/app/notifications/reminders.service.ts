import {
  AgreementRecord,
  DocumentRecipientRecord,
  DocumentRecord,
  isPostgres,
  NotificationRecord,
  OrganisationRecord,
  PlacementRecord,
  PlanRecord,
  UserRecord,
} from '@socium/api-persistence';
import type { ReminderRunResponse } from '@socium/contracts';
import {
  AcademicYear,
  agreementReminders,
  BLOCKED_PLACEMENT_REMINDER_DAYS,
  contactEmail,
  documentReminders,
  documentSentNotices,
  LANGUAGES,
  LocalDate,
  placementReminders,
  planReminders,
  Reminder,
  reminderLinkPurpose,
  reminderMessage,
  ReminderMessage,
  reminderPath,
  VETTING_REMINDER_DAYS,
  vettingReminders,
  type Language,
  type SentDocument,
} from '@socium/domain';

import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AGREEMENT_TERM_FIELDS, toAgreementData } from '../agreements/agreement.data';
import { applyDueAmendments } from '../agreements/amendment-apply';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendars/calendar.service';
import { ClockService } from '../clock/clock.service';
import { newId, readPlain } from '../common/crud.support';
import { runSql } from '../common/plain-sql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LINK_TEXTS } from '../links/link-texts';
import { LinksService, SYSTEM_MADE } from '../links/links.service';
import { PublicCacheService } from '../publication/public-cache.service';
import { newPublicChange, publicChangeOf } from '../publication/public-changes';
import { MailerService } from './mailer.service';

/** The advisory lock under which one PostgreSQL-backed process computes the reminders (any fixed 64-bit key). */
const REMINDER_LOCK_KEY = 7_215_001;
/** At most this many attempts per e-mail; the wait doubles from `SOCIUM_EMAIL_RETRY_SECONDS`, at most an hour. */
export const EMAIL_MAX_ATTEMPTS = 5;
/** A claimed e-mail is another process's for this long (it is being sent). */
const CLAIM_MS = 5 * 60_000;

/**
 * What is due (issue 15 item 2): the domain computes reminders from agreements, plans and documents; each becomes an
 * in-app notification for every active user it concerns, once per cause (a unique index, so a second run or a
 * second process adds nothing), and an e-mail when SMTP is configured. E-mails are claimed row by row before
 * sending, so two processes never send one twice; a refusal is retried with back-off and shown to the coordinator.
 */
@Injectable()
export class RemindersService {
  private readonly log = new Logger('Reminders');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
    private readonly mailer: MailerService,
    private readonly calendars: CalendarService,
    private readonly links: LinksService,
    private readonly audit: AuditService,
    private readonly publicCache: PublicCacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One pass: apply the amendments whose date has come, compute and store the notifications (from the agreements as
   * amended), then send the e-mails that are due.
   */
  async run(): Promise<ReminderRunResponse> {
    const today = this.clock.today();
    await this.applyAmendments(today);
    const created = await this.notify(today);
    const mail = await this.deliver();
    return {
      ran: created !== null,
      reminders: created?.reminders ?? 0,
      notificationsCreated: created?.created ?? 0,
      ...mail,
      emailEnabled: this.mailer.enabled,
    };
  }

  /**
   * The daily pass, when today's (the district's date) has not run yet in any process: the scheduler asks every
   * minute, so the pass runs once a day just after midnight, and at start only when the day's pass is missing (a
   * restart in the middle of the day does not run it again, docs/benchmarks.md). The day is recorded once a pass has
   * run; a process that found the pass running elsewhere (the lock, `ran: false`) looks again a minute later. Returns
   * null when today's pass had already run.
   */
  async runIfDue(): Promise<ReminderRunResponse | null> {
    const em = this.em.fork();
    const day = this.clock.today().toString();
    if ((await runSql(em, 'select 1 as found from reminder_pass where day = ?', [day])).length) return null;
    const result = await this.run();
    if (result.ran)
      await runSql(em, 'insert into reminder_pass (day, ran_at) values (?, ?) on conflict (day) do nothing', [
        day,
        this.clock.nowIso(),
      ]);
    return result;
  }

  /**
   * Future-dated amendments whose date has come written into their agreements (issue 14), even when nobody reads
   * them, under the run's lock (one process does it). A daily pass runs outside any request, so no interceptor
   * collects its flushes for the public cache: the pass collects them itself and drops the public pages of the
   * amended agreements' organisations (here and, through the shared log, in the other processes) once committed.
   */
  private async applyAmendments(today: LocalDate): Promise<number> {
    const change = newPublicChange();
    const applied = await publicChangeOf.run(change, () =>
      (this.em.fork() as SqlEntityManager).transactional(async (tx) => {
        if (isPostgres(tx.getKnex())) {
          const rows = await tx.execute('select pg_try_advisory_xact_lock(?) as locked', [REMINDER_LOCK_KEY]);
          if (!rows[0]?.['locked']) return 0;
        }
        return applyDueAmendments(tx, this.audit, today, this.clock.nowIso());
      }),
    );
    if (applied) {
      this.log.log(`${applied} amendment(s) took effect`);
      await this.publicCache.written(change);
    }
    return applied;
  }

  /** Stores the due notifications; null when another process holds the run. */
  private async notify(today: LocalDate): Promise<{ reminders: number; created: number } | null> {
    const em = this.em.fork() as SqlEntityManager;
    // computed before the transaction (SQLite has one connection), letting requests in between its reads; stored
    // under the lock
    const reminders = await this.compute(em, today);
    return em.transactional(async (tx) => {
      if (isPostgres((tx as SqlEntityManager).getKnex())) {
        const rows = await tx.execute('select pg_try_advisory_xact_lock(?) as locked', [REMINDER_LOCK_KEY]);
        if (!rows[0]?.['locked']) return null;
      }
      const created = await this.store(tx, reminders);
      if (created) this.log.log(`${created} new notification(s) from ${reminders.length} reminder(s)`);
      return { reminders: reminders.length, created };
    });
  }

  /**
   * A document sent, or its new version asking again: every user of each recipient organisation gets a
   * notification and an e-mail through the outbox, an organisation without users an e-mail with a link to acknowledge
   * it — once per revision and recipient (the unique index), however often it is sent and by how many processes.
   * Written in `tx`, the send's own transaction: the send and its e-mails are stored together or not at all. Returns
   * how many rows are new; `afterSent` then lets them leave.
   */
  async documentSent(tx: EntityManager, doc: SentDocument, organisationIds: readonly string[]): Promise<number> {
    const notices = documentSentNotices(doc, organisationIds);
    if (!notices.length) return 0;
    const created = await this.store(tx, notices);
    if (created) this.log.log(`Document ${doc.id} revision ${doc.revision}: ${created} notification(s) to send`);
    return created;
  }

  /** After the send's transaction is committed: where the scheduler runs, its e-mails leave now, not on its next minute. */
  afterSent(created: number): void {
    // (tests run the outbox by hand)
    if (created && this.mailer.enabled && this.config.reminders.daily)
      void this.deliver().catch((e: unknown) => this.log.error(`E-mail delivery failed: ${String(e)}`));
  }

  /**
   * Stores the notifications of `reminders` (each user reads it in the language of their last log-in, Russian when
   * unknown) and the e-mails to organisations without users; returns how many rows are new.
   */
  private async store(tx: EntityManager, reminders: readonly Reminder[]): Promise<number> {
    const users = await readPlain(tx, UserRecord, { disabled: false }, { fields: [...USER_FIELDS] });
    const now = this.clock.nowIso();
    const emailOn = this.mailer.enabled;
    const audience = audienceOf(users);
    const rows = reminders.flatMap((r) => {
      // a message in each language its readers speak, made only for a reminder someone reads (most have no user at
      // region size: a pass computes some ten thousand)
      const messages = new Map<Language, ReminderMessage>();
      return recipientsOf(r, audience).map((u): NotificationRecord => {
        const lang = languageOf(u.language);
        let message = messages.get(lang);
        if (!message) messages.set(lang, (message = reminderMessage(r, lang)));
        return {
          ...outboxRow(r, message, now, emailOn && !!u.email),
          userId: u.id,
          link: `${this.config.publicUrl ?? ''}/admin${reminderPath(r)}`,
        };
      });
    });
    if (emailOn) rows.push(...(await this.organisationRows(tx, reminders, users, now)));
    let created = 0;
    // one insert per batch; a cause already notified to that user is skipped by the unique index
    for (let i = 0; i < rows.length; i += 200) {
      const res = await (tx as SqlEntityManager)
        .createQueryBuilder(NotificationRecord)
        .insert(rows.slice(i, i + 200))
        .onConflict(['userId', 'cause'])
        .ignore()
        .execute('run');
      created += res.affectedRows ?? 0;
    }
    return created;
  }

  /**
   * E-mails to the organisations a reminder concerns that have no active user but a contact e-mail, when a link can
   * do what it asks (acknowledge a document): in the organisation's language (Russian unless set), with a signed single-use link
   * made only for a cause not mailed to that organisation before. The row's `userId` is the organisation's id.
   */
  private async organisationRows(
    tx: EntityManager,
    reminders: readonly Reminder[],
    users: readonly UserRow[],
    now: string,
  ): Promise<NotificationRecord[]> {
    const withUsers = new Set(users.filter((u) => u.role !== 'coordinator').map((u) => u.organisationId));
    const wanted = reminders.flatMap((r) => {
      const purpose = reminderLinkPurpose(r);
      return purpose
        ? r.to.flatMap((a) =>
            'organisationId' in a && !withUsers.has(a.organisationId)
              ? [{ r, purpose, organisationId: a.organisationId }]
              : [],
          )
        : [];
    });
    if (!wanted.length) return [];
    const orgIds = [...new Set(wanted.map((w) => w.organisationId))];
    const orgs = new Map(
      (await tx.find(OrganisationRecord, { id: { $in: orgIds } }, { fields: ['id', 'contacts', 'language'] })).map(
        (o) => [o.id, { to: contactEmail(o.contacts), lang: languageOf(o.language) }],
      ),
    );
    const mailed = new Set(
      (
        await tx.find(
          NotificationRecord,
          { userId: { $in: orgIds }, cause: { $in: wanted.map((w) => w.r.cause) } },
          { fields: ['userId', 'cause'] },
        )
      ).map((n) => `${n.userId} ${n.cause}`),
    );
    const out: NotificationRecord[] = [];
    for (const { r, purpose, organisationId } of wanted) {
      const { to, lang } = orgs.get(organisationId) ?? { to: null, lang: 'ru' as const };
      if (!to || mailed.has(`${organisationId} ${r.cause}`)) continue;
      const { url } = await this.links.issue(tx, {
        purpose,
        objectId: r.objectId,
        organisationId,
        email: to,
        createdBy: SYSTEM_MADE,
      });
      const message = reminderMessage(r, lang);
      out.push({
        ...outboxRow(r, { ...message, body: `${message.body}\n\n${LINK_TEXTS[lang].mailIntro[purpose]}` }, now, true),
        userId: organisationId,
        // the page the link opens speaks the e-mail's language
        link: lang === 'ru' ? url : `${url}?lang=${lang}`,
        emailTo: to,
      });
    }
    return out;
  }

  /**
   * The reminders due today. At region size a pass reads some 40,000 rows: each read is plain records (no managed
   * entities), an overdue document's recipients are read one document at a time, and the pass pauses after each step
   * (`paced`), so requests answered meanwhile wait tens of milliseconds, not the whole pass.
   */
  private async compute(em: SqlEntityManager, today: LocalDate): Promise<Reminder[]> {
    const agreements = await paced(() =>
      readPlain(
        em,
        AgreementRecord,
        { terminatedOn: null },
        { fields: ['id', 'number', 'schoolId', 'partnerId', ...AGREEMENT_TERM_FIELDS] },
      ),
    );
    const plans = await paced(() =>
      readPlain(
        em,
        PlanRecord,
        { status: { $in: ['draft', 'returned', 'submitted'] } },
        { fields: ['id', 'organisationId', 'academicYear', 'status', 'submittedOn'] },
      ),
    );
    const placements = await paced(() =>
      readPlain(
        em,
        PlacementRecord,
        {
          status: 'blocked',
          startsOn: { $lte: today.addDays(BLOCKED_PLACEMENT_REMINDER_DAYS).toString() },
          endsOn: { $gte: today.toString() },
        },
        { fields: ['id', 'schoolId', 'jobTitle', 'startsOn', 'endsOn', 'status'] },
      ),
    );
    const recipients: OverdueRecipient[] = [];
    for (const d of await paced(() => overdueDocuments(em, today)))
      recipients.push(...(await paced(() => overdueRecipients(em, d))));
    const submitBy = await this.calendars.planSubmissionDeadline(AcademicYear.containing(today), em);
    const schools = await paced(async () =>
      (await readPlain(em, OrganisationRecord, { kind: 'school' }, { fields: ['id'] })).map((o) => o.id),
    );
    const vetted = await paced(() =>
      readPlain(
        em,
        OrganisationRecord,
        { vettingValidUntil: { $ne: null, $lte: today.addDays(VETTING_REMINDER_DAYS).toString() } },
        { fields: ['id', 'name', 'vettingValidUntil'] },
      ),
    );
    const reminders = await paced(() => [
      ...agreementReminders(
        agreements.map((a) => ({ id: a.id, schoolId: a.schoolId, partnerId: a.partnerId, data: toAgreementData(a) })),
        today,
      ),
      ...planReminders(plans, today, { submitBy, schools }),
    ]);
    return paced(() => [
      ...reminders,
      ...documentReminders(recipients, today),
      ...placementReminders(placements, today),
      ...vettingReminders(vetted, today),
    ]);
  }

  /** Sends every e-mail whose time has come, each claimed first so that only one process sends it. */
  async deliver(): Promise<{ emailsSent: number; emailsFailed: number }> {
    if (!this.mailer.enabled) return { emailsSent: 0, emailsFailed: 0 };
    const em = this.em.fork() as SqlEntityManager;
    const k = em.getKnex();
    const now = this.clock.nowMs();
    const due = await k('notification as n')
      .leftJoin('app_user as u', 'u.id', 'n.user_id')
      .where('n.email_state', 'pending')
      .where('n.email_next_at', '<=', new Date(now).toISOString())
      .orderBy('n.created_at')
      .limit(200)
      .select('n.id', 'n.subject', 'n.body', 'n.link', 'n.email_attempts', 'n.email_next_at', 'n.email_to', 'u.email');
    let emailsSent = 0;
    let emailsFailed = 0;
    for (const row of due as Record<string, unknown>[]) {
      const id = String(row['id']);
      const claimedUntil = new Date(now + CLAIM_MS).toISOString();
      const claimed = await k('notification')
        .where({ id, email_state: 'pending', email_next_at: row['email_next_at'] })
        .update({ email_next_at: claimedUntil });
      if (!claimed) continue;
      const attempts = Number(row['email_attempts'] ?? 0) + 1;
      try {
        await this.mailer.send({
          to: String(row['email_to'] ?? row['email']),
          subject: String(row['subject']),
          text: `${String(row['body'])}\n\n${String(row['link'])}\n`,
        });
        await k('notification').where({ id }).update({
          email_state: 'sent',
          email_attempts: attempts,
          email_sent_at: this.clock.nowIso(),
          email_next_at: null,
          email_error: null,
        });
        emailsSent++;
      } catch (e) {
        const error = String((e as Error).message ?? e).slice(0, 500);
        const last = attempts >= EMAIL_MAX_ATTEMPTS;
        const wait = Math.min(this.config.email.retrySeconds * 2 ** (attempts - 1), 3600) * 1000;
        await k('notification')
          .where({ id })
          .update({
            email_state: last ? 'failed' : 'pending',
            email_attempts: attempts,
            email_next_at: last ? null : new Date(this.clock.nowMs() + wait).toISOString(),
            email_error: error,
          });
        this.log.warn(`E-mail of notification ${id} refused (attempt ${attempts}): ${error}`);
        emailsFailed++;
      }
    }
    return { emailsSent, emailsFailed };
  }
}

/**
 * The pass runs beside the requests, in the same event loop: at region size each of its reads holds the loop
 * 10–90 ms, and near a busy API's capacity the requests queued behind such a stretch need several times as long
 * again to be answered. So each step of the pass is followed by a pause `PASS_PAUSE_FACTOR` times its own length
 * (at most `PASS_PAUSE_MAX_MS`): the requests get through before the next step, and a daily pass that takes two
 * seconds instead of half a second costs nobody anything (docs/benchmarks.md). Small databases pause a few ms.
 */
const PASS_PAUSE_FACTOR = 4;
const PASS_PAUSE_MAX_MS = 500;

/** Runs one step of the pass, then pauses in proportion to how long it took (`PASS_PAUSE_FACTOR`). */
async function paced<T>(step: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await step();
  await sleep(Math.min(PASS_PAUSE_MAX_MS, PASS_PAUSE_FACTOR * (performance.now() - started)));
  return value;
}

/** A recipient of an overdue document that has not acknowledged it, as `documentReminders` reads it. */
interface OverdueRecipient {
  documentId: string;
  number: string;
  organisationId: string;
  state: DocumentRecipientRecord['state'];
  dueOn: string | null;
  revision: number;
  organisationName: string;
}

/** A document whose acknowledgement date has passed, as the pass reads it. */
type OverdueDocument = Pick<DocumentRecord, 'id' | 'number' | 'dueOn' | 'revision'>;

/** The documents whose acknowledgement date has passed (documents are few; their recipients are many). */
function overdueDocuments(em: SqlEntityManager, today: LocalDate): Promise<OverdueDocument[]> {
  return readPlain(
    em,
    DocumentRecord,
    { dueOn: { $ne: null, $lt: today.toString() } },
    { fields: ['id', 'number', 'dueOn', 'revision'] },
  );
}

/** The recipients of one overdue document that have not acknowledged it, with their names. */
async function overdueRecipients(em: SqlEntityManager, d: OverdueDocument): Promise<OverdueRecipient[]> {
  const k = em.getKnex();
  const rows: Record<string, unknown>[] = await k('document_recipient as r')
    .join('organisation as o', 'o.id', 'r.organisation_id')
    .where('r.document_id', d.id)
    .whereIn('r.state', ['sent', 'received'])
    .select('r.organisation_id', 'r.state', k.raw("coalesce(nullif(o.short_name, ''), o.name) as organisation_name"));
  return rows.map((x) => ({
    documentId: d.id,
    number: d.number,
    organisationId: String(x['organisation_id']),
    state: x['state'] as DocumentRecipientRecord['state'],
    dueOn: d.dueOn,
    revision: Number(d.revision ?? 1),
    organisationName: String(x['organisation_name'] ?? ''),
  }));
}

/** An outbox row of one reminder, before its addressee (`userId`, `link`, `emailTo`) is set. */
function outboxRow(
  r: Reminder,
  message: ReminderMessage,
  now: string,
  email: boolean,
): Omit<NotificationRecord, 'userId' | 'link'> {
  return {
    id: newId(),
    cause: r.cause,
    kind: r.kind,
    objectType: r.objectType,
    objectId: r.objectId,
    subject: message.subject,
    body: message.body,
    createdAt: now,
    readAt: null,
    emailState: email ? 'pending' : 'off',
    emailAttempts: 0,
    emailNextAt: email ? now : null,
    emailError: null,
    emailSentAt: null,
    emailTo: null,
  };
}

/** A stored language, Russian when unset or unknown. */
function languageOf(l: string | null | undefined): Language {
  return LANGUAGES.find((x) => x === l) ?? 'ru';
}

const USER_FIELDS = ['id', 'role', 'organisationId', 'email', 'language'] as const;
type UserRow = Pick<UserRecord, (typeof USER_FIELDS)[number]>;

/** The active users a reminder may address: the coordinators, and the others by organisation. */
interface Audience {
  coordinators: UserRow[];
  byOrganisation: Map<string | null, UserRow[]>;
}

function audienceOf(users: readonly UserRow[]): Audience {
  const audience: Audience = { coordinators: [], byOrganisation: new Map() };
  for (const u of users) {
    if (u.role === 'coordinator') audience.coordinators.push(u);
    else {
      const mine = audience.byOrganisation.get(u.organisationId);
      if (mine) mine.push(u);
      else audience.byOrganisation.set(u.organisationId, [u]);
    }
  }
  return audience;
}

/** The active users a reminder is for: those of the organisations named, and every coordinator if named. */
function recipientsOf(r: Reminder, audience: Audience): UserRow[] {
  const orgs = new Set(r.to.flatMap((a) => ('organisationId' in a ? [a.organisationId] : [])));
  const out = [...orgs].flatMap((org) => audience.byOrganisation.get(org) ?? []);
  if (r.to.some((a) => 'coordinators' in a)) out.push(...audience.coordinators);
  return out;
}
