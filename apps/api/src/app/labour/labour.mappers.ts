import type { LabourNeedRecord, PlacementRecord } from '@socium/api-persistence';
import type { LabourNeedResponse, PlacementResponse } from '@socium/contracts';
import { placementFindingKind, type Language, type Message, type RuleCode } from '@socium/domain';

import { inLang } from '../http/request-lang';

export function toLabourNeedResponse(r: LabourNeedRecord): LabourNeedResponse {
  return {
    id: r.id,
    profession: r.profession,
    sector: r.sector,
    demand: r.demand,
    academicYear: r.academicYear,
    source: r.source,
    employerId: r.employerId,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Whitelists what leaves the API: a pseudonymous student code, never a name; findings in the request's language. */
export function toPlacementResponse(r: PlacementRecord, lang: Language = 'ru'): PlacementResponse {
  return {
    id: r.id,
    schoolId: r.schoolId,
    employerId: r.employerId,
    channel: r.channel,
    kind: r.kind,
    jobTitle: r.jobTitle,
    studentCode: r.studentCode,
    studentBirthDate: r.studentBirthDate,
    studentSex: r.studentSex,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    workDays: r.workDays as PlacementResponse['workDays'],
    shiftStartsAt: r.shiftStartsAt,
    shiftEndsAt: r.shiftEndsAt,
    hoursPerDay: r.hoursPerDay,
    hoursPerWeek: r.hoursPerWeek,
    harmful: r.harmful,
    maxLoadKg: r.maxLoadKg,
    loadMode: r.loadMode as PlacementResponse['loadMode'],
    parentConsent: r.parentConsent,
    guardianshipConsent: r.guardianshipConsent,
    weekendWorkConsent: r.weekendWorkConsent,
    medicalClearanceOn: r.medicalClearanceOn,
    hasGeneralEducation: r.hasGeneralEducation,
    orphan: r.orphan,
    studentDetachment: r.studentDetachment,
    probationClause: r.probationClause,
    status: r.status,
    findings: (r.findings ?? []).map((f) => ({
      rule: f.rule,
      message: inLang(storedMessage(f.message), lang),
      ...(f.field ? { field: f.field } : {}),
      kind:
        placementFindingKind({ rule: f.rule as RuleCode, message: storedMessage(f.message) }) === 'review'
          ? 'review'
          : 'paperwork',
    })),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A stored finding's message; rows stored before every message had its Tatar text show the Russian one in Tatar. */
const storedMessage = (m: { ru: string; en: string; tt?: string }): Message => ({
  ru: m.ru,
  en: m.en,
  tt: m.tt ?? m.ru,
});
