import {
  DISTRICT_OWNER,
  OrganisationRecord,
  SchoolYearCalendarRecord,
  WorkingCalendarYearRecord,
} from '@socium/api-persistence';
import type {
  SchoolYearCalendarQuery,
  SchoolYearCalendarRequest,
  SchoolYearCalendarResponse,
  SchoolYearCalendarTarget,
  WorkingDaysRequest,
  WorkingDaysResponse,
} from '@socium/contracts';
import {
  AcademicYear,
  checkPlanSubmissionDeadline,
  isSupportedYear,
  LocalDate,
  nonWorkingDaysOf,
  PERIOD_RULES,
  SchoolYearCalendar,
  validateWorkingYear,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { applyPatch, newId, snapshot } from '../common/crud.support';
import { fail, forbidden, invalid, notFound, orThrow, staleVersion } from '../http/app-error';
import { CalendarService, EffectiveCalendar } from './calendar.service';

/** The calendar endpoints: school-year calendars (district and school overrides) and the working-day calendar. */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendars: CalendarService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async getSchoolYear(q: SchoolYearCalendarQuery): Promise<SchoolYearCalendarResponse> {
    const year = orThrow(AcademicYear.parse(q.academicYear, 'academicYear'));
    const school = q.organisationId ? await this.school(q.organisationId) : null;
    return toSchoolYearResponse(
      await this.calendars.effective(year, school),
      school?.id ?? null,
      await this.calendars.planSubmissionDeadline(year),
    );
  }

  async putSchoolYear(
    c: Caller,
    label: string,
    q: SchoolYearCalendarTarget,
    body: SchoolYearCalendarRequest,
  ): Promise<SchoolYearCalendarResponse> {
    const year = orThrow(AcademicYear.parse(label, 'year'));
    const school = await this.writable(c, q);
    const span = (s: { first: string; last: string }) => ({
      first: LocalDate.iso(s.first),
      last: LocalDate.iso(s.last),
    });
    const calendar = orThrow(
      SchoolYearCalendar.create({
        kind: body.termScheme,
        academicYear: year,
        terms: body.terms.map(span),
        grade1Holiday: body.grade1Holiday ? span(body.grade1Holiday) : null,
      }),
    );
    if (school && body.planSubmissionDueOn)
      throw fail(
        PERIOD_RULES.planDueDistrictOnly,
        {
          ru: 'Срок сдачи планов устанавливает координатор для всего района',
          en: 'The plan submission deadline is set by the coordinator for the whole district',
          tt: 'Планнарны тапшыру срогын координатор бөтен район өчен билгели',
        },
        'planSubmissionDueOn',
      );
    const planDue = body.planSubmissionDueOn
      ? orThrow(checkPlanSubmissionDeadline(year, LocalDate.iso(body.planSubmissionDueOn)))
      : null;
    const ownerId = school?.id ?? DISTRICT_OWNER;
    const existing = await this.em.findOne(SchoolYearCalendarRecord, { ownerId, academicYear: year.label });
    if ((existing?.version ?? undefined) !== body.version) throw staleVersion(existing?.version ?? 0);
    const fields = {
      termScheme: body.termScheme,
      terms: body.terms.map((t) => ({ first: t.first, last: t.last })),
      grade1Holiday: body.grade1Holiday ? { first: body.grade1Holiday.first, last: body.grade1Holiday.last } : null,
      ...(school ? {} : { planSubmissionDueOn: planDue?.toString() ?? null }),
    };
    const now = this.clock.nowIso();
    let r = existing;
    const before = r ? snapshot(r) : null;
    if (r) applyPatch(r, fields, now);
    else {
      r = Object.assign(new SchoolYearCalendarRecord(), {
        ...fields,
        id: newId(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        ownerId,
        academicYear: year.label,
      });
      this.em.persist(r);
    }
    this.audit.record(this.em, {
      userId: c.id,
      action: before ? 'update' : 'create',
      objectType: 'school_year_calendar',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    const effective: EffectiveCalendar = { calendar, source: school ? 'school' : 'district', record: r };
    return toSchoolYearResponse(effective, school?.id ?? null, await this.calendars.planSubmissionDeadline(year));
  }

  async deleteSchoolYear(c: Caller, label: string, q: SchoolYearCalendarTarget): Promise<void> {
    const year = orThrow(AcademicYear.parse(label, 'year'));
    const school = await this.writable(c, q);
    const r = await this.em.findOne(SchoolYearCalendarRecord, {
      ownerId: school?.id ?? DISTRICT_OWNER,
      academicYear: year.label,
    });
    if (!r) throw notFound('calendar');
    this.audit.record(this.em, {
      userId: c.id,
      action: 'delete',
      objectType: 'school_year_calendar',
      objectId: r.id,
      before: snapshot(r),
    });
    this.em.remove(r);
    await this.em.flush();
  }

  async getWorkingDays(param: string): Promise<WorkingDaysResponse> {
    const year = calendarYear(param);
    const r = await this.em.findOne(WorkingCalendarYearRecord, { year });
    return this.toWorkingDaysResponse(year, r);
  }

  async putWorkingDays(c: Caller, param: string, body: WorkingDaysRequest): Promise<WorkingDaysResponse> {
    const year = calendarYear(param);
    const { version, ...data } = body;
    orThrow(validateWorkingYear({ year, ...data }));
    const existing = await this.em.findOne(WorkingCalendarYearRecord, { year });
    if ((existing?.version ?? undefined) !== version) throw staleVersion(existing?.version ?? 0);
    const fields = {
      movableHolidays: data.movableHolidays.map((h) => ({ date: h.date, name: h.name })),
      extraDaysOff: data.extraDaysOff.map((h) => ({ date: h.date, name: h.name })),
      extraWorkingDays: [...data.extraWorkingDays],
    };
    const now = this.clock.nowIso();
    let r = existing;
    const before = r ? snapshot(r) : null;
    if (r) applyPatch(r, fields, now);
    else {
      r = Object.assign(new WorkingCalendarYearRecord(), {
        ...fields,
        id: newId(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        year,
      });
      this.em.persist(r);
    }
    this.audit.record(this.em, {
      userId: c.id,
      action: before ? 'update' : 'create',
      objectType: 'working_calendar_year',
      objectId: r.id,
      before,
      after: snapshot(r),
    });
    await this.em.flush();
    return this.toWorkingDaysResponse(year, r);
  }

  private async toWorkingDaysResponse(year: number, r: WorkingCalendarYearRecord | null): Promise<WorkingDaysResponse> {
    const calendar = await this.calendars.workingCalendar();
    const built = !r;
    return {
      year,
      source: built ? 'built-in' : 'stored',
      movableHolidays: r
        ? r.movableHolidays
        : nonWorkingDaysOf(calendar, year).filter((h) => h.name === 'uraza_bayram' || h.name === 'kurban_bayram'),
      extraDaysOff: r?.extraDaysOff ?? [],
      extraWorkingDays: r?.extraWorkingDays ?? [],
      nonWorkingDays: nonWorkingDaysOf(calendar, year),
      version: r?.version ?? null,
    };
  }

  /** The school of `organisationId` (404 unless it is a school), or null for the district. */
  private async school(id: string): Promise<OrganisationRecord> {
    const org = await this.em.findOne(OrganisationRecord, { id });
    if (!org || org.kind !== 'school') throw notFound('organisation');
    return org;
  }

  /** The target of a write: a school the caller may edit the calendar of (a foreign one looks missing), or the district. */
  private async writable(c: Caller, q: SchoolYearCalendarTarget): Promise<OrganisationRecord | null> {
    if (!q.organisationId) {
      if (!this.access.canWriteSchoolCalendar(c, null)) throw forbidden();
      return null;
    }
    const school = await this.school(q.organisationId);
    this.access.ensure(this.access.canWriteSchoolCalendar(c, school.id), 'organisation');
    return school;
  }
}

/** A calendar year in the path: four digits of a supported year (400 `period.invalid` on `year` otherwise). */
function calendarYear(param: string): number {
  const year = /^\d{4}$/.test(param) ? Number(param) : NaN;
  if (!isSupportedYear(year))
    throw invalid(
      PERIOD_RULES.periodInvalid,
      'year',
      'Expected a calendar year YYYY',
      'Ожидается год ГГГГ',
      'ЕЕЕЕ рәвешендәге ел көтелә',
    );
  return year;
}

function toSchoolYearResponse(
  e: EffectiveCalendar,
  organisationId: string | null,
  planDue: LocalDate,
): SchoolYearCalendarResponse {
  const c = e.calendar;
  const span = (r: { start: LocalDate; last: LocalDate }) => ({ first: r.start.toString(), last: r.last.toString() });
  return {
    academicYear: c.academicYear.label,
    organisationId,
    source: e.source,
    termScheme: c.kind,
    firstDay: c.firstDay.toString(),
    lastDay: c.lastDay.toString(),
    terms: c.scheme.terms.map((t, i) => ({ code: c.scheme.termCode(i + 1), ...span(t.range) })),
    holidays: c.holidays.map((h) => ({ kind: h.kind, ...span(h.range) })),
    grade1Holiday: c.grade1Holiday ? span(c.grade1Holiday) : null,
    summerHolidays: span(c.summerHolidays),
    planSubmissionDueOn: planDue.toString(),
    version: e.record?.version ?? null,
  };
}
