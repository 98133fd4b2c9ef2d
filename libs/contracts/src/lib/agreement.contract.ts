import * as D from '@socium/domain';

import { z } from 'zod';

import { Id, IsoDate, ListQuery, RequiredText, Text, Version } from './common.contract';

export const AGREEMENT_KINDS = D.AGREEMENT_KINDS;
export const AGREEMENT_STATUSES = D.AGREEMENT_STATUSES;
export const PARTIES = D.AGREEMENT_PARTIES;

export const Obligation = z.strictObject({ party: z.enum(PARTIES), text: RequiredText(2000) });
export const NetworkTerms = z.strictObject({
  programme: Text(1000).optional(),
  studentStatus: Text(1000).optional(),
  resources: z
    .array(
      z.strictObject({
        party: z.enum(PARTIES),
        obligation: RequiredText(1000),
        resource: RequiredText(500),
        volume: RequiredText(200),
      }),
    )
    .max(50)
    .optional(),
  documentsIssued: Text(1000).optional(),
  amendmentProcedure: Text(1000).optional(),
});
/** The network-form terms as sent and stored (the domain reads them as `NetworkTerms` of `@socium/domain`). */
export type NetworkTerms = z.infer<typeof NetworkTerms>;
export const ResponsibleRoles = z.strictObject({ school: Text(200).optional(), partner: Text(200).optional() });

const agreementFields = {
  number: RequiredText(60),
  kind: z.enum(AGREEMENT_KINDS),
  schoolId: Id,
  partnerId: Id,
  subject: Text(2000),
  goal: Text(2000),
  directionIds: z.array(Id).max(20),
  obligations: z.array(Obligation).max(100),
  responsibleRoles: ResponsibleRoles.optional(),
  networkTerms: NetworkTerms.nullable().optional(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  autoRenew: z.boolean(),
  noticeDays: z.number().int().min(0).max(365),
};
export const CreateAgreementRequest = z.strictObject({
  ...agreementFields,
  subject: agreementFields.subject.default(''),
  goal: agreementFields.goal.default(''),
  directionIds: agreementFields.directionIds.default([]),
  obligations: agreementFields.obligations.default([]),
  endsOn: agreementFields.endsOn.default(null),
  autoRenew: agreementFields.autoRenew.default(false),
  noticeDays: agreementFields.noticeDays.default(30),
});
export type CreateAgreementRequest = z.infer<typeof CreateAgreementRequest>;
export const UpdateAgreementRequest = z
  .strictObject({ ...agreementFields, version: Version })
  .partial()
  .required({ version: true });
export type UpdateAgreementRequest = z.infer<typeof UpdateAgreementRequest>;
export const SignAgreementRequest = z.strictObject({ party: z.enum(PARTIES), signedOn: IsoDate });
export type SignAgreementRequest = z.infer<typeof SignAgreementRequest>;
export const TerminateAgreementRequest = z.strictObject({ terminatedOn: IsoDate, reason: RequiredText(2000) });
export type TerminateAgreementRequest = z.infer<typeof TerminateAgreementRequest>;

export const AgreementResponse = z.object({
  id: Id,
  number: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  schoolId: Id,
  partnerId: Id,
  subject: z.string(),
  goal: z.string(),
  directionIds: z.array(Id),
  obligations: z.array(Obligation),
  responsibleRoles: ResponsibleRoles,
  networkTerms: NetworkTerms.nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  effectiveEndsOn: z.string().nullable(),
  autoRenew: z.boolean(),
  noticeDays: z.number().int(),
  signedBySchoolOn: z.string().nullable(),
  signedByPartnerOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  hasScan: z.boolean(),
  status: z.enum(AGREEMENT_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgreementResponse = z.infer<typeof AgreementResponse>;
/** `?sort=` of the agreement list: a column, `-` in front for descending (school and partner by their names). */
export const AGREEMENT_SORT_KEYS = ['number', 'school', 'partner', 'startsOn', 'endsOn', 'status'] as const;
export type AgreementSortKey = (typeof AGREEMENT_SORT_KEYS)[number];
export const AGREEMENT_SORTS = AGREEMENT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type AgreementSort = AgreementSortKey | `-${AgreementSortKey}`;
export const AgreementListQuery = ListQuery.extend({
  schoolId: Id.optional(),
  partnerId: Id.optional(),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  directionId: Id.optional(),
  /** `true`: only agreements in force with no plan and no activity with the partner this academic year (C3) */
  withoutPlan: z.enum(['true', 'false']).optional(),
  /** the order: `number`, `school`, `partner`, `startsOn`, `endsOn` (the first term's), `status`; `-` descending */
  sort: z.enum(AGREEMENT_SORTS as unknown as [AgreementSort, ...AgreementSort[]]).optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

/** The terms an amendment changes: any of `AMENDABLE_FIELDS` of the domain, at least one; `endsOn: null` = open-ended. */
export const AgreementChanges = z
  .strictObject({
    subject: RequiredText(2000).optional(),
    goal: RequiredText(2000).optional(),
    directionIds: z.array(Id).min(1).max(20).optional(),
    obligations: z.array(Obligation).min(1).max(100).optional(),
    endsOn: IsoDate.nullable().optional(),
    autoRenew: z.boolean().optional(),
    noticeDays: z.number().int().min(0).max(365).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'name at least one changed term');
export type AgreementChanges = z.infer<typeof AgreementChanges>;
export const CreateAmendmentRequest = z.strictObject({ effectiveOn: IsoDate, changes: AgreementChanges });
export type CreateAmendmentRequest = z.infer<typeof CreateAmendmentRequest>;
export const SignAmendmentRequest = SignAgreementRequest;
export type SignAmendmentRequest = z.infer<typeof SignAmendmentRequest>;
/**
 * The state of an amendment: awaiting signatures; `scheduled` (signed by both, its date still to come: the agreement
 * keeps its text until then; additive since issue 14); or in force (its changes are in the agreement).
 */
export const AMENDMENT_STATES = D.AMENDMENT_STATES;
export const AmendmentResponse = z.object({
  id: Id,
  agreementId: Id,
  number: z.number().int(),
  effectiveOn: z.string(),
  /** the new values */
  changes: z.record(z.string(), z.unknown()),
  /** the agreement's values of the changed fields before it came into force; null while pending */
  previous: z.record(z.string(), z.unknown()).nullable(),
  signedBySchoolOn: z.string().nullable(),
  signedByPartnerOn: z.string().nullable(),
  state: z.enum(AMENDMENT_STATES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AmendmentResponse = z.infer<typeof AmendmentResponse>;
/** `POST /agreements/:id/amendments/:number/sign`: the amendment and the agreement as it reads after it. */
export const SignAmendmentResponse = z.object({ amendment: AmendmentResponse, agreement: AgreementResponse });
export type SignAmendmentResponse = z.infer<typeof SignAmendmentResponse>;
