import type { LoadMode, PlacementChannel, PlacementKind, PlacementStatus, StudentSex, WorkDay } from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

import { BASE_PROPERTIES as base, BaseRecord } from './base-record';

/** Labour-market needs and student placements (C4, C5). */

export class LabourNeedRecord extends BaseRecord {
  profession!: string;
  sector!: string;
  demand!: number;
  academicYear!: string;
  source = '';
  employerId: string | null = null;
}
export const LabourNeedSchema = new EntitySchema<LabourNeedRecord>({
  class: LabourNeedRecord,
  tableName: 'labour_need',
  properties: {
    ...base,
    profession: { type: 'string', length: 200 },
    sector: { type: 'string', length: 200 },
    demand: { type: 'integer' },
    academicYear: { type: 'string', length: 9, index: true },
    source: { type: 'string', length: 300 },
    employerId: { type: 'string', length: 36, nullable: true },
  },
});

export class PlacementRecord extends BaseRecord {
  schoolId!: string;
  employerId!: string;
  channel!: PlacementChannel;
  kind!: PlacementKind;
  jobTitle!: string;
  studentCode!: string;
  studentBirthDate!: string;
  studentSex!: StudentSex;
  startsOn!: string;
  endsOn!: string;
  workDays: WorkDay[] = [];
  shiftStartsAt!: string;
  shiftEndsAt!: string;
  hoursPerDay!: number;
  hoursPerWeek!: number;
  harmful = false;
  maxLoadKg: number | null = null;
  loadMode: LoadMode = 'constant';
  parentConsent = false;
  guardianshipConsent = false;
  medicalClearanceOn: string | null = null;
  hasGeneralEducation = false;
  orphan = false;
  studentDetachment = false;
  probationClause = false;
  /** ТК ст. 268: the written consents to work on days off in the summer holidays are recorded */
  weekendWorkConsent = false;
  /** `blocked` while paperwork (a consent, the medical clearance) is missing, else `cleared` (migration 0012) */
  status: PlacementStatus = 'cleared';
  /** the stored findings when last checked: paperwork, then manual-review findings */
  findings: StoredPlacementFinding[] = [];
  /** number of stored findings (paperwork + review) when last checked; the report counts placements with any */
  findingsCount = 0;
}

/** A stored finding: its rule code, the message in both languages, the field it names. */
export interface StoredPlacementFinding {
  rule: string;
  message: { ru: string; en: string; tt?: string };
  field?: string;
}
export const PlacementSchema = new EntitySchema<PlacementRecord>({
  class: PlacementRecord,
  tableName: 'placement',
  properties: {
    ...base,
    schoolId: { type: 'string', length: 36, index: true },
    employerId: { type: 'string', length: 36, index: true },
    channel: { type: 'string', length: 30 },
    kind: { type: 'string', length: 30 },
    jobTitle: { type: 'string', length: 200 },
    studentCode: { type: 'string', length: 40 },
    studentBirthDate: { type: 'string', length: 10 },
    studentSex: { type: 'string', length: 6 },
    startsOn: { type: 'string', length: 10, index: true },
    endsOn: { type: 'string', length: 10 },
    workDays: { type: 'json' },
    shiftStartsAt: { type: 'string', length: 5 },
    shiftEndsAt: { type: 'string', length: 5 },
    hoursPerDay: { type: 'double' },
    hoursPerWeek: { type: 'double' },
    harmful: { type: 'boolean' },
    maxLoadKg: { type: 'double', nullable: true },
    loadMode: { type: 'string', length: 30 },
    parentConsent: { type: 'boolean' },
    guardianshipConsent: { type: 'boolean' },
    medicalClearanceOn: { type: 'string', length: 10, nullable: true },
    hasGeneralEducation: { type: 'boolean' },
    orphan: { type: 'boolean' },
    studentDetachment: { type: 'boolean' },
    probationClause: { type: 'boolean' },
    weekendWorkConsent: { type: 'boolean' },
    status: { type: 'string', length: 10 },
    findings: { type: 'json' },
    findingsCount: { type: 'integer' },
  },
});
