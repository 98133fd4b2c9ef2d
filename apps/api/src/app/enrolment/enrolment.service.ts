import { EnrolmentRecord, OrganisationRecord } from '@socium/api-persistence';
import type {
  CreateEnrolmentRequest,
  EnrolmentListQuery,
  EnrolmentResponse,
  Page,
  UpdateEnrolmentRequest,
} from '@socium/contracts';
import {
  AcademicYear,
  ENROLMENT_RULES,
  profminimumLevelForYear,
  profminimumLevelOfYear,
  pupilsInGrades,
  unwrap,
} from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, checkVersion, findPage, newId, snapshot } from '../common/crud.support';
import { conflict, fail, forbidden, notFound, orThrow } from '../http/app-error';
import { currentLevel } from './school-level';

export const toEnrolmentResponse = (r: EnrolmentRecord): EnrolmentResponse => ({
  id: r.id,
  organisationId: r.organisationId,
  academicYear: r.academicYear,
  pupilsByGrade: { ...r.pupilsByGrade },
  aged14: r.aged14,
  aged15: r.aged15,
  aged16to17: r.aged16to17,
  profminimumLevel: r.profminimumLevel ?? null,
  total: pupilsInGrades(r.pupilsByGrade),
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** 409 enrolment.duplicate: one record per school and academic year. */
export const enrolmentDuplicate = () =>
  conflict(
    ENROLMENT_RULES.duplicate,
    'The school already has its enrolment for this academic year',
    'Контингент школы за этот учебный год уже внесён',
    'Мәктәпнең бу уку елы өчен контингенты кертелгән инде',
    'academicYear',
  );

/**
 * Enrolment (issue 14 item 6): pupils of a school per grade and per age band in an academic year, the
 * denominators of G2 #7 and #11. The coordinator keeps every school's; a school admin only its own.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
  ) {}

  list(c: Caller, q: EnrolmentListQuery): Promise<Page<EnrolmentResponse>> {
    const where: FilterQuery<EnrolmentRecord> = {};
    const scope = this.access.scopeOrganisation(c);
    if (q.organisationId) where.organisationId = q.organisationId;
    if (scope !== null) {
      if (q.organisationId && q.organisationId !== scope)
        return Promise.resolve({ items: [], total: 0, limit: q.limit, offset: q.offset });
      where.organisationId = scope;
    }
    if (q.academicYear) where.academicYear = q.academicYear;
    return findPage(
      this.em,
      EnrolmentRecord,
      where,
      q,
      { academicYear: 'desc', organisationId: 'asc' },
      toEnrolmentResponse,
    );
  }

  async get(c: Caller, id: string): Promise<EnrolmentResponse> {
    return toEnrolmentResponse(await this.load(c, id));
  }

  /** Checks a new record (access, a school, not yet recorded) and adds it to the unit of work; the caller flushes. */
  async prepareCreate(c: Caller, body: CreateEnrolmentRequest): Promise<EnrolmentRecord> {
    if (!this.access.canWriteEnrolment(c, body)) throw forbidden(ENROLMENT_RULES.schoolNotYours);
    const org = await this.em.findOne(OrganisationRecord, { id: body.organisationId });
    if (!org || org.kind !== 'school')
      throw fail(
        ENROLMENT_RULES.organisationNotSchool,
        {
          ru: 'Контингент указывается для школы',
          en: 'Enrolment is recorded for a school',
          tt: 'Контингент мәктәп өчен генә күрсәтелә',
        },
        'organisationId',
      );
    if (await this.em.count(EnrolmentRecord, { organisationId: body.organisationId, academicYear: body.academicYear }))
      throw enrolmentDuplicate();
    const year = unwrap(AcademicYear.parse(body.academicYear));
    // a level left out: the school's level of the current academic year from 2023-2024 on (E1), none before
    const level =
      body.profminimumLevel === undefined
        ? profminimumLevelOfYear(year, undefined, await currentLevel(this.em, org.id, this.clock.today()))
        : orThrow(profminimumLevelForYear(year, body.profminimumLevel));
    const r = new EnrolmentRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      ...body,
      profminimumLevel: level,
      pupilsByGrade: withoutEmpty(body.pupilsByGrade),
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    this.em.persist(r);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'create',
      objectType: 'enrolment',
      objectId: r.id,
      after: snapshot(r),
    });
    return r;
  }

  async create(c: Caller, body: CreateEnrolmentRequest): Promise<EnrolmentResponse> {
    const r = await this.prepareCreate(c, body);
    await this.em.flush();
    return toEnrolmentResponse(r);
  }

  async update(c: Caller, id: string, body: UpdateEnrolmentRequest): Promise<EnrolmentResponse> {
    const r = await this.load(c, id);
    const { version, ...patch } = body;
    checkVersion(r, version);
    if (patch.profminimumLevel !== undefined)
      orThrow(profminimumLevelForYear(unwrap(AcademicYear.parse(r.academicYear)), patch.profminimumLevel));
    const before = snapshot(r);
    const next: Partial<EnrolmentRecord> = { ...patch, pupilsByGrade: undefined };
    // the grades sent replace the grades stored, one by one; a grade not sent keeps its count
    if (patch.pupilsByGrade) next.pupilsByGrade = withoutEmpty({ ...r.pupilsByGrade, ...patch.pupilsByGrade });
    applyPatch(r, next, this.clock.nowIso());
    this.audit.record(this.em, {
      userId: c.id,
      action: 'update',
      objectType: 'enrolment',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return toEnrolmentResponse(r);
  }

  async remove(c: Caller, id: string): Promise<void> {
    const r = await this.load(c, id);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'enrolment',
      objectId: id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  /** A record the caller may see; another school's looks missing. */
  private async load(c: Caller, id: string): Promise<EnrolmentRecord> {
    const r = await this.em.findOne(EnrolmentRecord, { id });
    if (!r || !this.access.canReadEnrolment(c, r)) throw notFound('enrolment');
    return r;
  }
}

const withoutEmpty = (grades: Record<string, number | undefined>): Record<string, number> =>
  Object.fromEntries(Object.entries(grades).filter((e): e is [string, number] => e[1] !== undefined));
