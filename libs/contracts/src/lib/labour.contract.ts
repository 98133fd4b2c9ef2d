import * as D from '@socium/domain';

import { z } from 'zod';

import { AcademicYearLabel, Id, IsoDate, IsoTime, ListQuery, RequiredText, Text, Version } from './common.contract';

const labourNeedFields = {
  profession: RequiredText(200),
  sector: RequiredText(200),
  demand: z.number().int().min(1).max(1000000),
  academicYear: AcademicYearLabel,
  source: Text(300),
  employerId: Id.nullable(),
};
export const CreateLabourNeedRequest = z.strictObject({
  ...labourNeedFields,
  source: labourNeedFields.source.default(''),
  employerId: labourNeedFields.employerId.default(null),
});
export type CreateLabourNeedRequest = z.infer<typeof CreateLabourNeedRequest>;
export const UpdateLabourNeedRequest = z
  .strictObject({ ...labourNeedFields, version: Version })
  .partial()
  .required({ version: true });
export type UpdateLabourNeedRequest = z.infer<typeof UpdateLabourNeedRequest>;
export const LabourNeedResponse = z.object({
  id: Id,
  profession: z.string(),
  sector: z.string(),
  demand: z.number().int(),
  academicYear: z.string(),
  source: z.string(),
  employerId: Id.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LabourNeedResponse = z.infer<typeof LabourNeedResponse>;
export const LabourNeedListQuery = ListQuery.extend({
  academicYear: AcademicYearLabel.optional(),
  employerId: Id.optional(),
  sector: z.string().max(200).optional(),
});
export type LabourNeedListQuery = z.infer<typeof LabourNeedListQuery>;

export const PLACEMENT_CHANNELS = D.PLACEMENT_CHANNELS;
export const PLACEMENT_KINDS = D.PLACEMENT_KINDS;
export const WEEKDAYS = D.WORK_DAYS;
export const LOAD_MODES = D.LOAD_MODES;
export const STUDENT_SEXES = D.STUDENT_SEXES;
export const PLACEMENT_STATUSES = D.PLACEMENT_STATUSES;

const placementFields = {
  schoolId: Id,
  employerId: Id,
  channel: z.enum(PLACEMENT_CHANNELS),
  kind: z.enum(PLACEMENT_KINDS),
  jobTitle: RequiredText(200),
  studentCode: z.string().regex(/^[A-Za-z0-9-]{3,40}$/, 'a pseudonymous code: 3–40 latin letters, digits, dashes'),
  studentBirthDate: IsoDate,
  studentSex: z.enum(STUDENT_SEXES),
  startsOn: IsoDate,
  endsOn: IsoDate,
  workDays: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  shiftStartsAt: IsoTime,
  shiftEndsAt: IsoTime,
  hoursPerDay: z.number().min(0).max(24),
  hoursPerWeek: z.number().min(0).max(168),
  harmful: z.boolean(),
  maxLoadKg: z.number().min(0).max(1000).nullable(),
  loadMode: z.enum(LOAD_MODES),
  parentConsent: z.boolean(),
  guardianshipConsent: z.boolean(),
  weekendWorkConsent: z.boolean(),
  medicalClearanceOn: IsoDate.nullable(),
  hasGeneralEducation: z.boolean(),
  orphan: z.boolean(),
  studentDetachment: z.boolean(),
  probationClause: z.boolean(),
};
export const CreatePlacementRequest = z.strictObject({
  ...placementFields,
  harmful: placementFields.harmful.default(false),
  maxLoadKg: placementFields.maxLoadKg.default(null),
  loadMode: placementFields.loadMode.default('constant'),
  parentConsent: placementFields.parentConsent.default(false),
  guardianshipConsent: placementFields.guardianshipConsent.default(false),
  weekendWorkConsent: placementFields.weekendWorkConsent.default(false),
  medicalClearanceOn: placementFields.medicalClearanceOn.default(null),
  hasGeneralEducation: placementFields.hasGeneralEducation.default(false),
  orphan: placementFields.orphan.default(false),
  studentDetachment: placementFields.studentDetachment.default(false),
  probationClause: placementFields.probationClause.default(false),
});
export type CreatePlacementRequest = z.infer<typeof CreatePlacementRequest>;
export const UpdatePlacementRequest = z
  .strictObject({ ...placementFields, version: Version })
  .partial()
  .required({ version: true });
export type UpdatePlacementRequest = z.infer<typeof UpdatePlacementRequest>;
/** A stored finding: missing paperwork (blocking) or a value for manual review, in the request's language. */
export const PlacementFinding = z.object({
  rule: z.string(),
  message: z.string(),
  field: z.string().optional(),
  kind: z.enum(['paperwork', 'review']),
});
export type PlacementFinding = z.infer<typeof PlacementFinding>;
export const PlacementResponse = z.object({
  id: Id,
  schoolId: Id,
  employerId: Id,
  channel: z.enum(PLACEMENT_CHANNELS),
  kind: z.enum(PLACEMENT_KINDS),
  jobTitle: z.string(),
  studentCode: z.string(),
  studentBirthDate: z.string(),
  studentSex: z.enum(STUDENT_SEXES),
  startsOn: z.string(),
  endsOn: z.string(),
  workDays: z.array(z.enum(WEEKDAYS)),
  shiftStartsAt: z.string(),
  shiftEndsAt: z.string(),
  hoursPerDay: z.number(),
  hoursPerWeek: z.number(),
  harmful: z.boolean(),
  maxLoadKg: z.number().nullable(),
  loadMode: z.enum(LOAD_MODES),
  parentConsent: z.boolean(),
  guardianshipConsent: z.boolean(),
  weekendWorkConsent: z.boolean(),
  medicalClearanceOn: z.string().nullable(),
  hasGeneralEducation: z.boolean(),
  orphan: z.boolean(),
  studentDetachment: z.boolean(),
  probationClause: z.boolean(),
  /** `blocked` while paperwork is missing, `cleared` once it is recorded */
  status: z.enum(PLACEMENT_STATUSES),
  findings: z.array(PlacementFinding),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlacementResponse = z.infer<typeof PlacementResponse>;
export const PlacementListQuery = ListQuery.extend({
  schoolId: Id.optional(),
  employerId: Id.optional(),
  channel: z.enum(PLACEMENT_CHANNELS).optional(),
  kind: z.enum(PLACEMENT_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: z.enum(PLACEMENT_STATUSES).optional(),
});
export type PlacementListQuery = z.infer<typeof PlacementListQuery>;

/** The longest span `GET /placements/context` describes in one answer (two academic years and a day). */
export const PLACEMENT_CONTEXT_MAX_DAYS = 732;
/** `GET /placements/context`: the school and the days of a placement being typed. */
const spanDays = (q: { from: string; to: string }): number => {
  const [from, to] = [D.LocalDate.parse(q.from), D.LocalDate.parse(q.to)];
  return from.ok && to.ok ? to.value.epochDay - from.value.epochDay : 0;
};
export const PlacementContextQuery = z
  .strictObject({ schoolId: Id, from: IsoDate, to: IsoDate })
  .refine((q) => spanDays(q) >= 0, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => spanDays(q) < PLACEMENT_CONTEXT_MAX_DAYS, {
    message: `at most ${PLACEMENT_CONTEXT_MAX_DAYS} days`,
    path: ['to'],
  });
export type PlacementContextQuery = z.infer<typeof PlacementContextQuery>;
/**
 * The calendar facts the Labour Code checks of a placement use (`@socium/domain` `PlacementContextFacts`): the
 * server builds them with the code that checks a saved placement; the panel reads them with
 * `placementContextOfFacts` and runs the same rules as the user types.
 */
export const PlacementContextResponse = z.object({
  schoolId: Id,
  from: z.string(),
  to: z.string(),
  nonWorkingHolidays: z.array(z.string()),
  schoolHolidays: z.array(z.string()),
  summerHolidays: z.array(z.string()).optional(),
  lessonHours: z.object({ startsAt: z.string(), endsAt: z.string() }),
});
export type PlacementContextResponse = z.infer<typeof PlacementContextResponse>;

/** `GET /labour-needs/coverage`: the academic year (and, for the coordinator, optionally one school). */
export const LabourCoverageQuery = z.strictObject({
  academicYear: AcademicYearLabel,
  organisationId: Id.optional(),
});
export type LabourCoverageQuery = z.infer<typeof LabourCoverageQuery>;
/**
 * Indicator #10 of the academic year as the report computes it (`professionCoverage`, `uncoveredProfessions`):
 * distinct demanded professions, those featured in an activity of the year that was not cancelled, their ratio, and
 * the demanded professions no activity touched (demand summed per profession, highest first).
 */
export const LabourCoverageResponse = z.object({
  academicYear: z.string(),
  organisationId: Id.nullable(),
  demanded: z.number().int(),
  covered: z.number().int(),
  ratio: z.number().nullable(),
  uncovered: z.array(z.object({ profession: z.string(), demand: z.number() })),
});
export type LabourCoverageResponse = z.infer<typeof LabourCoverageResponse>;
