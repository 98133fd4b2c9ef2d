import { OrganisationRecord } from '@socium/api-persistence';
import type { PeriodsQuery, PeriodsResponse } from '@socium/contracts';
import {
  AcademicYear,
  DEFAULT_TERM_SCHEME,
  defaultTermScheme,
  LocalDate,
  ReportingPeriod,
  termPeriods,
  TermSchemeKind,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { notFound, orThrow } from '../http/app-error';

/** Reporting periods from the domain calendar: the academic year, its terms in the organisation's scheme, summer, calendar years. */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
  ) {}

  async get(c: Caller, q: PeriodsQuery): Promise<PeriodsResponse> {
    const year = q.academicYear
      ? orThrow(AcademicYear.parse(q.academicYear, 'academicYear'))
      : AcademicYear.containing(q.date ? LocalDate.iso(q.date) : this.clock.today());
    const org = await this.em.findOne(OrganisationRecord, { id: q.organisationId ?? c.organisationId });
    if (!org && q.organisationId) throw notFound('organisation');
    const kind: TermSchemeKind = org?.termScheme ?? DEFAULT_TERM_SCHEME;
    const scheme = defaultTermScheme(kind, year);
    return {
      academicYear: ReportingPeriod.ofAcademicYear(year).toJSON(),
      termScheme: kind,
      terms: termPeriods(scheme).map((p, i) => ({ ...p.toJSON(), code: scheme.termCode(i + 1) })),
      summerCampaign: ReportingPeriod.ofSummerCampaign(year.endYear).toJSON(),
      calendarYears: [year.startYear, year.endYear].map((y) => ReportingPeriod.ofCalendarYear(y).toJSON()),
    };
  }
}
