import { OrganisationRecord } from '@socium/api-persistence';
import type { ReportQuery, ReportTotals } from '@socium/contracts';
import {
  AcademicYear,
  activityCounts,
  AGE_BANDS,
  CAREER_GUIDANCE_DIRECTION,
  CareerActivity,
  careerHoursByGrade,
  careerHoursTotal,
  districtTotals,
  documentAcknowledgement,
  emptyTotals,
  HELD_ACTIVITY_STATUS,
  LocalDate,
  parsePeriod,
  planExecution,
  PROFMINIMUM_LEVELS,
  profminimumApplies,
  profminimumFulfilment,
  ProfminimumLevel,
  profminimumLevelOfYear,
  SummaryTotals,
  summaryTotals,
  summerEmployment,
  uncoveredProfessions,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { flaggedWithoutPlan } from '../agreements/agreement-plan.filter';
import { applyDueAmendments } from '../agreements/amendment-apply';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { CalendarService } from '../calendars/calendar.service';
import { ClockService } from '../clock/clock.service';
import { anyRecord } from '../common/crud.support';
import { invalid, notFound, orThrow } from '../http/app-error';
import { buildIndicators } from './report-indicators';
import { formName, labelsFor, partnerTypeName } from './report-labels';
import { REPORT_TABLES } from './report-tables';
import { BreakdownRow, CareerGuidanceRow, ReportFlags, ReportJson, TOTAL_KEYS } from './report.model';
import { ActivityGroupRow, ReportQueries } from './report.queries';

/**
 * Builds the report model of `GET /reports/summary`: the G2 indicators of a period, district-wide or for
 * one organisation. The database aggregates (GROUP BY, `ReportQueries`); the domain library turns grouped
 * rows into indicators. Every format is exported from this one model (`ReportsService`).
 */
@Injectable()
export class ReportBuilder {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
    private readonly audit: AuditService,
  ) {}

  /** The report as JSON (the basis of every format). */
  async build(c: Caller, q: ReportQuery): Promise<ReportJson> {
    if (q.table !== undefined && !(REPORT_TABLES as readonly string[]).includes(q.table)) {
      throw invalid(
        'report.table.unknown',
        'table',
        `Unknown table "${q.table}"; use one of ${REPORT_TABLES.join(', ')}`,
        `Неизвестная таблица «${q.table}»; допустимо: ${REPORT_TABLES.join(', ')}`,
        `«${q.table}» — билгесез таблица; рөхсәт ителгәннәр: ${REPORT_TABLES.join(', ')}`,
      );
    }
    const period = orThrow(parsePeriod(q.period, await this.calendars.termSchemeFor(q.period, q.organisationId)));
    const scope = this.access.reportScope(c, q.organisationId);
    // future-dated amendments whose date has come are written into their agreements first
    await applyDueAmendments(this.em, this.audit, this.clock.today(), this.clock.nowIso());
    if (scope && !(await anyRecord(this.em, OrganisationRecord, { id: scope }))) throw notFound('organisation');
    const academicYear = period.academicYear ?? AcademicYear.containing(period.startsOn);
    const db = this.queriesFor(period.startsOn.toString(), period.endsOn.toString(), scope, academicYear.label);

    const [
      orgRows,
      agreements,
      partners,
      districtPartners,
      partnerTypes,
      breakdowns,
      orgGroups,
      plannedRows,
      careerRows,
      covered,
      needs,
      placements,
      employed,
      docs,
      ackPairs,
      department,
    ] = await Promise.all([
      db.organisations(),
      db.agreementsByOrg(),
      db.partnersByOrg(),
      db.distinctPartners(),
      db.partnersByType(),
      db.breakdownGroups(),
      db.activityGroupsByOrg(),
      db.plannedStatusByOrg(),
      db.careerHoursByGrades(),
      db.coveredProfessions(),
      db.labourNeeds(),
      db.placementsByOrg(),
      db.employedByChannelAndBand(),
      db.documentsByOrg(),
      db.acknowledgementPairs(),
      db.departmentName(),
    ]);
    // each school judged by its профминимум level of the reported academic year (E1), not by today's
    const orgs = orgRows.map((o) => ({
      ...o,
      profminimumLevel: profminimumLevelOfYear(
        academicYear,
        knownLevel(o.yearLevel),
        knownLevel(o.profminimumLevel) ?? null,
      ),
    }));
    const [inForceByKind, flowAgreements, schoolsWithEmployer, held, enrolments, websiteItems] = await Promise.all([
      db.agreementsInForceByKind(),
      db.agreementsForFlows(),
      db.schoolsWithEmployerPartner(),
      db.heldGroups(),
      db.enrolments(),
      db.websiteItems(),
    ]);
    // C3 flag (issue 14 item 4): the domain's `isPlanMissing` on the period's reference day — today while the
    // period runs, its last day once over, its first day before it starts — in the period's academic year
    const today = this.clock.today();
    const flagDay = today.isBefore(period.startsOn)
      ? period.startsOn
      : today.isAfter(period.endsOn)
        ? period.endsOn
        : today;
    const withoutPlan = new Map<string, number>();
    for (const a of await flaggedWithoutPlan(this.em, flagDay, scope ? [{ schoolId: scope }] : [], academicYear.label))
      withoutPlan.set(a.schoolId, (withoutPlan.get(a.schoolId) ?? 0) + 1);
    const flagsOf = (org: string): ReportFlags => ({
      agreementsWithoutPlan: withoutPlan.get(org) ?? 0,
      placementsBlocked: placements.get(org)?.blocked ?? 0,
      placementsBlockedStarted: placements.get(org)?.blockedStarted ?? 0,
    });

    // One totals row per organisation that appears anywhere, from the grouped rows.
    const orgIds = new Set<string>([
      ...agreements.keys(),
      ...partners.keys(),
      ...orgGroups.map((g) => g.org),
      ...plannedRows.map((g) => g.org),
      ...placements.keys(),
      ...docs.keys(),
      ...withoutPlan.keys(),
      ...orgs.map((o) => o.id),
    ]);
    const groupsByOrg = groupBy(orgGroups, (g) => g.org);
    const plannedByOrg = groupBy(plannedRows, (g) => g.org);
    const careerByOrg = groupBy(careerRows, (r) => r.org);
    const rowOf = (org: string): SummaryTotals => {
      const mine = groupsByOrg.get(org) ?? [];
      // plan execution (#5): the activities planned in the period, where a postponement left them
      const counts = activityCounts(plannedByOrg.get(org) ?? []);
      const p = placements.get(org);
      const d = docs.get(org);
      return summaryTotals({
        agreementsActive: agreements.get(org) ?? 0,
        partners: partners.get(org) ?? 0,
        activitiesPlanned: counts.planned,
        activitiesHeld: counts.held,
        activitiesCancelled: counts.cancelled,
        participants: mine.reduce((s, g) => s + g.participants, 0),
        careerGuidanceHours: careerHoursTotal((careerByOrg.get(org) ?? []).map(asCareerActivity)),
        placements: p?.placements ?? 0,
        placementsWithFindings: p?.withFindings ?? 0,
        documentRecipients: d?.recipients ?? 0,
        documentsAcknowledged: d?.acknowledged ?? 0,
        documentsOverdue: d?.overdue ?? 0,
      });
    };
    const rows = new Map([...orgIds].map((id) => [id, rowOf(id)]));
    const totals: SummaryTotals = scope
      ? (rows.get(scope) ?? emptyTotals())
      : districtTotals([...rows.values()], districtPartners);
    const totalFlags: ReportFlags = scope
      ? flagsOf(scope)
      : [...orgIds].map(flagsOf).reduce(
          (s, f) => ({
            agreementsWithoutPlan: s.agreementsWithoutPlan + f.agreementsWithoutPlan,
            placementsBlocked: s.placementsBlocked + f.placementsBlocked,
            placementsBlockedStarted: s.placementsBlockedStarted + f.placementsBlockedStarted,
          }),
          { agreementsWithoutPlan: 0, placementsBlocked: 0, placementsBlockedStarted: 0 },
        );

    const cal = await this.calendars.workingCalendar();
    const days = ackPairs.flatMap((p) =>
      Array<number>(p.count).fill(
        Math.max(0, cal.workingDaysBetween(LocalDate.iso(p.sentOn), LocalDate.iso(p.acknowledgedOn))),
      ),
    );
    const docTotals = [...docs.values()].reduce(
      (s, d) => ({
        recipients: s.recipients + d.recipients,
        onTime: s.onTime + d.onTime,
        overdue: s.overdue + d.overdue,
      }),
      { recipients: 0, onTime: 0, overdue: 0 },
    );
    const ack = documentAcknowledgement({
      recipients: docTotals.recipients,
      acknowledgedOnTime: docTotals.onTime,
      overdue: docTotals.overdue,
      workingDaysToAcknowledge: days,
    });

    // #11's denominators: pupils aged 14, 15 and 16–17 of the schools in scope (enrolment of the academic year)
    const employment = summerEmployment({
      students: enrolments.reduce(
        (s, e) => ({ '14': s['14'] + e.aged14, '15': s['15'] + e.aged15, '16-17': s['16-17'] + e.aged16to17 }),
        { '14': 0, '15': 0, '16-17': 0 },
      ),
      employed: employed.rows,
      distinctEmployed: employed.distinct,
    });

    // every name in the report in the report's language (the files translate the same keys the same way)
    const t = labelsFor(q.lang);
    const report: Omit<ReportJson, 'indicators'> = {
      period: period.toJSON(),
      organisationId: scope,
      department,
      totals: plain(totals, totalFlags),
      schools: orgs.map((o) => ({
        organisationId: o.id,
        name: o.name,
        ...plain(rows.get(o.id) ?? emptyTotals(), flagsOf(o.id)),
      })),
      byDirection: breakdown(
        breakdowns.byDirectionAndForm,
        (g) => g.directionCode,
        (g) => g.directionName,
      ),
      byForm: breakdown(
        breakdowns.byDirectionAndForm,
        (g) => g.form,
        (g) => formName(t, g.form),
      ),
      byPartnerType: breakdown(
        breakdowns.byPartnerType,
        (g) => (g.hasPartner ? (g.partnerType ?? 'unspecified') : 'own'),
        () => '',
      ).map((r) => ({
        ...r,
        name: partnerTypeName(t, r.key),
        partners: partnerTypes
          .filter((p) => (p.partnerType ?? 'unspecified') === r.key)
          .reduce((s, p) => s + p.count, 0),
      })),
      careerGuidance: orgs
        .filter((o) => o.kind === 'school')
        .map((o) => careerRow(o, careerByOrg.get(o.id) ?? [], profminimumApplies(period.startsOn))),
      uncoveredProfessions: uncoveredProfessions(needs, covered).map((n) => ({
        profession: n.profession,
        demand: n.demand,
      })),
      summerEmployment: {
        employed: employment.employed,
        byChannel: { ...employment.byChannel },
        byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, { ...employment.byAgeBand[b] }])),
      },
      documents: {
        recipients: ack.recipients,
        onTime: ack.acknowledgedOnTime,
        overdue: ack.overdue,
        onTimeShare: ack.onTimeShare,
        medianDaysToAcknowledge: ack.medianWorkingDays,
      },
    };
    const schools = orgs.filter((o) => o.kind === 'school');
    const indicators = buildIndicators(
      {
        period: period.range,
        profminimumApplies: profminimumApplies(period.startsOn),
        schools,
        totals,
        inForceByKind,
        partnerTypes,
        schoolsWithEmployer,
        flowAgreements,
        byForm: report.byForm,
        byPartnerType: report.byPartnerType,
        held,
        enrolments,
        careerRows,
        needs,
        covered,
        employment,
        acknowledgement: ack,
        // the day an item reached the website, in the district's time zone
        websiteItems: websiteItems.map((w) => ({
          ...w,
          publishedAt: /^\d{4}-\d{2}-\d{2}/.test(w.publishedAt)
            ? this.clock.dayOf(w.publishedAt).toString()
            : w.publishedAt,
        })),
        calendar: cal,
      },
      t,
    );
    return { ...report, indicators };
  }

  /** The queries of a built report (its period and scope), for the rows a file lists beyond the model. */
  queries(report: ReportJson): ReportQueries {
    return this.queriesFor(report.period.startsOn, report.period.endsOn, report.organisationId, '');
  }

  private queriesFor(start: string, end: string, scope: string | null, academicYear: string): ReportQueries {
    const today = this.clock.today().toString();
    return new ReportQueries((this.em as SqlEntityManager).getKnex(), { start, end, scope, today, academicYear });
  }
}

