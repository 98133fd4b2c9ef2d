import { OrganisationRecord, PlacementRecord } from '@socium/api-persistence';
import type {
  CreatePlacementRequest,
  Page,
  PlacementListQuery,
  PlacementResponse,
  UpdatePlacementRequest,
} from '@socium/contracts';
import { LocalDate, LocalTime, PlacementInput, unwrap, validatePlacement } from '@socium/domain';

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

type PlacementFields = Omit<PlacementResponse, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * Student labour placements. Each one is checked against the Labour Code rules for minors on its own dates
 * (with the school's calendar) before it is stored; a refusal carries every finding. Students are pseudonymous codes.
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

  list(c: Caller, q: PlacementListQuery): Promise<Page<PlacementResponse>> {
    const and: FilterQuery<PlacementRecord>[] = [];
    if (c.role === 'school_admin') and.push({ schoolId: c.organisationId });
    else if (c.role === 'partner_rep') and.push({ employerId: c.organisationId });
    if (q.schoolId) and.push({ schoolId: q.schoolId });
    if (q.employerId) and.push({ employerId: q.employerId });
    if (q.channel) and.push({ channel: q.channel });
    if (q.kind) and.push({ kind: q.kind });
    if (q.from) and.push({ startsOn: { $gte: q.from } });
    if (q.to) and.push({ startsOn: { $lte: q.to } });
    if (q.q) and.push({ $or: [{ jobTitle: like(q.q) }, { studentCode: like(q.q) }] });
    return findPage(
      this.em,
      PlacementRecord,
      and.length ? { $and: and } : {},
      q,
      { startsOn: 'desc' },
      toPlacementResponse,
    );
  }

  async get(c: Caller, id: string): Promise<PlacementResponse> {
    return toPlacementResponse(await this.load(c, id));
  }

  async create(c: Caller, body: CreatePlacementRequest): Promise<PlacementResponse> {
    if (!this.access.canWritePlacement(c, body)) throw forbidden('placement.school.not-own');
    const school = await this.checkParties(body);
    const r = new PlacementRecord();
    const now = this.clock.nowIso();
    Object.assign(r, { ...body, id: newId(), version: 1, createdAt: now, updatedAt: now });
    r.findingsCount = await this.check(body, school);
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'placement',
      objectId: r.id,
      after: snapshot(r),
    });
    await this.em.flush();
    return toPlacementResponse(r);
  }

  async update(c: Caller, id: string, body: UpdatePlacementRequest): Promise<PlacementResponse> {
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
    const findings = await this.check(next, school);
    applyPatch(r, patch as Partial<PlacementRecord>, this.clock.nowIso());
    r.findingsCount = findings;
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'placement',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toPlacementResponse(r);
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

  /** Validates against the Labour Code with the school's calendar; throws 422 with every finding, else 0 findings. */
  private async check(p: PlacementFields, school: OrganisationRecord): Promise<number> {
    const ctx = await this.calendars.placementContextFor(school, p.startsOn, p.endsOn);
    orThrow(validatePlacement(toPlacementInput(p), ctx));
    return 0;
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
        { ru: 'Нужно указать школу', en: 'The school must be a school organisation' },
        'schoolId',
      );
    if (!employer || employer.kind !== 'partner')
      throw fail(
        'placement.employer.invalid',
        { ru: 'Работодатель должен быть организацией-партнёром', en: 'The employer must be a partner organisation' },
        'employerId',
      );
    return school;
  }
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
    medicalClearanceOn: p.medicalClearanceOn ? LocalDate.iso(p.medicalClearanceOn) : null,
    hasGeneralEducation: p.hasGeneralEducation,
    orphan: p.orphan,
    studentDetachment: p.studentDetachment,
    probationClause: p.probationClause,
  };
}
