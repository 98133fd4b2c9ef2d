import { LabourNeedRecord, OrganisationRecord } from '@socium/api-persistence';
import type {
  CreateLabourNeedRequest,
  LabourCoverageQuery,
  LabourCoverageResponse,
  LabourNeedListQuery,
  LabourNeedResponse,
  Page,
  UpdateLabourNeedRequest,
} from '@socium/contracts';
import { AcademicYear, LABOUR_NEED_RULES, professionCoverage, uncoveredProfessions } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, like, newId, snapshot } from '../common/crud.support';
import { fail, notFound, orThrow } from '../http/app-error';
import { ReportQueries } from '../reports/report.queries';
import { toLabourNeedResponse } from './labour.mappers';

/** Labour-market needs (profession, sector, demand per academic year), kept by the coordinator. */
@Injectable()
export class LabourNeedsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly access: AccessService,
  ) {}

  /**
   * Indicator #10 of the academic year with the report's own queries and domain functions: the year's needs
   * (district-wide) against the profession tags of its activities that were not cancelled (the school's own for a
   * school administrator, or the school the coordinator names).
   */
  async coverage(c: Caller, q: LabourCoverageQuery): Promise<LabourCoverageResponse> {
    const scope = this.access.reportScope(c, q.organisationId);
    if (scope && !(await this.em.count(OrganisationRecord, { id: scope }))) throw notFound('organisation');
    const year = orThrow(AcademicYear.parse(q.academicYear));
    const db = new ReportQueries((this.em as SqlEntityManager).getKnex(), {
      start: year.range.start.toString(),
      end: year.range.last.toString(),
      scope,
      today: this.clock.today().toString(),
      academicYear: year.label,
    });
    const [needs, covered] = await Promise.all([db.labourNeeds(), db.coveredProfessions()]);
    const totals = professionCoverage(needs, covered);
    return {
      academicYear: year.label,
      organisationId: scope,
      demanded: totals.demanded,
      covered: totals.covered,
      ratio: totals.ratio,
      uncovered: uncoveredProfessions(needs, covered).map((n) => ({ profession: n.profession, demand: n.demand })),
    };
  }

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
        tt: 'Эш бирүче партнер оешма булырга тиеш',
      };
      throw fail(LABOUR_NEED_RULES.employerInvalid, message, 'employerId');
    }
  }
}
