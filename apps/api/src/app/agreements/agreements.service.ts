import { AgreementRecord, DirectionRecord, FileRecord, OrganisationRecord, PlanRecord } from '@socium/api-persistence';
import type {
  AgreementListQuery,
  AgreementResponse,
  CreateAgreementRequest,
  Page,
  SignAgreementRequest,
  TerminateAgreementRequest,
  UpdateAgreementRequest,
} from '@socium/contracts';
import {
  AGREEMENT_RULES,
  checkAgreementDeletable,
  checkAgreementEditable,
  Finding,
  finding,
  LocalDate,
  ruleError,
  signAgreement,
  terminateAgreement,
  validateAgreementDraft,
} from '@socium/domain';

import { EntityManager, FilterQuery, raw } from '@mikro-orm/core';
import { Injectable, StreamableFile } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, like, newId, rareTrigrams, snapshot, textSearch } from '../common/crud.support';
import { JPEG, PDF, PNG, recogniseFile } from '../common/file-kinds';
import { AppError, conflict, forbidden, httpFailure, invalid, notFound, orThrow } from '../http/app-error';
import { organisationsNamed } from '../organisations/organisations-named';
import { withoutPlanFilter } from './agreement-plan.filter';
import { agreementPage } from './agreement-sort';
import { agreementStatusFilter } from './agreement-status.filter';
import { toAgreementData } from './agreement.data';
import { toAgreementResponse } from './agreement.mapper';
import { applyDueAmendments } from './amendment-apply';

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
const SCAN_KINDS = [PDF, JPEG, PNG];
const SAFE_ID = /^[A-Za-z0-9-]+$/;

/**
 * Agreements (C2). Status is derived on today's date by the domain and never stored. Drafts are checked
 * for the partnership principles on every save (goal, direction, obligations of both parties); responsible
 * roles, the subject and the network-form terms are required when a party signs. Once a party has signed,
 * the terms are frozen: the agreement can only be signed by the other party, terminated or get its scan.
 */
/**
 * By default each party's head is the responsible role (the person who signs for an organisation acts for
 * it); a client may name another role per party. Roles only, never private persons.
 */
export const DEFAULT_RESPONSIBLE_ROLES = {
  school: 'Руководитель образовательной организации',
  partner: 'Руководитель организации-партнёра',
} as const;

