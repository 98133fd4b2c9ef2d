import {
  DocumentFileRecord,
  DocumentRecipientRecord,
  DocumentRecord,
  FileRecord,
  OrganisationRecord,
  PlanRecord,
} from '@socium/api-persistence';
import type {
  CreateDocumentRequest,
  DocumentListQuery,
  DocumentResponse,
  Page,
  RecipientResponse,
  RecipientsResponse,
  UpdateDocumentRequest,
} from '@socium/contracts';
import {
  ACKNOWLEDGED_STATES,
  advanceRecipient,
  checkDocument,
  checkRecordedDate,
  checkResponsePlan,
  dueDateAfterWorkingDays,
  isRecipientOverdue,
  LocalDate,
  RecipientProgress,
  RecipientState,
  UNACKNOWLEDGED_STATES,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { CalendarService } from '../calendars/calendar.service';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, like, newId, snapshot } from '../common/crud.support';
import { notFound, orThrow } from '../http/app-error';
import { toDocumentResponse, toRecipientResponse } from './document.mapper';

/** An organisation acting through a single-use link (no user): `via` names the link in the audit log. */
export interface LinkActor {
  id: null;
  organisationId: string;
  via: string;
}

export type RecipientAction =
  | { action: 'receive'; incomingNumber?: string; receivedOn?: string }
  | { action: 'acknowledge'; comment?: string }
  | { action: 'respond'; response: string; planId?: string };
const TARGET: Record<RecipientAction['action'], RecipientState> = {
  receive: 'received',
  acknowledge: 'acknowledged',
  respond: 'responded',
};

