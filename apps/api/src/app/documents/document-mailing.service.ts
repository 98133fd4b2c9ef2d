import { DocumentRecipientRecord, OrganisationRecord } from '@socium/api-persistence';
import type {
  CloseRecipientRequest,
  DocumentResponse,
  RecipientResponse,
  RecipientsResponse,
  ReissueDocumentRequest,
  SendDocumentRequest,
} from '@socium/contracts';
import {
  advanceRecipient,
  checkRecipients,
  DOCUMENT_RULES,
  finding,
  LocalDate,
  reissuedRecipient,
  ruleError,
  type SentDocument,
} from '@socium/domain';

import { DriverException, EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { checkVersion, newId, snapshot } from '../common/crud.support';
import { describeError } from '../common/database-errors';
import { AppError, fail, notFound, orThrow } from '../http/app-error';
import { RemindersService } from '../notifications/reminders.service';
import { dropResponses } from './document-files.service';
import { DocumentsService, progressOf } from './documents.service';

/**
 * The coordinator's side of a mailing (F1): send to named organisations or to an audience (every school,
 * organisations of some kinds or partner types), close a recipient's line, and issue a new version that asks every
 * recipient again. The recipients' own steps (receive, acknowledge, respond) are `DocumentsService.transition`.
 */
@Injectable()
export class DocumentMailingService {
  private readonly log = new Logger('Documents');

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly documents: DocumentsService,
    private readonly reminders: RemindersService,
  ) {}

  /**
   * Sends to the named organisations and the audience; those that already have it are left as they are. The new
   * recipients and their notifications and e-mails are stored in one transaction: all of them or none.
   */
  async send(c: Caller, id: string, body: SendDocumentRequest): Promise<RecipientsResponse> {
    const created = await this.em.transactional((tx) => this.sendIn(tx, c, id, body));
    this.reminders.afterSent(created);
    return this.documents.recipients(c, id);
  }

  private async sendIn(tx: EntityManager, c: Caller, id: string, body: SendDocumentRequest): Promise<number> {
    const doc = await this.documents.load(id);
    const named = body.recipientIds ?? [];
    if (named.length) orThrow(checkRecipients(named));
    const known = new Set(
      (await this.em.find(OrganisationRecord, { id: { $in: named } }, { fields: ['id'] })).map((o) => o.id),
    );
    const unknown = named.filter((x) => !known.has(x));
    if (unknown.length) {
      throw new AppError(
        ruleError(
          unknown.map((x) =>
            finding(
              DOCUMENT_RULES.recipientsUnknown,
              {
                ru: `Организация ${x} не найдена`,
                en: `Organisation ${x} does not exist`,
                tt: `Оешма табылмады: ${x}`,
              },
              { field: 'recipientIds', actual: x },
            ),
          ),
        ),
      );
    }
    const audience = body.audience ? await this.audienceOf(body.audience) : [];
    if (body.audience && audience.length === 0 && named.length === 0)
      throw fail(
        DOCUMENT_RULES.audienceEmpty,
        {
          ru: 'В выбранной группе нет организаций',
          en: 'No organisation belongs to the chosen audience',
          tt: 'Сайланган төркемдә бер оешма да юк',
        },
        'audience',
      );
    const wanted = [...new Set([...named, ...audience])];
    const already = new Set(
      (await this.em.find(DocumentRecipientRecord, { documentId: id }, { fields: ['organisationId'] })).map(
        (r) => r.organisationId,
      ),
    );
    const fresh = wanted.filter((x) => !already.has(x));
    const today = this.clock.today().toString();
    for (const organisationId of fresh) {
      const r = new DocumentRecipientRecord();
      Object.assign(r, {
        id: newId(),
        documentId: id,
        organisationId,
        revision: doc.revision,
        ...recipientDates(reissuedRecipient(LocalDate.iso(today))),
        acknowledgedBy: null,
        incomingNumber: null,
      });
      this.em.persist(r);
    }
    if (fresh.length)
      this.audit.record(this.em, {
        userId: c.id,
        action: 'send',
        objectType: 'document',
        objectId: doc.id,
        before: { recipientIds: [...already] },
        after: {
          recipientIds: [...already, ...fresh],
          sentOn: today,
          ...(body.audience ? { audience: body.audience } : {}),
        },
      });
    await this.em.flush();
    return this.notify(tx, doc, fresh);
  }

  /** Closes one recipient's line once it has acknowledged (the domain's transition rules). */
  async close(c: Caller, id: string, body: CloseRecipientRequest): Promise<RecipientResponse> {
    const doc = await this.documents.load(id);
    const r = await this.em.findOne(DocumentRecipientRecord, {
      documentId: doc.id,
      organisationId: body.organisationId,
    });
    if (!r) throw notFound('document');
    const before = snapshot(r);
    const next = orThrow(advanceRecipient(progressOf(r), 'closed', this.clock.today()));
    Object.assign(r, recipientDates(next));
    this.audit.record(this.em, {
      userId: c.id,
      action: 'close',
      objectType: 'document_recipient',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    const row = (await this.documents.recipients(c, id)).items.find((x) => x.organisationId === body.organisationId);
    return row as RecipientResponse;
  }

  /**
   * A new version: the changed text and deadline, `revision` + 1, and every recipient asked again from today (its
   * earlier steps stay in the audit log with the reason).
   */
  async reissue(c: Caller, id: string, body: ReissueDocumentRequest): Promise<DocumentResponse> {
    // the new version, its recipients asked again and their notifications: one transaction
    const created = await this.em.transactional((tx) => this.reissueIn(tx, c, id, body));
    this.reminders.afterSent(created);
    return this.documents.get(c, id);
  }

  private async reissueIn(tx: EntityManager, c: Caller, id: string, body: ReissueDocumentRequest): Promise<number> {
    const doc = await this.documents.load(id);
    checkVersion(doc, body.version);
    const before = snapshot(doc);
    const today = this.clock.today();
    const workingDays = body.dueOn !== undefined ? null : (body.dueWorkingDays ?? doc.dueWorkingDays);
    // the new version's working days count from the day it is issued again
    const due = workingDays
      ? await this.documents.dueDate(today.toString(), null, workingDays)
      : (body.dueOn ?? doc.dueOn);
    Object.assign(doc, {
      title: body.title ?? doc.title,
      summary: body.summary ?? doc.summary,
      dueOn: due,
      dueWorkingDays: workingDays,
      revision: doc.revision + 1,
      version: doc.version + 1,
      updatedAt: this.clock.nowIso(),
    });
    if (doc.dueOn && doc.dueOn < doc.issuedOn)
      throw fail(
        DOCUMENT_RULES.dueBeforeIssued,
        {
          ru: 'Срок исполнения раньше даты документа',
          en: 'The due date is before the issue date',
          tt: 'Үтәү срогы документ датасыннан иртәрәк',
        },
        'dueOn',
      );
    const recipients = await this.em.find(DocumentRecipientRecord, {
      documentId: id,
    } as FilterQuery<DocumentRecipientRecord>);
    for (const r of recipients)
      Object.assign(r, {
        ...recipientDates(reissuedRecipient(today)),
        acknowledgedBy: null,
        incomingNumber: null,
        revision: doc.revision,
      });
    dropResponses(this.em, recipients);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'reissue',
      objectType: 'document',
      objectId: doc.id,
      before,
      after: { ...snapshot(doc), reason: body.reason, recipientsAskedAgain: recipients.length },
    });
    await this.em.flush();
    return this.notify(
      tx,
      doc,
      recipients.map((r) => r.organisationId),
    );
  }

  /**
   * The notifications and e-mails of a send, in its transaction; a failure to store them undoes the send and answers
   * 503 (nothing was sent: try again) instead of an anonymous 500.
   */
  private async notify(tx: EntityManager, doc: SentDocument, organisationIds: readonly string[]): Promise<number> {
    try {
      return await this.reminders.documentSent(tx, doc, organisationIds);
    } catch (e) {
      this.log.error(`Document ${doc.id}: its notifications could not be stored, the send is undone: ${reasonOf(e)}`);
      throw fail(DOCUMENT_RULES.notificationsUnstored, {
        ru: 'Документ не отправлен: не удалось сохранить уведомления получателям. Ничего не изменено, повторите попытку',
        en: "The document was not sent: its recipients' notifications could not be stored. Nothing was changed; try again",
        tt: 'Документ җибәрелмәде: алучыларга белдерүләрне саклап булмады. Бернәрсә дә үзгәрмәде, кабатлап карагыз',
      });
    }
  }

  /** The organisations of an audience: every school, and those of the kinds and partner types named. */
  private async audienceOf(a: NonNullable<SendDocumentRequest['audience']>): Promise<string[]> {
    const or: FilterQuery<OrganisationRecord>[] = [];
    const kinds = [...(a.kinds ?? []), ...(a.schools ? (['school'] as const) : [])];
    if (kinds.length) or.push({ kind: { $in: kinds } });
    if (a.partnerTypes?.length) or.push({ kind: 'partner', partnerType: { $in: a.partnerTypes } });
    if (!or.length) return [];
    return (await this.em.find(OrganisationRecord, { $or: or }, { fields: ['id'] })).map((o) => o.id);
  }
}

type Dated = Pick<
  DocumentRecipientRecord,
  'state' | 'sentOn' | 'receivedOn' | 'acknowledgedOn' | 'respondedOn' | 'response' | 'closedOn'
>;

/** The stored columns of a recipient's progress. */
function recipientDates(p: ReturnType<typeof reissuedRecipient>): Dated {
  const iso = (d: LocalDate | null | undefined) => (d ? d.toString() : null);
  return {
    state: p.state,
    sentOn: p.sentOn.toString(),
    receivedOn: iso(p.receivedOn),
    acknowledgedOn: iso(p.acknowledgedOn),
    respondedOn: iso(p.respondedOn),
    response: p.response ?? null,
    closedOn: iso(p.closedOn),
  };
}

/**
 * What may be logged of a failed write: a driver error as `describeError` keeps it; a raw query's error (its message is
 * the SQL with the values, e-mail addresses among them, then ` - ` and the database's reason) only by its reason.
 */
function reasonOf(e: unknown): string {
  if (e instanceof DriverException || !(e instanceof Error)) return describeError(e);
  return `${e.name}: ${e.message.split(' - ').pop() ?? ''}`;
}
