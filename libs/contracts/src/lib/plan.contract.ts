import * as D from '@socium/domain';

import { z } from 'zod';

import { AcademicYearLabel, Id, IsoDate, ListQuery, RequiredText, Text, Version, WebUrl } from './common.contract';

export const PLAN_STATUSES = D.PLAN_STATUSES;
export const ACTIVITY_FORMS = D.ACTIVITY_FORMS;
export const ACTIVITY_STATUSES = D.ACTIVITY_STATUSES;

export const CreatePlanRequest = z.strictObject({
  organisationId: Id,
  academicYear: AcademicYearLabel,
  agreementId: Id.nullable().optional(),
  title: Text(300).optional(),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;
export const UpdatePlanRequest = z.strictObject({
  version: Version,
  agreementId: Id.nullable().optional(),
  title: Text(300).optional(),
});
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;
export const ReturnPlanRequest = z.strictObject({ comment: RequiredText(2000) });
export type ReturnPlanRequest = z.infer<typeof ReturnPlanRequest>;
export const PlanResponse = z.object({
  id: Id,
  organisationId: Id,
  academicYear: z.string(),
  agreementId: Id.nullable(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  returnComment: z.string().nullable(),
  submittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  activitiesCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanResponse = z.infer<typeof PlanResponse>;
export const PlanListQuery = ListQuery.extend({
  organisationId: Id.optional(),
  academicYear: AcademicYearLabel.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  agreementId: Id.optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

const Grades = z.array(z.number().int().min(D.MIN_GRADE).max(D.MAX_GRADE)).min(1).max(D.SCHOOL_GRADES.length);
const activityFields = {
  title: RequiredText(300),
  directionId: Id,
  form: z.enum(ACTIVITY_FORMS),
  partnerId: Id.nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  venue: Text(300),
  targetGrades: Grades,
  plannedParticipants: z.number().int().min(0).max(100000),
  hours: z.number().min(0).max(1000),
  isPublic: z.boolean(),
  professions: z.array(RequiredText(200)).max(50),
  description: Text(4000),
};
export const CreateActivityRequest = z.strictObject({
  ...activityFields,
  partnerId: activityFields.partnerId.default(null),
  endsOn: activityFields.endsOn.optional(),
  venue: activityFields.venue.default(''),
  plannedParticipants: activityFields.plannedParticipants.default(0),
  hours: activityFields.hours.default(0),
  isPublic: activityFields.isPublic.default(false),
  professions: activityFields.professions.default([]),
  description: activityFields.description.default(''),
});
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;
/**
 * `publicTextConfirmed: true` confirms that the activity's title, venue and result may be published although the
 * screening flagged them (`publicTextFlags`); changing any of them without it withdraws an earlier confirmation.
 */
export const UpdateActivityRequest = z
  .strictObject({ ...activityFields, publicTextConfirmed: z.boolean(), version: Version })
  .partial()
  .required({ version: true });
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;
export const ActivityOutcomeRequest = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('held'),
    heldOn: IsoDate,
    actualParticipants: z.number().int().min(0).max(100000),
    result: RequiredText(4000),
    evidenceLinks: z.array(WebUrl(500)).max(20).optional(),
    /** the academic hours actually given; absent: the planned `hours` stand (the reports count `hours` once held) */
    hours: z.number().min(0).max(1000).optional(),
  }),
  z.strictObject({ status: z.literal('cancelled'), reason: RequiredText(2000) }),
  z.strictObject({ status: z.literal('postponed'), startsOn: IsoDate, endsOn: IsoDate.optional() }),
]);
export type ActivityOutcomeRequest = z.infer<typeof ActivityOutcomeRequest>;
/** `POST /activities/:id/confirm`: the partner confirms taking part, with an optional comment. */
export const ConfirmActivityRequest = z.strictObject({ comment: Text(2000).optional() }).optional();
export type ConfirmActivityRequest = z.infer<typeof ConfirmActivityRequest>;
export const ActivityResponse = z.object({
  id: Id,
  planId: Id,
  organisationId: Id,
  academicYear: z.string(),
  title: z.string(),
  directionId: Id,
  form: z.enum(ACTIVITY_FORMS),
  partnerId: Id.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** the dates the plan set: kept by a postponement (which moves `startsOn` / `endsOn`); #5 counts the activity there */
  plannedStartsOn: z.string(),
  plannedEndsOn: z.string(),
  venue: z.string(),
  targetGrades: z.array(z.number().int()),
  plannedParticipants: z.number().int(),
  hours: z.number(),
  isPublic: z.boolean(),
  professions: z.array(z.string()),
  description: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  heldOn: z.string().nullable(),
  actualParticipants: z.number().int().nullable(),
  result: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  cancelReason: z.string().nullable(),
  /** public text the screening flagged (e-mail, phone, person's name, class beside a name): withheld unless confirmed */
  publicTextFlags: z.array(
    z.object({ field: z.enum(D.PUBLIC_ACTIVITY_TEXT_FIELDS), flags: z.array(z.enum(D.PUBLIC_TEXT_FLAGS)) }),
  ),
  publicTextConfirmed: z.boolean(),
  /** when the partner representative confirmed taking part (null: not confirmed, or the dates moved since) */
  partnerConfirmedAt: z.string().nullable(),
  partnerComment: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityResponse = z.infer<typeof ActivityResponse>;
export const ActivityListQuery = ListQuery.extend({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  directionId: Id.optional(),
  form: z.enum(ACTIVITY_FORMS).optional(),
  partnerId: Id.optional(),
  organisationId: Id.optional(),
  academicYear: AcademicYearLabel.optional(),
  isPublic: z.enum(['true', 'false']).optional(),
  /** activities with a day in [from; to] (either bound optional): `startsOn <= to` and `endsOn >= from` */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /**
   * `true`: only public activities whose text the screening flagged and nobody has confirmed yet, i.e. what the
   * school must look at before the text appears on its site
   */
  publicTextPending: z.enum(['true']).optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
