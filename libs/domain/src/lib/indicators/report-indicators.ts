import { LocalDate } from '../common';
import { PartnerType } from '../organisation';
import { ratio, weight, Weighted } from './ratio';

/** The keys of the report's `indicators` object, G2 #1–#14 in order (the public contract). */
export const INDICATOR_KEYS = [
  'activeAgreementsByKind',
  'partnersByType',
  'schoolsWithEmployerPartnerShare',
  'agreementFlows',
  'planExecution',
  'jointEventsByForm',
  'studentCoverage',
  'profminimum',
  'trialsAndExcursions',
  'demandedProfessionsCovered',
  'summerEmployment',
  'placementCompliance',
  'documentAcknowledgement',
  'websiteTimeliness',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The indicators whose value is a share (0–1) rather than a count: shown as a percentage. */
export const SHARE_INDICATOR_KEYS: readonly IndicatorKey[] = [
  'schoolsWithEmployerPartnerShare',
  'planExecution',
  'studentCoverage',
  'profminimum',
  'demandedProfessionsCovered',
  'summerEmployment',
  'placementCompliance',
  'documentAcknowledgement',
  'websiteTimeliness',
];

/** Why an indicator has no value: stable codes, each with a message in the report's language (report labels). */
export const INDICATOR_REASONS = [
  'enrolment.missing',
  'profminimum.not-applicable',
  'profminimum.no-level',
  'labour-needs.missing',
  'activities.none-planned',
  'activities.none-held',
  'schools.none',
  'placements.none',
  'documents.none',
  'website.no-items',
] as const;
export type IndicatorReason = (typeof INDICATOR_REASONS)[number];

/** An indicator's headline: a number, or null with the reason the data does not give one. */
export type IndicatorValue = { readonly value: number } | { readonly value: null; readonly reason: IndicatorReason };

/** `value` when it is a number, else null with `reason`. */
export const valueOr = (value: number | null, reason: IndicatorReason): IndicatorValue =>
  value === null ? { value: null, reason } : { value };

/**
 * The partner types that count as an employer (an enterprise) for indicator #3: only `employer` (организация-
 * работодатель). A college, the employment centre (ЦЗН), a state body or an NGO is a partner but not an enterprise.
 */
export const EMPLOYER_PARTNER_TYPES: readonly PartnerType[] = ['employer'];

export const isEmployerPartner = (type: string | null | undefined): boolean =>
  !!type && (EMPLOYER_PARTNER_TYPES as readonly string[]).includes(type);

/** The grades of indicator #7 (all of general education) and of its 6–11 share. */
export const ALL_GRADES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
export const SENIOR_GRADES: readonly number[] = [6, 7, 8, 9, 10, 11];

/** Pupils of grades 1–11 and of grades 6–11 from an enrolment row's pupils per grade (keys "1"…"11"). */
export function enrolmentTotals(pupilsByGrade: Readonly<Record<string, number>>): {
  readonly grades1to11: number;
  readonly grades6to11: number;
} {
  const sum = (grades: readonly number[]) => grades.reduce((s, g) => s + Math.max(0, pupilsByGrade[String(g)] ?? 0), 0);
  return { grades1to11: sum(ALL_GRADES), grades6to11: sum(SENIOR_GRADES) };
}

/** One school's inputs to #7: participants of its held activities and its enrolment (null when none was entered). */
export interface SchoolCoverageInput {
  /** actual participants of its held activities of the period */
  readonly participants: number;
  /** … of those activities aimed at one of grades 6–11 */
  readonly participants6to11: number;
  readonly enrolment: { readonly grades1to11: number; readonly grades6to11: number } | null;
}

export interface StudentCoverageFigures {
  /** participants counted, each school's capped at its enrolment */
  readonly participants: number;
  readonly enrolment: number;
  readonly share: number | null;
  readonly grades6to11: { readonly participants: number; readonly enrolment: number; readonly share: number | null };
  /** schools of the scope without an enrolment row for the year: left out of both sides */
  readonly schoolsWithoutEnrolment: number;
}

/**
 * Indicator #7 (academic year). Students are not tracked one by one, so a school's "unique students reached" is
 * approximated by the actual participants of its held activities, capped at its enrolment (a pupil at two events
 * counts twice up to that cap). Schools without an enrolment row are left out of both sides; the share is null
 * when no school has one.
 */
export function studentCoverageOf(schools: readonly SchoolCoverageInput[]): StudentCoverageFigures {
  let participants = 0;
  let enrolment = 0;
  let senior = 0;
  let seniorEnrolment = 0;
  let missing = 0;
  for (const s of schools) {
    if (!s.enrolment) {
      missing++;
      continue;
    }
    participants += Math.min(s.participants, s.enrolment.grades1to11);
    enrolment += s.enrolment.grades1to11;
    senior += Math.min(s.participants6to11, s.enrolment.grades6to11);
    seniorEnrolment += s.enrolment.grades6to11;
  }
  return {
    participants,
    enrolment,
    share: ratio(participants, enrolment),
    grades6to11: { participants: senior, enrolment: seniorEnrolment, share: ratio(senior, seniorEnrolment) },
    schoolsWithoutEnrolment: missing,
  };
}

/** D1 (273-ФЗ ст. 29): the website is updated within 10 working days of the information's creation or change. */
export const WEBSITE_UPDATE_WORKING_DAYS = 10;

/** A public item (or a group of `count` items): the day of the event it reports and the day it reached the website. */
export interface WebsiteItem extends Weighted {
  readonly eventOn: LocalDate;
  readonly publishedOn: LocalDate;
}

export interface WebsiteTimeliness {
  readonly items: number;
  /** published on or before the 10th working day after the event */
  readonly timely: number;
  readonly share: number | null;
}

/**
 * Indicator #14 (calendar quarter; internal): items published within `WEBSITE_UPDATE_WORKING_DAYS` working days
 * (the regional working calendar, A6) of their event ÷ items. Published before or on the event day is timely.
 */
export function websiteTimeliness(
  items: readonly WebsiteItem[],
  calendar: { addWorkingDays(date: LocalDate, n: number): LocalDate },
): WebsiteTimeliness {
  let all = 0;
  let timely = 0;
  for (const i of items) {
    all += weight(i);
    if (!i.publishedOn.isAfter(calendar.addWorkingDays(i.eventOn, WEBSITE_UPDATE_WORKING_DAYS))) timely += weight(i);
  }
  return { items: all, timely, share: ratio(timely, all) };
}
