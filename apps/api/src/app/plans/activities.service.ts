import { ActivityRecord, DirectionRecord, OrganisationRecord, PlanRecord } from '@socium/api-persistence';
import type {
  ActivityListQuery,
  ActivityOutcomeRequest,
  ActivityResponse,
  ConfirmActivityRequest,
  CreateActivityRequest,
  Page,
  UpdateActivityRequest,
} from '@socium/contracts';
import {
  ACTIVITY_RULES,
  ActivityOutcome,
  checkActivitiesOpen,
  confirmParticipation,
  Finding,
  finding,
  LocalDate,
  plannedDatesAfterEdit,
  recordOutcome,
  ruleError,
  screenActivityText,
  validateActivity,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import {
  anyRecord,
  applyPatch,
  checkVersion,
  findPage,
  narrowingTrigrams,
  newId,
  rareTrigrams,
  snapshot,
  textSearch,
} from '../common/crud.support';
import { AppError, fail, forbidden, notFound, orThrow } from '../http/app-error';
import { organisationsNamed } from '../organisations/organisations-named';
import { screenText } from '../publication/text-screen';
import { agreementTermFor, loadAgreement, planYear } from './plan-context';
import { toActivityResponse } from './plan.mapper';
import { PlansService } from './plans.service';

/** At most this many public unconfirmed activities are screened for one list of texts awaiting confirmation. */
const PENDING_TEXT_CANDIDATES = 5000;

/**
 * Activities of joint plans. Schools add and change activities during the whole year, so a plan takes new
 * activities in every status except `closed` (the approval covers the plan; the audit log shows later
 * additions). Dates must fall inside the plan's academic year and the agreement's term; organisation and
 * year come from the plan. Held activities are evidence: they cannot be deleted.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly plans: PlansService,
  ) {}

  async list(c: Caller, q: ActivityListQuery): Promise<Page<ActivityResponse>> {
    return this.page(q, [await this.readScope(c)]);
  }

  async listOfPlan(c: Caller, planId: string, q: ActivityListQuery): Promise<Page<ActivityResponse>> {
    await this.plans.loadReadable(c, planId);
    return this.page(q, [{ planId }]);
  }

  async get(c: Caller, id: string): Promise<ActivityResponse> {
    return toActivityResponse((await this.loadReadable(c, id)).activity);
  }

  async create(c: Caller, planId: string, body: CreateActivityRequest): Promise<ActivityResponse> {
    const plan = await this.plans.loadWritable(c, planId);
    this.checkOpen(plan);
    const r = new ActivityRecord();
    const now = this.clock.nowIso();
    const endsOn = body.endsOn ?? body.startsOn;
    Object.assign(r, {
      ...body,
      endsOn,
      plannedStartsOn: body.startsOn,
      plannedEndsOn: endsOn,
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      planId: plan.id,
      organisationId: plan.organisationId,
      academicYear: plan.academicYear,
      status: 'planned',
    });
    await this.check(r, plan);
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'activity',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toActivityResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateActivityRequest): Promise<ActivityResponse> {
    const { activity: r, plan } = await this.loadWritable(c, id);
    this.checkOpen(plan);
    const { version, ...patch } = body;
    checkVersion(r, version);
    const before = snapshot(r);
    // a one-day activity moved by its start keeps being one day long
    if (patch.startsOn && patch.endsOn === undefined && r.endsOn === r.startsOn) patch.endsOn = patch.startsOn;
    // a confirmation covers the public text it was given for: new text is screened afresh unless confirmed again
    if (patch.publicTextConfirmed === undefined && publicTextChanges(r, patch)) patch.publicTextConfirmed = false;
    const dates = (startsOn: string, endsOn: string) => ({
      startsOn: LocalDate.iso(startsOn),
      endsOn: LocalDate.iso(endsOn),
    });
    const planned = dates(r.plannedStartsOn, r.plannedEndsOn);
    const current = dates(r.startsOn, r.endsOn);
    applyPatch(r, patch as Partial<ActivityRecord>, this.clock.nowIso());
    // an edit of the plan moves the planned dates; after a postponement it corrects only the new dates
    const kept = plannedDatesAfterEdit(planned, current, dates(r.startsOn, r.endsOn));
    Object.assign(r, { plannedStartsOn: kept.startsOn.toString(), plannedEndsOn: kept.endsOn.toString() });
    withdrawConfirmationIfMoved(r, current);
    await this.check(r, plan);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'activity',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toActivityResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const { activity: r, plan } = await this.loadWritable(c, id);
    this.checkOpen(plan);
    if (r.status === 'held')
      throw fail(
        ACTIVITY_RULES.deleteHeld,
        {
          ru: 'Проведённое мероприятие нельзя удалить: это отчётные данные',
          en: 'A held activity is evidence and cannot be deleted',
          tt: 'Үткәрелгән чараны бетереп булмый: бу хисап мәгълүматлары',
        },
        'status',
      );
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'activity',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  /** Held / cancelled / postponed by the domain's rules; the partner of the activity may confirm it too. */
  async outcome(c: Caller, id: string, body: ActivityOutcomeRequest): Promise<ActivityResponse> {
    const { activity: r, plan } = await this.loadReadable(c, id);
    if (!this.access.canRecordOutcome(c, r)) throw forbidden();
    this.checkOpen(plan);
    const year = planYear(plan);
    const term = agreementTermFor(await loadAgreement(this.em, plan), year);
    const state = { status: r.status, startsOn: LocalDate.iso(r.startsOn), endsOn: LocalDate.iso(r.endsOn) };
    const change = orThrow(recordOutcome(state, toOutcome(body), this.clock.today(), year, term));
    const before = snapshot(r);
    if (change.status === 'held')
      Object.assign(r, {
        status: 'held',
        heldOn: change.heldOn.toString(),
        actualParticipants: change.actualParticipants,
        result: change.result,
        evidenceLinks: [...change.evidenceLinks],
        ...(change.hours === null ? {} : { hours: change.hours }),
        publicTextConfirmed: r.publicTextConfirmed && r.result === change.result,
      });
    else if (change.status === 'cancelled')
      Object.assign(r, { status: 'cancelled', cancelReason: change.cancelReason });
    // the new dates only: the planned ones stay, so the period the activity was planned in still counts it (#5)
    else {
      const current = { startsOn: LocalDate.iso(r.startsOn), endsOn: LocalDate.iso(r.endsOn) };
      Object.assign(r, { status: 'postponed', startsOn: change.startsOn.toString(), endsOn: change.endsOn.toString() });
      withdrawConfirmationIfMoved(r, current);
    }
    r.version += 1;
    r.updatedAt = this.clock.nowIso();
    this.audit.record(this.em, {
      userId: c.id,
      action: `outcome:${change.status}`,
      objectType: 'activity',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toActivityResponse(r);
  }

  /** The partner representative confirms taking part (again: a new comment); audited; 422 once cancelled. */
  async confirm(c: Caller, id: string, body: ConfirmActivityRequest): Promise<ActivityResponse> {
    const { activity: r } = await this.loadReadable(c, id);
    if (!this.access.canConfirmActivity(c, r)) throw forbidden();
    return this.recordConfirmation(r, { userId: c.id }, body?.comment);
  }

  /**
   * The partner's confirmation stored and audited, by a user or through a single-use link (`via`, no user); the
   * caller has checked who may give it.
   */
  async recordConfirmation(
    r: ActivityRecord,
    by: { userId: string | null; via?: string },
    comment: string | undefined,
  ): Promise<ActivityResponse> {
    orThrow(confirmParticipation(r.status));
    const before = snapshot(r);
    Object.assign(r, {
      partnerConfirmedAt: this.clock.nowIso(),
      partnerConfirmedBy: by.userId,
      partnerComment: comment?.trim() ? comment.trim() : null,
    });
    r.version += 1;
    r.updatedAt = this.clock.nowIso();
    this.audit.record(this.em, {
      userId: by.userId,
      action: 'confirm',
      objectType: 'activity',
      objectId: r.id,
      before,
      after: { ...snapshot(r), ...(by.via ? { via: by.via } : {}) },
    });
    await this.em.flush();
    return toActivityResponse(r);
  }

  private async page(
    q: ActivityListQuery,
    base: (FilterQuery<ActivityRecord> | null)[],
  ): Promise<Page<ActivityResponse>> {
    // the search looks at the title, the venue and the names of the school and the partner
    const parties = q.q ? await organisationsNamed(this.em, q.q) : [];
    const and = base.filter((x): x is FilterQuery<ActivityRecord> => !!x);
    // one school's or one plan's activities are few: the text search scans them instead of reading the index
    const narrowed =
      !!q.organisationId || and.some((f) => typeof f === 'object' && ('organisationId' in f || 'planId' in f));
    if (q.status) and.push({ status: q.status });
    if (q.directionId) and.push({ directionId: q.directionId });
    if (q.form) and.push({ form: q.form });
    if (q.partnerId) and.push({ partnerId: q.partnerId });
    if (q.organisationId) and.push({ organisationId: q.organisationId });
    if (q.academicYear) and.push({ academicYear: q.academicYear });
    if (q.isPublic) and.push({ isPublic: q.isPublic === 'true' });
    if (q.from) and.push({ endsOn: { $gte: q.from } });
    if (q.to) and.push({ startsOn: { $lte: q.to } });
    if (q.q) {
      const rare = narrowed ? [] : await rareTrigrams(this.em, 'activity', ['title', 'venue'], q.q);
      // a district-wide search of one year reads only that year's candidates from the index
      const within =
        !narrowed && q.academicYear
          ? {
              property: 'academicYear' as const,
              trigrams: await narrowingTrigrams(this.em, 'activity', 'academicYear', q.academicYear),
            }
          : undefined;
      and.push({
        $or: [
          ...textSearch<ActivityRecord, 'activity'>('activity', ['title', 'venue'], q.q, { narrowed, rare, within }),
          ...(parties.length ? [{ organisationId: { $in: parties } }, { partnerId: { $in: parties } }] : []),
        ],
      });
    }
    if (q.publicTextPending) return this.pendingTextPage(q, [...and, { isPublic: true, publicTextConfirmed: false }]);
    return findPage(
      this.em,
      ActivityRecord,
      and.length ? { $and: and } : {},
      q,
      { startsOn: 'asc', title: 'asc' },
      toActivityResponse,
      { totalWithRows: !!q.q && !narrowed },
    );
  }

  /**
   * Public, unconfirmed activities whose text the screening flags (the screening is the domain's, in memory: the
   * candidates are at most the public activities in the caller's scope not yet confirmed), a page of them.
   */
  private async pendingTextPage(
    q: ActivityListQuery,
    and: FilterQuery<ActivityRecord>[],
  ): Promise<Page<ActivityResponse>> {
    const rows = await this.em.find(
      ActivityRecord,
      { $and: and },
      { orderBy: [{ startsOn: 'asc' }, { title: 'asc' }, { id: 'asc' }] as never, limit: PENDING_TEXT_CANDIDATES },
    );
    const flagged = rows.filter((r) => screenActivityText(r, screenText).length > 0);
    return {
      items: flagged.slice(q.offset, q.offset + q.limit).map(toActivityResponse),
      total: flagged.length,
      limit: q.limit,
      offset: q.offset,
    };
  }

  /** Activities the caller may read: of readable plans, and (partners) those they take part in. */
  private async readScope(c: Caller): Promise<FilterQuery<ActivityRecord> | null> {
    const plans = await this.plans.readScope(c);
    if (!plans) return null;
    if (c.role !== 'partner_rep') return { organisationId: c.organisationId };
    const planIds = (await this.em.find(PlanRecord, plans, { fields: ['id'] as never, disableIdentityMap: true })).map(
      (p) => p.id,
    );
    return { $or: [{ partnerId: c.organisationId }, { planId: { $in: planIds } }] };
  }

  private async loadReadable(c: Caller, id: string): Promise<{ activity: ActivityRecord; plan: PlanRecord }> {
    const activity = await this.em.findOne(ActivityRecord, { id });
    const plan = activity ? await this.em.findOne(PlanRecord, { id: activity.planId }) : null;
    if (!activity || !plan) throw notFound('activity');
    this.access.ensure(this.access.canReadActivity(c, activity, await this.plans.canRead(c, plan)), 'activity');
    return { activity, plan };
  }

  async loadWritable(c: Caller, id: string): Promise<{ activity: ActivityRecord; plan: PlanRecord }> {
    const found = await this.loadReadable(c, id);
    if (!this.access.canWritePlan(c, found.plan)) throw forbidden();
    return found;
  }

  private checkOpen(plan: PlanRecord): void {
    orThrow(checkActivitiesOpen(plan.status));
  }

  /** Known direction and partner, then the domain's rules (dates inside the plan year and the agreement's term). */
  private async check(r: ActivityRecord, plan: PlanRecord): Promise<void> {
    const findings: Finding[] = [];
    if (!(await anyRecord(this.em, DirectionRecord, { id: r.directionId })))
      findings.push(
        finding(
          ACTIVITY_RULES.directionUnknown,
          { ru: 'Неизвестное направление', en: 'Unknown direction', tt: 'Билгесез юнәлеш' },
          { field: 'directionId' },
        ),
      );
    if (r.partnerId && (await this.em.findOne(OrganisationRecord, { id: r.partnerId }))?.kind !== 'partner')
      findings.push(
        finding(
          ACTIVITY_RULES.partnerInvalid,
          {
            ru: 'Партнёр не найден или не является партнёром',
            en: 'partnerId must be a partner organisation',
            tt: 'Партнер табылмады яки ул партнер түгел',
          },
          { field: 'partnerId' },
        ),
      );
    const year = planYear(plan);
    const agreementTerm = agreementTermFor(await loadAgreement(this.em, plan), year);
    const input = {
      title: r.title,
      form: r.form,
      startsOn: LocalDate.iso(r.startsOn),
      endsOn: LocalDate.iso(r.endsOn),
      targetGrades: r.targetGrades,
      plannedParticipants: r.plannedParticipants,
      hours: r.hours,
    };
    findings.push(...validateActivity(input, { planYear: year, agreementTerm }));
    if (findings.length) throw new AppError(ruleError(findings));
  }
}

/** Whether a patch changes text that goes public (title, venue; the result changes only by an outcome). */
function publicTextChanges(r: ActivityRecord, patch: Pick<UpdateActivityRequest, 'title' | 'venue'>): boolean {
  return (['title', 'venue'] as const).some((f) => patch[f] !== undefined && patch[f] !== r[f]);
}

function toOutcome(body: ActivityOutcomeRequest): ActivityOutcome {
  switch (body.status) {
    case 'held':
      return { ...body, heldOn: LocalDate.iso(body.heldOn) };
    case 'cancelled':
      return body;
    case 'postponed':
      return {
        status: 'postponed',
        startsOn: LocalDate.iso(body.startsOn),
        endsOn: body.endsOn ? LocalDate.iso(body.endsOn) : null,
      };
  }
}

/** A partner confirmed the dates it was shown: when they move, the confirmation is withdrawn (asked again). */
function withdrawConfirmationIfMoved(r: ActivityRecord, before: { startsOn: LocalDate; endsOn: LocalDate }): void {
  if (r.startsOn === before.startsOn.toString() && r.endsOn === before.endsOn.toString()) return;
  Object.assign(r, { partnerConfirmedAt: null, partnerConfirmedBy: null, partnerComment: null });
}
