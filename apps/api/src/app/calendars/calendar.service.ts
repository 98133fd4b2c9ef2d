import {
  DISTRICT_OWNER,
  OrganisationRecord,
  SchoolYearCalendarRecord,
  WorkingCalendarYearRecord,
} from '@socium/api-persistence';
import {
  AcademicYear,
  DEFAULT_TERM_SCHEME,
  defaultSchoolYearCalendar,
  defaultTermScheme,
  isSupportedYear,
  LocalDate,
  PlacementContext,
  planSubmissionDeadline,
  SchoolYearCalendar,
  TermScheme,
  TermSchemeKind,
  WorkingCalendar,
  workingCalendarOf,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { readPlain } from '../common/crud.support';
import { placementContext } from '../labour/placement-context';

/** Where an effective calendar comes from: a school's override, the district's calendar, or the ФОП default. */
export type CalendarSource = 'school' | 'district' | 'default';

/** A school's calendar of a year as the rules see it, with the stored row it came from (none for a default). */
export interface EffectiveCalendar {
  readonly calendar: SchoolYearCalendar;
  readonly source: CalendarSource;
  readonly record: SchoolYearCalendarRecord | null;
}

/** The school a calendar is asked for: its id and declared term scheme (none: the district's view). */
export type CalendarSchool = Pick<OrganisationRecord, 'id' | 'termScheme'> | null;

/** Academic years preloaded for one placement at most; later years of a longer span get the default calendar. */
const MAX_PRELOADED_YEARS = 3;

/**
 * The calendars as data (domain rules A1–A6): a school's effective calendar of an academic year and the stored
 * working-day calendar. Every rule that needs term time, holidays or working days asks here.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  /** The working-day calendar from the stored years; years without a row fall back to the built-in rules. */
  async workingCalendar(): Promise<WorkingCalendar> {
    const rows = await readPlain(this.em, WorkingCalendarYearRecord, {}, { orderBy: { year: 'asc' } });
    return workingCalendarOf(rows);
  }

  /** The day by which schools submit their plans for `year`: the district calendar's setting, else 1 October. */
  async planSubmissionDeadline(year: AcademicYear, em: EntityManager = this.em): Promise<LocalDate> {
    const row = await em.findOne(
      SchoolYearCalendarRecord,
      { ownerId: DISTRICT_OWNER, academicYear: year.label },
      { fields: ['planSubmissionDueOn'] },
    );
    return planSubmissionDeadline(year, row?.planSubmissionDueOn ? LocalDate.iso(row.planSubmissionDueOn) : null);
  }

  /**
   * A school's calendar of a year: its override if stored; else the district's if stored and in the school's scheme
   * (the district's calendar is for the scheme it declares; a school of another scheme without an override gets the
   * default of its scheme); else the default (`defaultSchoolYearCalendar` for quarters, moved off the stored
   * calendar's days off; `defaultTermScheme` for the others).
   */
  async effective(year: AcademicYear, school: CalendarSchool, working?: WorkingCalendar): Promise<EffectiveCalendar> {
    const owners = school ? [school.id, DISTRICT_OWNER] : [DISTRICT_OWNER];
    const rows = await this.em.find(SchoolYearCalendarRecord, { ownerId: { $in: owners }, academicYear: year.label });
    const own = school ? rows.find((r) => r.ownerId === school.id) : undefined;
    const kind: TermSchemeKind = school?.termScheme ?? DEFAULT_TERM_SCHEME;
    const district = rows.find((r) => r.ownerId === DISTRICT_OWNER && (!school || r.termScheme === kind));
    for (const [record, source] of [
      [own, 'school'],
      [district, 'district'],
    ] as const) {
      const calendar = record && fromRecord(record, year);
      if (calendar) return { calendar, source, record: record ?? null };
    }
    return { calendar: await this.defaultCalendar(year, kind, working), source: 'default', record: null };
  }

  /** The ФОП default of a year in a scheme (A1), the first day moved off the stored calendar's days off. */
  async defaultCalendar(
    year: AcademicYear,
    kind: TermSchemeKind,
    working?: WorkingCalendar,
  ): Promise<SchoolYearCalendar> {
    if (kind !== 'quarters') return defaultOfScheme(year, kind);
    const cal = working ?? (await this.workingCalendar());
    return defaultSchoolYearCalendar(year, (d) => cal.isNonWorking(d));
  }

  /**
   * The terms a term period (`2025-2026:q3`) is read with: the effective calendar of that year of the school
   * `organisationId` (the district's without one, or for an id that is not a school); `parsePeriod` takes it when it is
   * of the label's kind and falls back to the default scheme otherwise. Undefined for any other period.
   */
  async termSchemeFor(period: string, organisationId?: string): Promise<TermScheme | undefined> {
    const m = /^(\d{4})-(\d{4}):[qth]\d$/.exec(period);
    const year = m ? AcademicYear.parse(`${m[1]}-${m[2]}`) : null;
    if (!year?.ok || !isSupportedYear(year.value.endYear)) return undefined;
    const org = organisationId ? await this.em.findOne(OrganisationRecord, { id: organisationId }) : null;
    return (await this.effective(year.value, org?.kind === 'school' ? org : null)).calendar.scheme;
  }

  /**
   * The placement check's calendar facts for a school on the dates in question: its effective calendar of each
   * academic year from `startsOn` to `endsOn` (preloaded, so the rules stay synchronous) and the stored working days.
   */
  async placementContextFor(school: CalendarSchool, startsOn: string, endsOn: string): Promise<PlacementContext> {
    const working = await this.workingCalendar();
    const first = AcademicYear.containing(LocalDate.iso(startsOn));
    const last = AcademicYear.containing(LocalDate.iso(endsOn));
    const calendars = new Map<number, SchoolYearCalendar>();
    for (let y = first; y.startYear <= last.startYear && calendars.size < MAX_PRELOADED_YEARS; y = y.next())
      calendars.set(y.startYear, (await this.effective(y, school, working)).calendar);
    const kind = school?.termScheme ?? DEFAULT_TERM_SCHEME;
    return placementContext(
      (year) =>
        calendars.get(year.startYear) ??
        (kind === 'quarters'
          ? defaultSchoolYearCalendar(year, (d) => working.isNonWorking(d))
          : defaultOfScheme(year, kind)),
      working,
    );
  }
}

/** A stored row as a calendar; a row that no longer passes the rules (edited by hand) is skipped. */
function fromRecord(r: SchoolYearCalendarRecord, year: AcademicYear): SchoolYearCalendar | null {
  const span = (s: { first: string; last: string }) => ({ first: LocalDate.iso(s.first), last: LocalDate.iso(s.last) });
  const c = SchoolYearCalendar.create({
    kind: r.termScheme,
    academicYear: year,
    terms: r.terms.map(span),
    grade1Holiday: r.grade1Holiday ? span(r.grade1Holiday) : null,
  });
  return c.ok ? c.value : null;
}

function defaultOfScheme(year: AcademicYear, kind: TermSchemeKind): SchoolYearCalendar {
  const scheme = defaultTermScheme(kind, year);
  const c = SchoolYearCalendar.create({
    kind,
    academicYear: year,
    terms: scheme.terms.map((t) => ({ first: t.range.start, last: t.range.last })),
  });
  return c.ok ? c.value : defaultSchoolYearCalendar(year);
}