@Injectable()
export class AgreementsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
  ) {}

  async list(c: Caller, q: AgreementListQuery): Promise<Page<AgreementResponse>> {
    const today = this.clock.today();
    await applyDueAmendments(this.em, this.audit, today, this.clock.nowIso());
    if (q.directionId && !SAFE_ID.test(q.directionId)) return { items: [], total: 0, limit: q.limit, offset: q.offset };
    // the search looks at the number, the subject and the names of both parties
    const parties = q.q ? await organisationsNamed(this.em, q.q) : [];
    const rare = q.q ? await rareTrigrams(this.em, 'agreement', ['number', 'subject'], q.q) : [];
    /** The list's filters, built afresh for each query: a `raw()` fragment is used up by the first query it is in. */
    const filters = (): FilterQuery<AgreementRecord>[] => {
      const and: FilterQuery<AgreementRecord>[] = [];
      if (c.role === 'school_admin') and.push({ schoolId: c.organisationId });
      else if (c.role === 'partner_rep') and.push({ partnerId: c.organisationId });
      if (q.schoolId) and.push({ schoolId: q.schoolId });
      if (q.partnerId) and.push({ partnerId: q.partnerId });
      if (q.kind) and.push({ kind: q.kind });
      if (q.q)
        and.push({
          $or: [
            ...textSearch<AgreementRecord, 'agreement'>('agreement', ['number', 'subject'], q.q, { rare }),
            ...(parties.length ? [{ schoolId: { $in: parties } }, { partnerId: { $in: parties } }] : []),
          ],
        });
      if (q.directionId)
        and.push({
          [raw((alias: string) => `cast(${alias}.direction_ids as text)`)]: like(`"${q.directionId}"`),
        } as FilterQuery<AgreementRecord>);
      return and;
    };
    const and = filters();
    if (q.status) and.push(await agreementStatusFilter(this.em, q.status, today, filters()));
    if (q.withoutPlan) and.push(await withoutPlanFilter(this.em, q.withoutPlan === 'true', today, filters()));
    return agreementPage(this.em, and.length ? { $and: and } : {}, q, today, (r) => toAgreementResponse(r, today), {
      searched: !!q.q,
    });
  }

  async get(c: Caller, id: string): Promise<AgreementResponse> {
    return toAgreementResponse(await this.loadReadable(c, id), this.clock.today());
  }

  async create(c: Caller, body: CreateAgreementRequest): Promise<AgreementResponse> {
    if (!this.access.canWriteAgreement(c, { schoolId: body.schoolId })) throw forbidden('agreement.school.not-yours');
    const r = new AgreementRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      ...body,
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      responsibleRoles: { ...DEFAULT_RESPONSIBLE_ROLES, ...(body.responsibleRoles ?? {}) },
      networkTerms: body.networkTerms ?? null,
    });
    await this.checkDraft(r);
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'agreement',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toAgreementResponse(r, this.clock.today());
  }

  async update(c: Caller, id: string, body: UpdateAgreementRequest): Promise<AgreementResponse> {
    const r = await this.loadWritable(c, id);
    const { version, ...patch } = body;
    checkVersion(r, version);
    if (patch.schoolId && !this.access.canWriteAgreement(c, { schoolId: patch.schoolId }))
      throw forbidden('agreement.school.not-yours');
    orThrow(checkAgreementEditable(toAgreementData(r)));
    const before = snapshot(r);
    applyPatch(r, patch as Partial<AgreementRecord>, this.clock.nowIso());
    await this.checkDraft(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'agreement',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toAgreementResponse(r, this.clock.today());
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.loadWritable(c, id);
    orThrow(checkAgreementDeletable(toAgreementData(r), this.clock.today()));
    if (await this.em.count(PlanRecord, { agreementId: id }))
      throw conflict(
        'agreement.in-use',
        'Plans refer to this agreement; detach them first',
        'К соглашению привязаны планы; сначала отвяжите их',
        'Килешүгә планнар бәйләнгән; башта аларны аерыгыз',
      );
    if (r.scanFileId) this.em.remove(this.em.getReference(FileRecord, r.scanFileId));
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'agreement',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  async sign(c: Caller, id: string, body: SignAgreementRequest): Promise<AgreementResponse> {
    const r = await this.loadReadable(c, id);
    if (!this.access.canSignFor(c, r, body.party)) throw forbidden('agreement.sign.not-your-party');
    const today = this.clock.today();
    const signed = orThrow(signAgreement(toAgreementData(r), body.party, LocalDate.iso(body.signedOn), today));
    return this.transition(c, r, 'sign', today, () => {
      r.signedBySchoolOn = signed.signatures.school?.toString() ?? null;
      r.signedByPartnerOn = signed.signatures.partner?.toString() ?? null;
    });
  }

  async terminate(c: Caller, id: string, body: TerminateAgreementRequest): Promise<AgreementResponse> {
    const r = await this.loadWritable(c, id);
    const today = this.clock.today();
    const ended = orThrow(terminateAgreement(toAgreementData(r), LocalDate.iso(body.terminatedOn), body.reason, today));
    return this.transition(c, r, 'terminate', today, () => {
      r.terminatedOn = ended.terminatedOn?.toString() ?? null;
      r.terminationReason = ended.terminationReason ?? null;
    });
  }

  /** Stores the signed scan (PDF, JPEG or PNG recognised by its first bytes, ≤ 10 MB), replacing an earlier one. */
  async uploadScan(c: Caller, id: string, body: unknown): Promise<AgreementResponse> {
    const r = await this.loadWritable(c, id);
    const data = Buffer.isBuffer(body) ? body : null;
    if (data && data.length > MAX_SCAN_BYTES)
      throw httpFailure('agreement.scan.too-large', {
        en: 'The scan is larger than 10 MB',
        ru: 'Скан больше 10 МБ',
        tt: 'Сканерланган күчермә 10 МБтан зуррак',
      });
    const kind = data ? recogniseFile(data, SCAN_KINDS) : undefined;
    if (!data || !kind)
      throw invalid(
        'agreement.scan.type',
        'body',
        'The scan must be a PDF, JPEG or PNG file',
        'Скан должен быть файлом PDF, JPEG или PNG',
        'Сканерланган күчермә PDF, JPEG яки PNG файлы булырга тиеш',
      );
    const f = new FileRecord();
    Object.assign(f, {
      id: newId(),
      contentType: kind.type,
      fileName: `agreement-scan.${kind.ext}`,
      size: data.length,
      data,
      createdAt: this.clock.nowIso(),
    });
    this.em.persist(f);
    const old = r.scanFileId;
    if (old) this.em.remove(this.em.getReference(FileRecord, old));
    return this.transition(c, r, 'scan', this.clock.today(), () => {
      r.scanFileId = f.id;
    });
  }

  /** The scan as a download: only to those who may read the agreement, never rendered inline. */
  async downloadScan(c: Caller, id: string): Promise<StreamableFile> {
    const r = await this.loadReadable(c, id);
    const f = r.scanFileId ? await this.em.findOne(FileRecord, { id: r.scanFileId }, { populate: ['data'] }) : null;
    if (!f) throw notFound('agreement.scan');
    const name = `agreement-${r.number}.${f.fileName.split('.').pop() ?? 'bin'}`;
    const ascii = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return new StreamableFile(Buffer.from(f.data), {
      type: f.contentType,
      length: f.size,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }

  async loadReadable(c: Caller, id: string): Promise<AgreementRecord> {
    // a future-dated amendment whose date has come is written into the agreement first (its text in force today)
    await applyDueAmendments(this.em, this.audit, this.clock.today(), this.clock.nowIso(), id);
    const r = await this.em.findOne(AgreementRecord, { id });
    if (!r) throw notFound('agreement');
    this.access.ensure(this.access.canReadAgreement(c, r), 'agreement');
    return r;
  }

  private async loadWritable(c: Caller, id: string): Promise<AgreementRecord> {
    const r = await this.loadReadable(c, id);
    if (!this.access.canWriteAgreement(c, r)) throw forbidden();
    return r;
  }

  private async transition(
    c: Caller,
    r: AgreementRecord,
    action: string,
    today: LocalDate,
    change: () => void,
  ): Promise<AgreementResponse> {
    const before = snapshot(r);
    change();
    r.version += 1;
    r.updatedAt = this.clock.nowIso();
    this.audit.record(this.em, {
      userId: c.id,
      action,
      objectType: 'agreement',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toAgreementResponse(r, today);
  }

  /** References (parties of the right kinds, known directions) and the principles a draft must already meet. */
  private async checkDraft(r: AgreementRecord): Promise<void> {
    const [school, partner] = await Promise.all([
      this.em.findOne(OrganisationRecord, { id: r.schoolId }),
      this.em.findOne(OrganisationRecord, { id: r.partnerId }),
    ]);
    const findings: Finding[] = [];
    if (school?.kind !== 'school')
      findings.push(
        finding(
          AGREEMENT_RULES.partiesInvalid,
          {
            ru: 'Школа не найдена или не является школой',
            en: 'schoolId must be a school',
            tt: 'Мәктәп табылмады яки ул мәктәп түгел',
          },
          { field: 'schoolId' },
        ),
      );
    if (partner?.kind !== 'partner')
      findings.push(
        finding(
          AGREEMENT_RULES.partiesInvalid,
          {
            ru: 'Партнёр не найден или не является партнёром',
            en: 'partnerId must be a partner organisation',
            tt: 'Партнер табылмады яки ул партнер түгел',
          },
          { field: 'partnerId' },
        ),
      );
    const ids = [...new Set(r.directionIds ?? [])];
    if (ids.length && (await this.em.count(DirectionRecord, { id: { $in: ids } })) !== ids.length)
      findings.push(
        finding(
          AGREEMENT_RULES.directionsUnknown,
          { ru: 'Неизвестное направление', en: 'Unknown direction', tt: 'Билгесез юнәлеш' },
          { field: 'directionIds' },
        ),
      );
    findings.push(...validateAgreementDraft(toAgreementData(r)));
    if (findings.length) throw new AppError(ruleError(findings));
  }
}