/** Groups rows by a key in one pass (no per-key scans: the cost stays linear in the rows). */
function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  }
  return by;
}

/** A totals row with its flags, its keys in report order. */
const plain = (t: SummaryTotals, flags: ReportFlags): ReportTotals => {
  const all: Record<string, number | null> = { ...t, ...flags };
  return Object.fromEntries(TOTAL_KEYS.map((k) => [k, all[k]])) as unknown as ReportTotals;
};

/** Held career-guidance hours of one (school, grades) group as the career module sees them. */
const asCareerActivity = (r: { targetGrades: number[]; hours: number }): CareerActivity => ({
  targetGrades: r.targetGrades,
  hours: r.hours,
  status: HELD_ACTIVITY_STATUS,
  directionCode: CAREER_GUIDANCE_DIRECTION,
});

/** Rolls grouped activity rows up by a key, with the domain's counts and plan execution. */
function breakdown(
  groups: readonly ActivityGroupRow[],
  key: (g: ActivityGroupRow) => string,
  name: (g: ActivityGroupRow) => string,
): BreakdownRow[] {
  return [...groupBy(groups, key).entries()]
    .map(([k, rows]) => {
      const counts = activityCounts(rows);
      return {
        key: k,
        name: name(rows[0] as ActivityGroupRow),
        activitiesPlanned: counts.planned,
        activitiesHeld: counts.held,
        activitiesCancelled: counts.cancelled,
        planExecution: planExecution(counts),
        participants: rows.reduce((s, r) => s + r.participants, 0),
        hours: Math.round(rows.filter((r) => r.status === 'held').reduce((s, r) => s + r.hours, 0) * 10_000) / 10_000,
      };
    })
    .sort((a, b) => b.activitiesPlanned - a.activitiesPlanned || a.key.localeCompare(b.key));
}

