import type { CreatePlacementRequest, PlacementContextResponse } from '@socium/contracts';
import {
  assessPlacement,
  LOAD_MODES,
  LocalDate,
  LocalTime,
  PLACEMENT_CHANNELS,
  PLACEMENT_KINDS,
  placementContextOfFacts,
  STUDENT_SEXES,
  WORK_DAYS,
  type Finding,
  type Language,
  type LoadMode,
  type PlacementAssessment,
  type PlacementChannel,
  type PlacementInput,
  type PlacementKind,
  type StudentSex,
  type WorkDay,
} from '@socium/domain';

export { LOAD_MODES, PLACEMENT_CHANNELS, PLACEMENT_KINDS, STUDENT_SEXES, WORK_DAYS };

/** The placement form as typed: dates and times as the inputs give them, numbers possibly empty. */
export interface PlacementFormValue {
  schoolId: string;
  employerId: string;
  channel: PlacementChannel;
  kind: PlacementKind;
  jobTitle: string;
  studentCode: string;
  studentBirthDate: string;
  studentSex: StudentSex;
  startsOn: string;
  endsOn: string;
  workDays: Record<WorkDay, boolean>;
  shiftStartsAt: string;
  shiftEndsAt: string;
  hoursPerDay: number | string | null;
  hoursPerWeek: number | string | null;
  harmful: boolean;
  maxLoadKg: number | string | null;
  loadMode: LoadMode;
  parentConsent: boolean;
  guardianshipConsent: boolean;
  weekendWorkConsent: boolean;
  medicalClearanceOn: string;
  hasGeneralEducation: boolean;
  orphan: boolean;
  studentDetachment: boolean;
  probationClause: boolean;
}

const date = (s: string): LocalDate | null => {
  const r = LocalDate.parse(s);
  return r.ok ? r.value : null;
};
const time = (s: string): LocalTime | null => {
  const r = LocalTime.parse(s);
  return r.ok ? r.value : null;
};
const num = (v: number | string | null): number | null =>
  v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

/** The days ticked, Monday first. */
export const tickedDays = (days: Record<WorkDay, boolean>): WorkDay[] => WORK_DAYS.filter((d) => days[d]);

/**
 * The form as the domain's placement input, or null while a date, a time or an hours figure is not yet typed (the
 * checks cannot run on half a schedule).
 */
export function toPlacementInput(v: PlacementFormValue): PlacementInput | null {
  const birth = date(v.studentBirthDate);
  const startsOn = date(v.startsOn);
  const endsOn = date(v.endsOn);
  const shiftStartsAt = time(v.shiftStartsAt);
  const shiftEndsAt = time(v.shiftEndsAt);
  const hoursPerDay = num(v.hoursPerDay);
  const hoursPerWeek = num(v.hoursPerWeek);
  if (!birth || !startsOn || !endsOn || !shiftStartsAt || !shiftEndsAt || hoursPerDay === null || hoursPerWeek === null)
    return null;
  const medical = v.medicalClearanceOn ? date(v.medicalClearanceOn) : null;
  return {
    kind: v.kind,
    channel: v.channel,
    jobTitle: v.jobTitle,
    studentBirthDate: birth,
    studentSex: v.studentSex,
    startsOn,
    endsOn,
    workDays: tickedDays(v.workDays),
    shiftStartsAt,
    shiftEndsAt,
    hoursPerDay,
    hoursPerWeek,
    harmful: v.harmful,
    maxLoadKg: num(v.maxLoadKg),
    loadMode: v.loadMode,
    parentConsent: v.parentConsent,
    guardianshipConsent: v.guardianshipConsent,
    weekendWorkConsent: v.weekendWorkConsent,
    medicalClearanceOn: medical,
    hasGeneralEducation: v.hasGeneralEducation,
    orphan: v.orphan,
    studentDetachment: v.studentDetachment,
    probationClause: v.probationClause,
  };
}

/** The request body of the form (the contract's shape; the server checks it again). */
export function toRequest(v: PlacementFormValue): CreatePlacementRequest {
  return {
    schoolId: v.schoolId,
    employerId: v.employerId,
    channel: v.channel,
    kind: v.kind,
    jobTitle: v.jobTitle.trim(),
    studentCode: v.studentCode.trim(),
    studentBirthDate: v.studentBirthDate,
    studentSex: v.studentSex,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    workDays: tickedDays(v.workDays),
    shiftStartsAt: v.shiftStartsAt,
    shiftEndsAt: v.shiftEndsAt,
    hoursPerDay: num(v.hoursPerDay) ?? 0,
    hoursPerWeek: num(v.hoursPerWeek) ?? 0,
    harmful: v.harmful,
    maxLoadKg: num(v.maxLoadKg),
    loadMode: v.loadMode,
    parentConsent: v.parentConsent,
    guardianshipConsent: v.guardianshipConsent,
    weekendWorkConsent: v.weekendWorkConsent,
    medicalClearanceOn: v.medicalClearanceOn || null,
    hasGeneralEducation: v.hasGeneralEducation,
    orphan: v.orphan,
    studentDetachment: v.studentDetachment,
    probationClause: v.probationClause,
  };
}

/** The calendar facts cover the placement's days (else they are being fetched for the new dates). */
export const factsCover = (facts: PlacementContextResponse, input: PlacementInput, schoolId: string): boolean =>
  facts.schoolId === schoolId && facts.from <= input.startsOn.toString() && facts.to >= input.endsOn.toString();

/**
 * The Labour Code findings of the typed placement, computed by `@socium/domain`'s `assessPlacement` with the
 * calendar facts the server feeds the same rules (`GET /placements/context`): the server's answer on saving.
 */
export function liveAssessment(input: PlacementInput, facts: PlacementContextResponse): PlacementAssessment {
  return assessPlacement(input, placementContextOfFacts(facts));
}

/** A finding's sentence in the panel's language (the domain keeps ru, en and tt; Russian when tt is missing). */
export const findingText = (f: Finding, lang: Language): string => f.message[lang] ?? f.message.ru;

/** The span of days to ask the calendar facts for: the academic years the placement's days fall in. */
export function contextSpan(startsOn: LocalDate, endsOn: LocalDate): { from: string; to: string } | null {
  if (endsOn.isBefore(startsOn)) return null;
  const firstYear = startsOn.month >= 9 ? startsOn.year : startsOn.year - 1;
  const lastYear = endsOn.month >= 9 ? endsOn.year + 1 : endsOn.year;
  if (lastYear - firstYear > 2) return null;
  return { from: `${firstYear}-09-01`, to: `${lastYear}-08-31` };
}
