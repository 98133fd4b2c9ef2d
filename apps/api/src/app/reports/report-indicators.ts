import {
  AGE_BANDS,
  AGREEMENT_KINDS,
  AgreementData,
  agreementFlowCounts,
  CAREER_GUIDANCE_DIRECTION,
  careerHoursByGrade,
  DateRange,
  DocumentAcknowledgement,
  EMPLOYER_PARTNER_TYPES,
  employerPartnerShare,
  enrolmentTotals,
  HELD_ACTIVITY_STATUS,
  HoursByGrade,
  IndicatorReason,
  LocalDate,
  placementCompliance,
  professionCoverage,
  PROFMINIMUM_LEVELS,
  profminimumSummary,
  ratio,
  SENIOR_GRADES,
  studentCoverageOf,
  SummaryTotals,
  SummerEmployment,
  trialsAndExcursions,
  uncoveredProfessions,
  WEBSITE_UPDATE_WORKING_DAYS,
  websiteTimeliness,
  WorkingCalendar,
} from '@socium/domain';

import { partnerTypeName } from './report-labels';
import type { BreakdownRow } from './report.model';
import type { EnrolmentRow, HeldGroupRow, WebsiteItemRow } from './report.queries';

/** A number, or null with the reason's code and its message in the report's language. */
type Headline = { value: number } | { value: null; reason: IndicatorReason; message: string };
/** One indicator of the report: its name in the report's language, its headline value and its details. */
export type Indicator = { name: string } & Headline & Record<string, unknown>;
export type ReportIndicators = Record<string, Indicator>;

/** Everything the fourteen indicators are computed from: the report's query rows and blocks. */
export interface IndicatorInputs {
  period: DateRange;
  profminimumApplies: boolean;
  /** the schools of the scope (the one school of a school report) */
  schools: { id: string; name: string; profminimumLevel: string | null }[];
  totals: SummaryTotals;
  inForceByKind: { kind: string; count: number }[];
  partnerTypes: { partnerType: string | null; count: number }[];
  schoolsWithEmployer: ReadonlySet<string>;
  flowAgreements: readonly AgreementData[];
  byForm: readonly BreakdownRow[];
  byPartnerType: readonly BreakdownRow[];
  held: readonly HeldGroupRow[];
  enrolments: readonly EnrolmentRow[];
  careerRows: readonly { org: string; targetGrades: number[]; hours: number }[];
  needs: readonly { profession: string; demand: number }[];
  covered: readonly string[];
  employment: SummerEmployment;
  acknowledgement: DocumentAcknowledgement;
  websiteItems: readonly WebsiteItemRow[];
  calendar: WorkingCalendar;
}

const TRIAL_FORMS = ['professional_trial', 'excursion'];
/** A stored day or timestamp (rows written by hand or by an old version may carry anything else: left out). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const touchesSenior = (grades: readonly number[]) => grades.some((g) => SENIOR_GRADES.includes(g));

/**
 * The report's `indicators`: G2 #1–#14, each computed by `@socium/domain` from the report's rows, named in the
 * report's language (`t`); a value the data cannot give is null with a stable reason and a message.
 */
