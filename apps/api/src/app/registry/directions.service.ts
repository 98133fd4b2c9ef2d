import { ActivityRecord, AgreementRecord, DirectionRecord } from '@socium/api-persistence';
import type {
  CreateDirectionRequest,
  DirectionResponse,
  ListQuery,
  Page,
  UpdateDirectionRequest,
} from '@socium/contracts';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, like, newId, snapshot } from '../common/crud.support';
import { AppError, conflict, notFound } from '../http/app-error';
import { toDirectionResponse } from './registry.mappers';

/** The configurable list of directions of work; the nine defaults are seeded on the first start. */
/** 409 direction.code.taken: the service's own check and the database's unique index (a race) say it alike. */
export const directionCodeTaken = (code?: string): AppError =>
  code === undefined
    ? conflict('direction.code.taken', 'The code is taken', 'Код уже занят', 'Код инде алынган', 'code')
    : conflict(
        'direction.code.taken',
        `The code "${code}" is taken`,
        `Код «${code}» уже занят`,
        `«${code}» коды инде алынган`,
        'code',
      );

@Injectable()
export class DirectionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  list(q: ListQuery): Promise<Page<DirectionResponse>> {
    const where: FilterQuery<DirectionRecord> = q.q ? { $or: [{ code: like(q.q) }, { name: like(q.q) }] } : {};
    return findPage(this.em, DirectionRecord, where, q, { createdAt: 'asc' }, toDirectionResponse);
  }

  async get(id: string): Promise<DirectionResponse> {
    return toDirectionResponse(await this.load(id));
  }

  async create(c: Caller, body: CreateDirectionRequest): Promise<DirectionResponse> {
    if (await this.em.count(DirectionRecord, { code: body.code })) throw directionCodeTaken(body.code);
    const r = new DirectionRecord();
    const now = this.clock.nowIso();
    Object.assign(r, { id: newId(), version: 1, createdAt: now, updatedAt: now, code: body.code, name: body.name });
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'direction',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toDirectionResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateDirectionRequest): Promise<DirectionResponse> {
    const r = await this.load(id);
    const { version, ...patch } = body;
    checkVersion(r, version);
    const before = snapshot(r);
    applyPatch(r, patch as Partial<DirectionRecord>, this.clock.nowIso());
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'direction',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toDirectionResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(id);
    const activities = await this.em.count(ActivityRecord, { directionId: id });
    // directionIds is a JSON list: matched as text, the same on SQLite and PostgreSQL
    const agreements = activities
      ? 0
      : (await this.em.find(AgreementRecord, {}, { fields: ['id', 'directionIds'] })).filter((a) =>
          a.directionIds.includes(id),
        ).length;
    if (activities + agreements > 0)
      throw conflict(
        'direction.in-use',
        'Agreements or activities use this direction',
        'Направление используется в соглашениях или мероприятиях',
        'Юнәлеш килешүләрдә яки чараларда кулланыла',
      );
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'direction',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  private async load(id: string): Promise<DirectionRecord> {
    const r = await this.em.findOne(DirectionRecord, { id });
    if (!r) throw notFound('direction');
    return r;
  }
}
