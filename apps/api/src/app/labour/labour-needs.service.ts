import { LabourNeedRecord, OrganisationRecord } from '@socium/api-persistence';
import type {
  CreateLabourNeedRequest,
  LabourNeedListQuery,
  LabourNeedResponse,
  Page,
  UpdateLabourNeedRequest,
} from '@socium/contracts';
import { LABOUR_NEED_RULES } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, like, newId, snapshot } from '../common/crud.support';
import { fail, notFound } from '../http/app-error';
import { toLabourNeedResponse } from './labour.mappers';

/** Labour-market needs (profession, sector, demand per academic year), kept by the coordinator. */
@Injectable()
export class LabourNeedsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  list(q: LabourNeedListQuery): Promise<Page<LabourNeedResponse>> {
    const where: FilterQuery<LabourNeedRecord> = {};
    if (q.academicYear) where.academicYear = q.academicYear;
    if (q.employerId) where.employerId = q.employerId;
    if (q.sector) where.sector = q.sector;
    if (q.q) where.profession = like(q.q);
    return findPage(
      this.em,
      LabourNeedRecord,
      where,
      q,
      { academicYear: 'desc', profession: 'asc' },
      toLabourNeedResponse,
    );
  }

  async get(id: string): Promise<LabourNeedResponse> {
    return toLabourNeedResponse(await this.load(id));
  }

  async create(c: Caller, body: CreateLabourNeedRequest): Promise<LabourNeedResponse> {
    await this.checkEmployer(body.employerId);
    const r = new LabourNeedRecord();
    const now = this.clock.nowIso();
    Object.assign(r, { ...body, id: newId(), version: 1, createdAt: now, updatedAt: now });
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'labour_need',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toLabourNeedResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateLabourNeedRequest): Promise<LabourNeedResponse> {
    const r = await this.load(id);
    const { version, ...patch } = body;
    checkVersion(r, version);
    if (patch.employerId) await this.checkEmployer(patch.employerId);
    const before = snapshot(r);
    applyPatch(r, patch as Partial<LabourNeedRecord>, this.clock.nowIso());
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'labour_need',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toLabourNeedResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(id);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'labour_need',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  private async load(id: string): Promise<LabourNeedRecord> {
    const r = await this.em.findOne(LabourNeedRecord, { id });
    if (!r) throw notFound('labour-need');
    return r;
  }

  private async checkEmployer(employerId: string | null): Promise<void> {
    if (!employerId) return;
    if (!(await this.em.count(OrganisationRecord, { id: employerId, kind: 'partner' }))) {
      const message = {
        ru: 'Работодатель должен быть организацией-партнёром',
        en: 'The employer must be a partner organisation',
      };
      throw fail(LABOUR_NEED_RULES.employerInvalid, message, 'employerId');
    }
  }
}
