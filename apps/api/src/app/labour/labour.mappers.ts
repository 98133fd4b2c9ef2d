import type { LabourNeedRecord, PlacementRecord } from '@socium/api-persistence';
import type { LabourNeedResponse, PlacementResponse } from '@socium/contracts';

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

/** Whitelists what leaves the API: a pseudonymous student code, never a name. */
export function toPlacementResponse(r: PlacementRecord): PlacementResponse {
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
    medicalClearanceOn: r.medicalClearanceOn,
    hasGeneralEducation: r.hasGeneralEducation,
    orphan: r.orphan,
    studentDetachment: r.studentDetachment,
    probationClause: r.probationClause,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
