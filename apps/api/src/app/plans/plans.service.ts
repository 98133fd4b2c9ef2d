import { ActivityRecord, AgreementRecord, OrganisationRecord, PlanRecord } from '@socium/api-persistence';
import type {
  CreatePlanRequest,
  Page,
  PlanListQuery,
  PlanResponse,
  ReturnPlanRequest,
  UpdatePlanRequest,
} from '@socium/contracts';
import {
  ACTIVITY_RULES,
  approvePlan,
  checkPlanEditable,
  DateRange,
  Finding,
  finding,
  LocalDate,
  PLAN_RULES,
  returnPlan,
  ruleError,
  submitPlan,
  validatePlanAgainstAgreement,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, like, newId, snapshot } from '../common/crud.support';
import { AppError, conflict, fail, forbidden, notFound, orThrow } from '../http/app-error';
import { agreementTermFor, loadAgreement, planYear } from './plan-context';
import { toPlanResponse } from './plan.mapper';

/** The refusal of a second plan for one organisation, year and agreement (found here or by the unique index). */
export const planDuplicate = (): AppError =>
  conflict(
    'plan.duplicate',
    'The organisation already has a plan for this year and agreement',
    'У организации уже есть план на этот учебный год по этому соглашению',
    'Оешманың бу уку елына бу килешү буенча планы бар инде',
    'academicYear',
  );