export function buildIndicators(i: IndicatorInputs, t: (key: string) => string): ReportIndicators {
  const named = (key: string, value: number | null, reason: IndicatorReason, details: Record<string, unknown>) => {
    const head: Headline = value === null ? { value, reason, message: t(`reason_${reason}`) } : { value };
    return { name: t(`ind_${key}`), ...head, ...details } as Indicator;
  };
  const schoolIds = new Set(i.schools.map((s) => s.id));
  const enrolmentOf = new Map(i.enrolments.filter((e) => schoolIds.has(e.org)).map((e) => [e.org, e]));
  const heldByOrg = groupBy(i.held, (h) => h.org);
  const heldOf = (org: string) => heldByOrg.get(org) ?? [];
  const careerByOrg = groupBy(i.careerRows, (r) => r.org);

  // #1
  const byKind = Object.fromEntries(
    AGREEMENT_KINDS.map((k) => [k, i.inForceByKind.find((r) => r.kind === k)?.count ?? 0]),
  );
  // #3
  const employers = employerPartnerShare(
    i.schools.map((s) => ({ employerPartners: i.schoolsWithEmployer.has(s.id) ? 1 : 0 })),
  );
  // #4
  const flows = agreementFlowCounts(i.flowAgreements, i.period);
  // #7
  const coverage = studentCoverageOf(
    i.schools.map((s) => {
      const mine = heldOf(s.id);
      const e = enrolmentOf.get(s.id);
      return {
        participants: mine.reduce((n, h) => n + h.participants, 0),
        participants6to11: mine.filter((h) => touchesSenior(h.targetGrades)).reduce((n, h) => n + h.participants, 0),
        enrolment: e ? enrolmentTotals(e.pupilsByGrade) : null,
      };
    }),
  );
  // #8
  const hoursOf = (org: string): HoursByGrade =>
    careerHoursByGrade(
      (careerByOrg.get(org) ?? []).map((r) => ({
        targetGrades: r.targetGrades,
        hours: r.hours,
        status: HELD_ACTIVITY_STATUS,
        directionCode: CAREER_GUIDANCE_DIRECTION,
      })),
    );
  const levelled = i.schools.flatMap((s) => {
    const level = PROFMINIMUM_LEVELS.find((l) => l === s.profminimumLevel);
    return level ? [{ school: s, level, hoursByGrade: hoursOf(s.id) }] : [];
  });
  const profSchools = levelled.map((x) => {
    const one = profminimumSummary([{ level: x.level, hoursByGrade: x.hoursByGrade }]);
    return { organisationId: x.school.id, name: x.school.name, level: x.level, met: one.schoolsFulfilled === 1 };
  });
  const prof = profminimumSummary(levelled.map((x) => ({ level: x.level, hoursByGrade: x.hoursByGrade })));
  // #9
  const trialRows = i.held.filter((h) => TRIAL_FORMS.includes(h.form));
  const trialCoverage = studentCoverageOf(
    i.schools.map((s) => {
      const e = enrolmentOf.get(s.id);
      const p = heldOf(s.id)
        .filter((h) => TRIAL_FORMS.includes(h.form))
        .reduce((n, h) => n + h.participants, 0);
      return { participants: p, participants6to11: p, enrolment: e ? enrolmentTotals(e.pupilsByGrade) : null };
    }),
  );
  const trials = trialsAndExcursions({
    held: trialRows,
    uniqueParticipants: trialRows.reduce((n, h) => n + h.participants, 0),
    enrolment6to11: null,
  });
  // #10
  const professions = professionCoverage(i.needs, i.covered);
  // #14
  const web = websiteTimeliness(
    i.websiteItems
      .filter((w) => ISO_DAY.test(w.eventOn) && ISO_DAY.test(w.publishedAt))
      .map((w) => ({
        eventOn: LocalDate.iso(w.eventOn),
        publishedOn: LocalDate.iso(w.publishedAt.slice(0, 10)),
        count: w.count,
      })),
    i.calendar,
  );
  const em = i.employment;
  const ack = i.acknowledgement;
  const tot = i.totals;
  const hasEnrolment = i.schools.some((s) => enrolmentOf.has(s.id));

  return {
    activeAgreementsByKind: named('activeAgreementsByKind', tot.agreementsActive, 'schools.none', { byKind }),
    partnersByType: named('partnersByType', tot.partners, 'schools.none', {
      byType: i.partnerTypes
        .map((p) => ({ key: p.partnerType ?? 'unspecified', value: p.count }))
        .map((p) => ({ key: p.key, name: partnerTypeName(t, p.key), value: p.value }))
        .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key)),
    }),
    schoolsWithEmployerPartnerShare: named('schoolsWithEmployerPartnerShare', employers.share, 'schools.none', {
      schools: employers.schools,
      schoolsWithEmployer: employers.withEmployer,
      employerPartnerTypes: [...EMPLOYER_PARTNER_TYPES],
    }),
    agreementFlows: named('agreementFlows', flows.started + flows.expired + flows.renewed, 'schools.none', {
      new: flows.started,
      expired: flows.expired,
      renewed: flows.renewed,
    }),
    planExecution: named('planExecution', tot.planExecution, 'activities.none-planned', {
      planned: tot.activitiesPlanned,
      held: tot.activitiesHeld,
      cancelled: tot.activitiesCancelled,
    }),
    jointEventsByForm: named('jointEventsByForm', tot.activitiesHeld, 'activities.none-held', {
      byForm: i.byForm.map((r) => ({ key: r.key, name: r.name, value: r.activitiesHeld })),
      byPartnerType: i.byPartnerType.map((r) => ({ key: r.key, name: r.name, value: r.activitiesHeld })),
    }),
    studentCoverage: named('studentCoverage', hasEnrolment ? coverage.share : null, 'enrolment.missing', {
      participants: coverage.participants,
      enrolment: coverage.enrolment,
      grades6to11: coverage.grades6to11.share,
      participants6to11: coverage.grades6to11.participants,
      enrolment6to11: coverage.grades6to11.enrolment,
      schoolsWithoutEnrolment: coverage.schoolsWithoutEnrolment,
      method: 'participants-capped-at-enrolment',
    }),
    profminimum: i.profminimumApplies
      ? named('profminimum', ratio(prof.schoolsFulfilled, levelled.length), 'profminimum.no-level', {
          schoolsWithLevel: levelled.length,
          schoolsMeeting: prof.schoolsFulfilled,
          gradeShare: prof.share,
          schools: profSchools,
        })
      : named('profminimum', null, 'profminimum.not-applicable', {
          schoolsWithLevel: 0,
          schoolsMeeting: 0,
          schools: [],
        }),
    trialsAndExcursions: named('trialsAndExcursions', trials.professionalTrials + trials.excursions, 'schools.none', {
      professionalTrials: trials.professionalTrials,
      excursions: trials.excursions,
      participants: trials.uniqueParticipants,
      gradesReached: [...trials.gradesReached],
      grades6to11Share: trials.gradeShare,
      participantShare: trialCoverage.grades6to11.share,
    }),
    demandedProfessionsCovered: named('demandedProfessionsCovered', professions.ratio, 'labour-needs.missing', {
      covered: professions.covered,
      demanded: professions.demanded,
      uncovered: uncoveredProfessions(i.needs, i.covered).map((n) => ({ profession: n.profession, demand: n.demand })),
    }),
    summerEmployment: named('summerEmployment', hasEnrolment ? em.share : null, 'enrolment.missing', {
      employed: em.employed,
      students: em.students,
      byChannel: Object.fromEntries(Object.entries(em.byChannel).map(([ch, v]) => [ch, { name: t(`ch_${ch}`), ...v }])),
      byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, { ...em.byAgeBand[b] }])),
    }),
    placementCompliance: named(
      'placementCompliance',
      placementCompliance(tot.placements, tot.placementsWithFindings).share,
      'placements.none',
      { placements: tot.placements, withFindings: tot.placementsWithFindings },
    ),
    documentAcknowledgement: named('documentAcknowledgement', ack.onTimeShare, 'documents.none', {
      recipients: ack.recipients,
      onTime: ack.acknowledgedOnTime,
      overdue: ack.overdue,
      medianWorkingDays: ack.medianWorkingDays,
    }),
    websiteTimeliness: named('websiteTimeliness', web.share, 'website.no-items', {
      items: web.items,
      timely: web.timely,
      deadlineWorkingDays: WEBSITE_UPDATE_WORKING_DAYS,
    }),
  };
}

/** Groups rows by a key in one pass. */
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