/**
 * C6 documents: the coordinator registers and sends; each recipient organisation moves
 * sent → received → acknowledged → responded → closed (rules in `@socium/domain` document module).
 * A non-coordinator sees public documents and those sent to its organisation, and only its own
 * recipient row.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
  ) {}

  async list(c: Caller, q: DocumentListQuery): Promise<Page<DocumentResponse>> {
    const org = this.access.scopeOrganisation(c);
    const today = this.clock.today().toString();
    const and: FilterQuery<DocumentRecord>[] = [];
    if (org)
      and.push({ $or: [{ isPublic: true }, { id: { $in: await this.documentIdsOf({ organisationId: org }) } }] });
    if (q.isPublic) and.push({ isPublic: q.isPublic === 'true' });
    if (q.q) and.push({ $or: [{ number: like(q.q) }, { title: like(q.q) }] });
    if (q.overdue) {
      // overdue: past its due date with a recipient (the caller's own, for a non-coordinator) not acknowledged
      const late = {
        dueOn: { $ne: null, $lt: today },
        id: {
          $in: await this.documentIdsOf({
            state: { $in: [...UNACKNOWLEDGED_STATES] },
            ...(org ? { organisationId: org } : {}),
          }),
        },
      };
      and.push(q.overdue === 'true' ? late : { $not: late });
    }
    const where: FilterQuery<DocumentRecord> = and.length ? { $and: and } : {};
    const [rows, total] = await this.em.findAndCount(DocumentRecord, where, {
      limit: q.limit,
      offset: q.offset,
      orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
    });
    const counts = await this.counts(rows.map((r) => r.id));
    return {
      items: rows.map((r) => toDocumentResponse(r, counts.get(r.id) ?? { recipients: 0, acknowledged: 0 })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(c: Caller, id: string): Promise<DocumentResponse> {
    return this.respond(await this.loadReadable(c, id));
  }

  async create(c: Caller, body: CreateDocumentRequest): Promise<DocumentResponse> {
    this.checkRequisites(body);
    const r = new DocumentRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      number: body.number,
      title: body.title,
      issuedOn: body.issuedOn,
      summary: body.summary ?? '',
      dueOn: await this.dueDate(body.issuedOn, body.dueOn ?? null, body.dueWorkingDays ?? null),
      dueWorkingDays: body.dueWorkingDays ?? null,
      isPublic: body.isPublic ?? false,
    });
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'document',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return this.respond(r);
  }

  async update(c: Caller, id: string, body: UpdateDocumentRequest): Promise<DocumentResponse> {
    const r = await this.load(id);
    checkVersion(r, body.version);
    const patch: Partial<UpdateDocumentRequest> = { ...body };
    delete patch.version;
    // a deadline in working days follows the issue date; a fixed due date replaces it
    if (patch.dueOn !== undefined) patch.dueWorkingDays = null;
    const workingDays = patch.dueWorkingDays === undefined ? r.dueWorkingDays : patch.dueWorkingDays;
    if (workingDays) patch.dueOn = await this.dueDate(patch.issuedOn ?? r.issuedOn, null, workingDays);
    this.checkRequisites({
      number: patch.number ?? r.number,
      title: patch.title ?? r.title,
      issuedOn: patch.issuedOn ?? r.issuedOn,
      dueOn: patch.dueOn === undefined ? r.dueOn : patch.dueOn,
    });
    const before = snapshot(r);
    applyPatch(r, patch as Partial<DocumentRecord>, this.clock.nowIso());
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'document',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return this.respond(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(id);
    const recipients = await this.em.find(DocumentRecipientRecord, { documentId: id });
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'document',
      objectId: id,
      before: { ...snapshot(r), recipients: recipients.map(snapshot) },
    });
    for (const x of recipients) {
      this.em.remove(x);
      if (x.responseFileId) this.em.remove(this.em.getReference(FileRecord, x.responseFileId));
    }
    for (const f of await this.em.find(DocumentFileRecord, { documentId: id })) {
      this.em.remove(f);
      this.em.remove(this.em.getReference(FileRecord, f.fileId));
    }
    this.em.remove(r);
    await this.em.flush();
  }

  /**
   * receive / acknowledge / respond for the caller's organisation; not a recipient → 404. A single-use link acts for
   * its organisation without a user (`id: null`, the link named in the audit log).
   */
  async transition(c: Caller | LinkActor, id: string, a: RecipientAction): Promise<RecipientResponse> {
    const doc = await this.load(id);
    const r = await this.em.findOne(DocumentRecipientRecord, { documentId: doc.id, organisationId: c.organisationId });
    this.access.ensure(!!r, 'document');
    const rec = r as DocumentRecipientRecord;
    // the plan a response names: the responding organisation's own (a stored field of its line)
    if (a.action === 'respond' && a.planId)
      orThrow(
        checkResponsePlan(
          await this.em.findOne(PlanRecord, { id: a.planId }, { fields: ['organisationId'] }),
          c.organisationId,
        ),
      );
    const today = this.clock.today();
    const response = a.action === 'respond' ? a.response : null;
    // a receipt may be recorded for the day the organisation registered it (not later than today)
    const on =
      a.action === 'receive' && a.receivedOn
        ? orThrow(checkRecordedDate(LocalDate.iso(a.receivedOn), today, 'receivedOn'))
        : today;
    const next = orThrow(advanceRecipient(progressOf(rec), TARGET[a.action], on, response));
    const before = snapshot(rec);
    Object.assign(rec, {
      state: next.state,
      receivedOn: iso(next.receivedOn),
      acknowledgedOn: iso(next.acknowledgedOn),
      respondedOn: iso(next.respondedOn),
      response: next.response ?? null,
      closedOn: iso(next.closedOn),
      acknowledgedBy: rec.acknowledgedOn === null && next.acknowledgedOn ? c.id : rec.acknowledgedBy,
      incomingNumber: a.action === 'receive' && a.incomingNumber?.trim() ? a.incomingNumber.trim() : rec.incomingNumber,
      planId: a.action === 'respond' ? (a.planId ?? null) : rec.planId,
    });
    const after = {
      ...snapshot(rec),
      ...(a.action === 'acknowledge' && a.comment ? { comment: a.comment } : {}),
      ...('via' in c ? { via: c.via } : {}),
    };
    this.audit.record(this.em, {
      userId: c.id,
      action: a.action,
      objectType: 'document_recipient',
      objectId: rec.id,
      before,
      after,
    });
    await this.em.flush();
    return this.line(doc, rec);
  }

  /** One recipient's line as the API answers it (its organisation's name, overdue mark, plan and response file). */
  async line(doc: DocumentRecord, rec: DocumentRecipientRecord): Promise<RecipientResponse> {
    const [item] = await this.lines(doc, [rec]);
    return item as RecipientResponse;
  }

  /** The coordinator sees every recipient; anyone else only its own organisation's row. */
  async recipients(c: Caller, id: string): Promise<RecipientsResponse> {
    const doc = await this.loadReadable(c, id);
    const org = this.access.scopeOrganisation(c);
    const rows = await this.em.find(DocumentRecipientRecord, {
      documentId: doc.id,
      ...(org ? { organisationId: org } : {}),
    });
    const items = (await this.lines(doc, rows)).sort(
      (a, b) =>
        a.organisationName.localeCompare(b.organisationName, 'ru') || a.organisationId.localeCompare(b.organisationId),
    );
    return { items, total: items.length };
  }

  /** Recipient lines with what they name: organisations, plans and response files, one query each. */
  private async lines(doc: DocumentRecord, rows: DocumentRecipientRecord[]): Promise<RecipientResponse[]> {
    const ids = (pick: (r: DocumentRecipientRecord) => string | null) =>
      rows.map(pick).filter((x): x is string => x !== null);
    const orgs = await this.em.find(
      OrganisationRecord,
      { id: { $in: ids((r) => r.organisationId) } },
      { fields: ['id', 'name'] },
    );
    const planIds = ids((r) => r.planId);
    const plans = planIds.length ? await this.em.find(PlanRecord, { id: planIds }, { fields: ['id', 'title'] }) : [];
    const fileIds = ids((r) => r.responseFileId);
    const files = fileIds.length
      ? await this.em.find(FileRecord, { id: fileIds }, { fields: ['id', 'contentType', 'size', 'createdAt'] })
      : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const titles = new Map(plans.map((p) => [p.id, p.title]));
    const byId = new Map(files.map((f) => [f.id, f]));
    const today = this.clock.today();
    return rows.map((r) => {
      const f = r.responseFileId ? byId.get(r.responseFileId) : undefined;
      return toRecipientResponse(
        r,
        names.get(r.organisationId) ?? '',
        isRecipientOverdue(r as Pick<RecipientProgress, 'state'>, dueOf(doc), today),
        {
          planTitle: r.planId ? (titles.get(r.planId) ?? null) : null,
          responseFile: f
            ? { fileName: r.responseFileName ?? '', contentType: f.contentType, size: f.size, createdAt: f.createdAt }
            : null,
        },
      );
    });
  }

  async load(id: string): Promise<DocumentRecord> {
    const r = await this.em.findOne(DocumentRecord, { id });
    if (!r) throw notFound('document');
    return r;
  }

  async loadReadable(c: Caller, id: string): Promise<DocumentRecord> {
    const r = await this.load(id);
    if (this.access.isCoordinator(c) || r.isPublic) return r;
    const mine = await this.em.count(DocumentRecipientRecord, { documentId: id, organisationId: c.organisationId });
    this.access.ensure(this.access.canReadDocument(c, mine ? [c.organisationId] : [], r.isPublic), 'document');
    return r;
  }

  /** The due date: given, or N working days after the issue date on the stored working-day calendar (F1). */
  async dueDate(issuedOn: string, dueOn: string | null, workingDays: number | null): Promise<string | null> {
    if (!workingDays) return dueOn;
    const calendar = await this.calendars.workingCalendar();
    return dueDateAfterWorkingDays(LocalDate.iso(issuedOn), workingDays, (d) => calendar.isWorkingDay(d)).toString();
  }

  private checkRequisites(d: {
    number: string;
    title: string;
    issuedOn: string;
    dueOn: string | null | undefined;
  }): void {
    orThrow(
      checkDocument({
        number: d.number,
        title: d.title,
        issuedOn: LocalDate.iso(d.issuedOn),
        dueOn: d.dueOn ? LocalDate.iso(d.dueOn) : null,
      }),
    );
  }

  private async documentIdsOf(where: FilterQuery<DocumentRecipientRecord>): Promise<string[]> {
    return (await this.em.find(DocumentRecipientRecord, where, { fields: ['documentId'] })).map((r) => r.documentId);
  }

  /** Recipients and acknowledgements per document, one GROUP BY for a page. */
  private async counts(ids: string[]): Promise<Map<string, { recipients: number; acknowledged: number }>> {
    if (!ids.length) return new Map();
    const k = (this.em as SqlEntityManager).getKnex();
    const rows = await k('document_recipient as r')
      .whereIn('r.document_id', ids)
      .select(
        'r.document_id as id',
        k.raw('COUNT(*) as n'),
        // the domain's acknowledged states (hasAcknowledged), as bound values
        k.raw(`SUM(CASE WHEN r.state IN (${ACKNOWLEDGED_STATES.map(() => '?').join(', ')}) THEN 1 ELSE 0 END) as ack`, [
          ...ACKNOWLEDGED_STATES,
        ]),
      )
      .groupBy('r.document_id');
    return new Map(
      rows.map((x: Record<string, unknown>) => [
        String(x['id']),
        { recipients: Number(x['n']), acknowledged: Number(x['ack'] ?? 0) },
      ]),
    );
  }

  private async respond(r: DocumentRecord): Promise<DocumentResponse> {
    return toDocumentResponse(r, (await this.counts([r.id])).get(r.id) ?? { recipients: 0, acknowledged: 0 });
  }
}

const iso = (d: LocalDate | null | undefined): string | null => (d ? d.toString() : null);
const date = (s: string | null): LocalDate | null => (s ? LocalDate.iso(s) : null);
const dueOf = (d: DocumentRecord): LocalDate | null => date(d.dueOn);

/** A stored recipient row as the domain's progress. */
export function progressOf(r: DocumentRecipientRecord): RecipientProgress {
  return {
    state: r.state,
    sentOn: LocalDate.iso(r.sentOn),
    receivedOn: date(r.receivedOn),
    acknowledgedOn: date(r.acknowledgedOn),
    respondedOn: date(r.respondedOn),
    response: r.response,
    closedOn: date(r.closedOn),
  };
}
