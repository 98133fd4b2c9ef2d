import * as D from '@socium/domain';

import { z } from 'zod';

import { AcademicYearLabel, Id, ListQuery, Version } from './common.contract';

/** A count of pupils: a whole number 0–100000. */
export const PupilCount = z.number().int().min(0).max(D.ENROLMENT_MAX_COUNT);
/** Pupils per grade, keys "1" … "11" only (a grade left out counts 0). */
export const PupilsByGrade = z.strictObject(
  Object.fromEntries(D.ENROLMENT_GRADES.map((g) => [g, PupilCount.optional()])) as Record<
    D.EnrolmentGrade,
    z.ZodOptional<typeof PupilCount>
  >,
);
export type PupilsByGrade = z.infer<typeof PupilsByGrade>;

/** The профминимум level of the year (E1): `basic|main|advanced`, or null for none; only from 2023-2024. */
export const EnrolmentProfminimumLevel = z.enum(D.PROFMINIMUM_LEVELS).nullable();

const counts = {
  pupilsByGrade: PupilsByGrade,
  aged14: PupilCount,
  aged15: PupilCount,
  aged16to17: PupilCount,
  profminimumLevel: EnrolmentProfminimumLevel,
};
export const CreateEnrolmentRequest = z.strictObject({
  organisationId: Id,
  academicYear: AcademicYearLabel,
  pupilsByGrade: PupilsByGrade.default({}),
  aged14: PupilCount.default(0),
  aged15: PupilCount.default(0),
  aged16to17: PupilCount.default(0),
  /** left out: the school's current level from 2023-2024 on, none before */
  profminimumLevel: EnrolmentProfminimumLevel.optional(),
});
export type CreateEnrolmentRequest = z.infer<typeof CreateEnrolmentRequest>;
/** The school and the year name the record; a PATCH changes the counts and the level (send the current version). */
export const UpdateEnrolmentRequest = z
  .strictObject({ ...counts, version: Version })
  .partial()
  .required({ version: true });
export type UpdateEnrolmentRequest = z.infer<typeof UpdateEnrolmentRequest>;
export const EnrolmentResponse = z.object({
  id: Id,
  organisationId: Id,
  academicYear: z.string(),
  pupilsByGrade: z.record(z.string(), z.number().int()),
  aged14: z.number().int(),
  aged15: z.number().int(),
  aged16to17: z.number().int(),
  profminimumLevel: z.enum(D.PROFMINIMUM_LEVELS).nullable(),
  /** pupils of grades 1–11 */
  total: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnrolmentResponse = z.infer<typeof EnrolmentResponse>;
export const EnrolmentListQuery = ListQuery.extend({
  academicYear: AcademicYearLabel.optional(),
  organisationId: Id.optional(),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;
