import { OrganisationRecord } from '@socium/api-persistence';
import type { PeriodsQuery, PeriodsResponse } from '@socium/contracts';
import { AcademicYear, LocalDate, ReportingPeriod, termPeriods } from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import type { Caller } from '../auth/policy.decorator';
import { CalendarService } from '../calendars/calendar.service';
import { ClockService } from '../clock/clock.service';
import { invalid, notFound, orThrow } from '../http/app-error';

/**
 * Reporting periods: the academic year, its terms from the school's effective calendar (its override, the district's
 * stored calendar, or the default of its scheme), the summer campaign, the calendar years and their quarters and halves.
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
  ) {}

  async get(c: Caller, q: PeriodsQuery): Promise<PeriodsResponse> {
    const field = q.academicYear ? 'academicYear' : 'date';
    const date = q.date ? LocalDate.iso(q.date) : this.clock.today();
    const year = orThrow(
      q.academicYear
        ? AcademicYear.parse(q.academicYear, field)
        : AcademicYear.create(date.month >= 9 ? date.year : date.year - 1, field),
    );
    // its terms, summer and both calendar years must be dates the calendar can write (up to 9998-12-31)
    if (year.endYear > 9998)
      throw invalid(
        'period.academic-year.invalid',
        field,
        'No periods after 9998',
        'Периодов после 9998 года нет',
        '9998 елдан соң чорлар юк',
      );
    const org = await this.em.findOne(OrganisationRecord, { id: q.organisationId ?? c.organisationId });
    if (!org && q.organisationId) throw notFound('organisation');
    // the school's stored calendar of the year (its override or the district's), else the default of its scheme
    const { scheme } = (await this.calendars.effective(year, org?.kind === 'school' ? org : null)).calendar;
    const kind = scheme.kind;
    const years = [year.startYear, year.endYear];
    return {
      academicYear: ReportingPeriod.ofAcademicYear(year).toJSON(),
      termScheme: kind,
      terms: termPeriods(scheme).map((p, i) => ({ ...p.toJSON(), code: scheme.termCode(i + 1) })),
      summerCampaign: ReportingPeriod.ofSummerCampaign(year.endYear).toJSON(),
      calendarYears: years.map((y) => ReportingPeriod.ofCalendarYear(y).toJSON()),
      calendarQuarters: years.flatMap((y) =>
        ([1, 2, 3, 4] as const).map((q) => ReportingPeriod.ofCalendarQuarter(y, q).toJSON()),
      ),
      halfYears: years.flatMap((y) => ([1, 2] as const).map((h) => ReportingPeriod.ofHalfYear(y, h).toJSON())),
    };
  }
}