/**
 * Joint plans (C3): one per organisation, academic year and agreement. The lifecycle is the domain's
 * (draft/returned → submitted → approved | returned); the plan's own fields change only while it is a
 * draft or returned. Partner representatives read the plans annexed to their agreements.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
  ) {}

  async list(c: Caller, q: PlanListQuery): Promise<Page<PlanResponse>> {
    const and: FilterQuery<PlanRecord>[] = [];
    const scope = await this.readScope(c);
    if (scope) and.push(scope);
    if (q.organisationId) and.push({ organisationId: q.organisationId });
    if (q.academicYear) and.push({ academicYear: q.academicYear });
    if (q.status) and.push({ status: q.status });
    if (q.agreementId) and.push({ agreementId: q.agreementId });
    if (q.q) and.push({ title: like(q.q) });
    const page = await findPage(
      this.em,
      PlanRecord,
      and.length ? { $and: and } : {},
      q,
      { academicYear: 'desc', createdAt: 'asc' },
      (r) => r,
    );
    const counts = await this.activityCounts(page.items.map((r) => r.id));
    return { ...page, items: page.items.map((r) => toPlanResponse(r, counts.get(r.id) ?? 0)) };
  }

  async get(c: Caller, id: string): Promise<PlanResponse> {
    return this.respond(await this.loadReadable(c, id));
  }

  async create(c: Caller, body: CreatePlanRequest): Promise<PlanResponse> {
    if (!this.access.canWritePlan(c, { organisationId: body.organisationId }))
      throw forbidden('plan.organisation.not-yours');
    const org = await this.em.findOne(OrganisationRecord, { id: body.organisationId });
    if (!org || org.kind === 'department')
      throw fail(
        PLAN_RULES.organisationInvalid,
        {
          ru: 'План составляет школа или учреждение-партнёр',
          en: 'A plan belongs to a school or a partner institution',
          tt: 'Планны мәктәп яки партнер учреждение төзи',
        },
        'organisationId',
      );
    const r = new PlanRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      organisationId: body.organisationId,
      academicYear: body.academicYear,
      agreementId: body.agreementId ?? null,
      title: body.title ?? '',
      status: 'draft',
    });
    await this.checkAgreement(r, org);
    await this.checkUnique(r);
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'plan',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toPlanResponse(r, 0);
  }

  async update(c: Caller, id: string, body: UpdatePlanRequest): Promise<PlanResponse> {
    const r = await this.loadWritable(c, id);
    checkVersion(r, body.version);
    orThrow(checkPlanEditable(r.status));
    const before = snapshot(r);
    const agreementChanged = body.agreementId !== undefined && (body.agreementId ?? null) !== r.agreementId;
    applyPatch(
      r,
      {
        title: body.title,
        agreementId: body.agreementId === undefined ? undefined : (body.agreementId ?? null),
      } as Partial<PlanRecord>,
      this.clock.nowIso(),
    );
    if (agreementChanged) {
      const org = await this.em.findOne(OrganisationRecord, { id: r.organisationId });
      await this.checkAgreement(r, org);
      await this.checkUnique(r);
      await this.checkActivitiesInsideTerm(r);
    }
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'plan',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return this.respond(r);
  }

  /** A draft or returned plan can be deleted with its activities, unless one of them was already held. */
  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.loadWritable(c, id);
    orThrow(checkPlanEditable(r.status));
    if (await this.em.count(ActivityRecord, { planId: id, status: 'held' }))
      throw fail(
        PLAN_RULES.deleteHasHeld,
        {
          ru: 'В плане есть проведённые мероприятия; удалить его нельзя',
          en: 'The plan has activities already held; it cannot be deleted',
          tt: 'Планда үткәрелгән чаралар бар; аны бетереп булмый',
        },
        'status',
      );
    const activities = await this.em.find(ActivityRecord, { planId: id });
    for (const a of activities) {
      this.audit.record(this.em, {
        userId: c.id,
        action: 'delete',
        objectType: 'activity',
        objectId: a.id,
        before: snapshot(a),
      });
      this.em.remove(a);
    }
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'plan',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  async submit(c: Caller, id: string): Promise<PlanResponse> {
    const r = await this.loadWritable(c, id);
    const status = orThrow(submitPlan(r.status));
    return this.transition(c, r, 'submit', () =>
      Object.assign(r, { status, submittedOn: this.clock.today().toString() }),
    );
  }

  async approve(c: Caller, id: string): Promise<PlanResponse> {
    const r = await this.loadReadable(c, id);
    const status = orThrow(approvePlan(r.status));
    return this.transition(c, r, 'approve', () =>
      Object.assign(r, { status, approvedOn: this.clock.today().toString(), returnComment: null }),
    );
  }

  async giveBack(c: Caller, id: string, body: ReturnPlanRequest): Promise<PlanResponse> {
    const r = await this.loadReadable(c, id);
    const moved = orThrow(returnPlan(r.status, body.comment));
    return this.transition(c, r, 'return', () =>
      Object.assign(r, { status: moved.status, returnComment: moved.comment }),
    );
  }

  /** Query conditions limiting plans to those the caller may read (null = all). */
  async readScope(c: Caller): Promise<FilterQuery<PlanRecord> | null> {
    if (this.access.isCoordinator(c)) return null;
    if (c.role !== 'partner_rep') return { organisationId: c.organisationId };
    const agreements = await this.em.find(
      AgreementRecord,
      { partnerId: c.organisationId },
      { fields: ['id'] as never, disableIdentityMap: true },
    );
    return { $or: [{ organisationId: c.organisationId }, { agreementId: { $in: agreements.map((a) => a.id) } }] };
  }

  async loadReadable(c: Caller, id: string): Promise<PlanRecord> {
    const r = await this.em.findOne(PlanRecord, { id });
    if (!r) throw notFound('plan');
    this.access.ensure(await this.canRead(c, r), 'plan');
    return r;
  }

  async canRead(c: Caller, r: PlanRecord): Promise<boolean> {
    if (this.access.canReadPlan(c, r)) return true;
    return c.role === 'partner_rep' && this.access.canReadPlan(c, r, await loadAgreement(this.em, r));
  }

  async loadWritable(c: Caller, id: string): Promise<PlanRecord> {
    const r = await this.loadReadable(c, id);
    if (!this.access.canWritePlan(c, r)) throw forbidden();
    return r;
  }

  private async respond(r: PlanRecord): Promise<PlanResponse> {
    return toPlanResponse(r, await this.em.count(ActivityRecord, { planId: r.id }));
  }

  private async activityCounts(planIds: string[]): Promise<Map<string, number>> {
    if (!planIds.length) return new Map();
    const knex = (this.em as SqlEntityManager).getKnex();
    const rows = (await knex('activity')
      .select('plan_id')
      .count('* as n')
      .whereIn('plan_id', planIds)
      .groupBy('plan_id')) as { plan_id: string; n: number | string }[];
    return new Map(rows.map((x) => [x.plan_id, Number(x.n)]));
  }

  private async transition(c: Caller, r: PlanRecord, action: string, change: () => void): Promise<PlanResponse> {
    const before = snapshot(r);
    change();
    r.version += 1;
    r.updatedAt = this.clock.nowIso();
    this.audit.record(this.em, {
      userId: c.id,
      action,
      objectType: 'plan',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return this.respond(r);
  }

  /** The agreement must exist, belong to the plan's organisation and be in force for part of the year. */
  private async checkAgreement(r: PlanRecord, org: OrganisationRecord | null): Promise<void> {
    if (!r.agreementId) return;
    const a = await this.em.findOne(AgreementRecord, { id: r.agreementId });
    if (!a || (a.schoolId !== r.organisationId && a.partnerId !== r.organisationId) || !org)
      throw fail(
        PLAN_RULES.agreementOtherOrganisation,
        {
          ru: 'Соглашение не относится к организации плана',
          en: "The agreement is not one of the plan's organisation",
          tt: 'Килешү планның оешмасына карамый',
        },
        'agreementId',
      );
    const year = planYear(r);
    const findings = validatePlanAgainstAgreement(year, agreementTermFor(a, year));
    if (findings.length) throw new AppError(ruleError(findings));
  }

  private async checkUnique(r: PlanRecord): Promise<void> {
    const clash = await this.em.count(PlanRecord, {
      organisationId: r.organisationId,
      academicYear: r.academicYear,
      agreementId: r.agreementId,
      id: { $ne: r.id },
    });
    if (clash) throw planDuplicate();
  }

  /** After a change of agreement every activity must still fall inside the new agreement's term. */
  private async checkActivitiesInsideTerm(r: PlanRecord): Promise<void> {
    const year = planYear(r);
    const term = agreementTermFor(await loadAgreement(this.em, r), year);
    if (!term) return;
    const outside = (await this.em.find(ActivityRecord, { planId: r.id })).filter(
      (a) => !inside(term, a.startsOn, a.endsOn),
    );
    const findings: Finding[] = outside.map((a) =>
      finding(
        ACTIVITY_RULES.outsideAgreementTerm,
        {
          ru: `Мероприятие «${a.title}» вне срока действия соглашения`,
          en: `Activity "${a.title}" falls outside the agreement's term`,
          tt: `«${a.title}» чарасы килешүнең гамәлдә булу срогыннан читтә`,
        },
        { field: 'agreementId', actual: a.id },
      ),
    );
    if (findings.length) throw new AppError(ruleError(findings));
  }
}

const inside = (range: DateRange, startsOn: string, endsOn: string): boolean =>
  range.contains(LocalDate.iso(startsOn)) && range.contains(LocalDate.iso(endsOn));
