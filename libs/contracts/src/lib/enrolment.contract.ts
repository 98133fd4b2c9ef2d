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

const counts = {
  pupilsByGrade: PupilsByGrade,
  aged14: PupilCount,
  aged15: PupilCount,
  aged16to17: PupilCount,
};
export const CreateEnrolmentRequest = z.strictObject({
  organisationId: Id,
  academicYear: AcademicYearLabel,
  pupilsByGrade: PupilsByGrade.default({}),
  aged14: PupilCount.default(0),
  aged15: PupilCount.default(0),
  aged16to17: PupilCount.default(0),
});
export type CreateEnrolmentRequest = z.infer<typeof CreateEnrolmentRequest>;
/** The school and the year name the record; a PATCH changes the counts (send the current version). */
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
