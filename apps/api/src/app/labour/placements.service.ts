import { OrganisationRecord, PlacementRecord, StoredPlacementFinding } from '@socium/api-persistence';
import type {
  CreatePlacementRequest,
  Page,
  PlacementContextQuery,
  PlacementContextResponse,
  PlacementListQuery,
  PlacementResponse,
  UpdatePlacementRequest,
} from '@socium/contracts';
import {
  LocalDate,
  LocalTime,
  PlacementAssessment,
  PlacementContext,
  placementContextFacts,
  PlacementInput,
  unwrap,
  validatePlacement,
  withLessonHours,
  type Language,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { CalendarService } from '../calendars/calendar.service';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, like, newId, snapshot } from '../common/crud.support';
import { fail, forbidden, notFound, orThrow } from '../http/app-error';
import { toPlacementResponse } from './labour.mappers';

type PlacementFields = Omit<PlacementResponse, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'status' | 'findings'>;

/**
 * Student labour placements. Each one is checked against the Labour Code rules for minors on its own dates
 * (with the school's calendar and lesson hours) when created or changed: a hard breach is refused (422, every hard
 * finding, nothing stored); missing paperwork is stored `blocked` with its findings, and the placement becomes
 * `cleared` when a change records it; manual-review findings are stored without blocking. Students are
 * pseudonymous codes.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
  ) {}

  list(c: Caller, q: PlacementListQuery, lang: Language = 'ru'): Promise<Page<PlacementResponse>> {
    const and: FilterQuery<PlacementRecord>[] = [];
    if (c.role === 'school_admin') and.push({ schoolId: c.organisationId });
    else if (c.role === 'partner_rep') and.push({ employerId: c.organisationId });
    if (q.schoolId) and.push({ schoolId: q.schoolId });
    if (q.employerId) and.push({ employerId: q.employerId });
    if (q.channel) and.push({ channel: q.channel });
    if (q.kind) and.push({ kind: q.kind });
    if (q.from) and.push({ startsOn: { $gte: q.from } });
    if (q.to) and.push({ startsOn: { $lte: q.to } });
    if (q.status) and.push({ status: q.status });
    if (q.q) and.push({ $or: [{ jobTitle: like(q.q) }, { studentCode: like(q.q) }] });
    return findPage(this.em, PlacementRecord, and.length ? { $and: and } : {}, q, { startsOn: 'desc' }, (r) =>
      toPlacementResponse(r, lang),
    );
  }

  async get(c: Caller, id: string, lang: Language = 'ru'): Promise<PlacementResponse> {
    return toPlacementResponse(await this.load(c, id), lang);
  }

  /**
   * The calendar facts the checks of a placement of this school over these days use, built by the same code as the
   * check of a saved one (`contextFor`), as data for the panel's live checks. A school administrator asks for the
   * own school only.
   */
  async context(c: Caller, q: PlacementContextQuery): Promise<PlacementContextResponse> {
    if (!this.access.canWritePlacement(c, q)) throw forbidden('placement.school.not-own');
    const school = await this.school(q.schoolId);
    const ctx = await this.contextFor(school, q.from, q.to);
    return { schoolId: school.id, ...placementContextFacts(ctx, LocalDate.iso(q.from), LocalDate.iso(q.to)) };
  }

  async create(c: Caller, body: CreatePlacementRequest, lang: Language = 'ru'): Promise<PlacementResponse> {
    if (!this.access.canWritePlacement(c, body)) throw forbidden('placement.school.not-own');
    const school = await this.checkParties(body);
    const r = new PlacementRecord();
    const now = this.clock.nowIso();
    const assessment = await this.check(body, school);
    Object.assign(r, { ...body, id: newId(), version: 1, createdAt: now, updatedAt: now });
    storeAssessment(r, assessment);
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'placement',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toPlacementResponse(r, lang);
  }

  async update(c: Caller, id: string, body: UpdatePlacementRequest, lang: Language = 'ru'): Promise<PlacementResponse> {
    const r = await this.load(c, id);
    if (!this.access.canWritePlacement(c, r)) throw forbidden();
    const { version, ...patch } = body;
    checkVersion(r, version);
    const next = {
      ...toPlacementResponse(r),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as PlacementFields;
    if (!this.access.canWritePlacement(c, next)) throw forbidden('placement.school.not-own');
    const school = await this.checkParties(next);
    const before = snapshot(r);
    const assessment = await this.check(next, school);
    applyPatch(r, patch as Partial<PlacementRecord>, this.clock.nowIso());
    storeAssessment(r, assessment);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'placement',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toPlacementResponse(r, lang);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(c, id);
    if (!this.access.canWritePlacement(c, r)) throw forbidden();
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'placement',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  private async load(c: Caller, id: string): Promise<PlacementRecord> {
    const r = await this.em.findOne(PlacementRecord, { id });
    if (!r) throw notFound('placement');
    this.access.ensure(this.access.canReadPlacement(c, r), 'placement');
    return r;
  }

  /**
   * Checks against the Labour Code with the school's calendar and lesson hours: throws 422 with every hard finding,
   * else the paperwork and review findings to store and the status they give.
   */
  private async check(p: PlacementFields, school: OrganisationRecord): Promise<PlacementAssessment> {
    const ctx = await this.contextFor(school, p.startsOn, p.endsOn);
    return orThrow(validatePlacement(toPlacementInput(p), ctx));
  }

  /** What the rules are fed: the school's calendar on the placement's dates and its lesson hours. */
  private async contextFor(school: OrganisationRecord, startsOn: string, endsOn: string): Promise<PlacementContext> {
    const lessons = {
      startsAt: unwrap(LocalTime.parse(school.lessonsStartAt ?? '08:00')),
      endsAt: unwrap(LocalTime.parse(school.lessonsEndAt ?? '14:30')),
    };
    const calendar = await this.calendars.placementContextFor(school, startsOn, endsOn);
    return withLessonHours(calendar, lessons);
  }

  private async school(id: string): Promise<OrganisationRecord> {
    const school = await this.em.findOne(OrganisationRecord, { id });
    if (!school || school.kind !== 'school')
      throw fail(
        'placement.school.invalid',
        { ru: 'Нужно указать школу', en: 'The school must be a school organisation', tt: 'Мәктәпне күрсәтергә кирәк' },
        'schoolId',
      );
    return school;
  }

  /** The school must be a school and the employer a partner organisation (422). */
  private async checkParties(p: Pick<PlacementFields, 'schoolId' | 'employerId'>): Promise<OrganisationRecord> {
    const [school, employer] = await Promise.all([
      this.em.findOne(OrganisationRecord, { id: p.schoolId }),
      this.em.findOne(OrganisationRecord, { id: p.employerId }),
    ]);
    if (!school || school.kind !== 'school')
      throw fail(
        'placement.school.invalid',
        { ru: 'Нужно указать школу', en: 'The school must be a school organisation', tt: 'Мәктәпне күрсәтергә кирәк' },
        'schoolId',
      );
    if (!employer || employer.kind !== 'partner')
      throw fail(
        'placement.employer.invalid',
        {
          ru: 'Работодатель должен быть организацией-партнёром',
          en: 'The employer must be a partner organisation',
          tt: 'Эш бирүче партнер оешма булырга тиеш',
        },
        'employerId',
      );
    return school;
  }
}

/** The status and findings an assessment gives the stored placement; the report counts `findingsCount > 0`. */
export function storeAssessment(r: PlacementRecord, a: PlacementAssessment): void {
  r.status = a.status;
  r.findings = a.stored.map(
    (f): StoredPlacementFinding => ({
      rule: f.rule,
      message: { ru: f.message.ru, en: f.message.en, ...(f.message.tt ? { tt: f.message.tt } : {}) },
      ...(f.field ? { field: f.field } : {}),
    }),
  );
  r.findingsCount = a.stored.length;
}

/** Wire fields (already shape-checked by the contract) to the domain input. */
export function toPlacementInput(p: PlacementFields): PlacementInput {
  return {
    kind: p.kind,
    channel: p.channel,
    jobTitle: p.jobTitle,
    studentBirthDate: LocalDate.iso(p.studentBirthDate),
    studentSex: p.studentSex,
    startsOn: LocalDate.iso(p.startsOn),
    endsOn: LocalDate.iso(p.endsOn),
    workDays: p.workDays,
    shiftStartsAt: unwrap(LocalTime.parse(p.shiftStartsAt, 'shiftStartsAt')),
    shiftEndsAt: unwrap(LocalTime.parse(p.shiftEndsAt, 'shiftEndsAt')),
    hoursPerDay: p.hoursPerDay,
    hoursPerWeek: p.hoursPerWeek,
    harmful: p.harmful,
    maxLoadKg: p.maxLoadKg,
    loadMode: p.loadMode,
    parentConsent: p.parentConsent,
    guardianshipConsent: p.guardianshipConsent,
    weekendWorkConsent: p.weekendWorkConsent,
    medicalClearanceOn: p.medicalClearanceOn ? LocalDate.iso(p.medicalClearanceOn) : null,
    hasGeneralEducation: p.hasGeneralEducation,
    orphan: p.orphan,
    studentDetachment: p.studentDetachment,
    probationClause: p.probationClause,
  };
}