/** A stored level as the domain's (an unknown text is no level). */
const knownLevel = (l: string | null): ProfminimumLevel | null => PROFMINIMUM_LEVELS.find((x) => x === l) ?? null;

/** Профминимум per grade for one school: hours delivered (held career-guidance activities) vs its declared level. */
function careerRow(
  o: { id: string; name: string; profminimumLevel: string | null },
  rows: { targetGrades: number[]; hours: number }[],
  applies: boolean,
): CareerGuidanceRow {
  const byGrade = careerHoursByGrade(rows.map(asCareerActivity));
  // before 01.09.2023 there was no профминимум: hours are shown, no level is required (E1)
  const level = applies ? (PROFMINIMUM_LEVELS.find((l) => l === o.profminimumLevel) ?? null) : null;
  if (!level) {
    const grades = Object.entries(byGrade).map(([g, hours]) => ({
      grade: Number(g),
      hours,
      required: null,
      ratio: null,
      met: null,
    }));
    return { organisationId: o.id, name: o.name, level: null, required: null, grades, gradesMet: null, share: null };
  }
  const f = profminimumFulfilment(byGrade, level);
  return {
    organisationId: o.id,
    name: o.name,
    level,
    required: f.required,
    grades: f.grades.map((g) => ({ ...g })),
    gradesMet: f.gradesMet,
    share: f.share,
  };
}
