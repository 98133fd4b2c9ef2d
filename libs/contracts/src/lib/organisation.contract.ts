import * as D from '@socium/domain';

import { z } from 'zod';

import { Id, IsoDate, IsoTime, ListQuery, RequiredText, Text, Version, WebUrl } from './common.contract';

export const ORGANISATION_KINDS = D.ORGANISATION_KINDS;
export const PARTNER_TYPES = D.PARTNER_TYPES;
export const TERM_SCHEMES = D.STANDARD_TERM_SCHEMES;
export const PROFMINIMUM_LEVELS = D.PROFMINIMUM_LEVELS;

/** A contact is a role (e.g. "приёмная"), never a private person. */
export const Contact = z.strictObject({
  role: RequiredText(120),
  phone: Text(40).optional(),
  email: z.email().max(200).optional(),
});

const organisationFields = {
  kind: z.enum(ORGANISATION_KINDS),
  name: RequiredText(300),
  shortName: RequiredText(120),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase latin letters, digits and dashes')
    .max(80),
  partnerType: z.enum(PARTNER_TYPES).nullable().optional(),
  address: Text(300).nullable().optional(),
  site: WebUrl(300).nullable().optional(),
  contacts: z.array(Contact).max(20).optional(),
  isPublished: z.boolean().optional(),
  termScheme: z.enum(TERM_SCHEMES).optional(),
  /** a school's профминимум level of the current academic year: written to that year's enrolment record (E1) */
  profminimumLevel: z.enum(PROFMINIMUM_LEVELS).nullable().optional(),
  enrolment: z.number().int().min(0).max(100000).nullable().optional(),
  /** a school's lesson hours ("HH:MM", start before end; default 08:00–14:30): term-time shifts avoid them (B1) */
  lessonsStartAt: IsoTime.optional(),
  lessonsEndAt: IsoTime.optional(),
  /** a partner's: the last day its confirmation that staff working with pupils hold no-criminal-record certificates
   * (ТК ст. 351.1) holds; reminders start 30 days before */
  vettingValidUntil: IsoDate.nullable().optional(),
  /** the language of e-mails to the organisation while it has no users (null: Russian); users get theirs */
  language: z.enum(D.LANGUAGES).nullable().optional(),
};
export const CreateOrganisationRequest = z.strictObject(organisationFields);
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;
export const UpdateOrganisationRequest = z
  .strictObject({ ...organisationFields, version: Version })
  .partial()
  .required({ version: true });
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const OrganisationResponse = z.object({
  id: Id,
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  shortName: z.string(),
  slug: z.string(),
  partnerType: z.enum(PARTNER_TYPES).nullable(),
  address: z.string().nullable(),
  site: z.string().nullable(),
  contacts: z.array(Contact),
  isPublished: z.boolean(),
  termScheme: z.enum(TERM_SCHEMES),
  /** the level on the school's enrolment record of the academic year containing today (null: none recorded) */
  profminimumLevel: z.enum(PROFMINIMUM_LEVELS).nullable(),
  enrolment: z.number().nullable(),
  lessonsStartAt: z.string(),
  lessonsEndAt: z.string(),
  vettingValidUntil: z.string().nullable(),
  language: z.enum(D.LANGUAGES).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationResponse = z.infer<typeof OrganisationResponse>;

export const OrganisationListQuery = ListQuery.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  partnerType: z.enum(PARTNER_TYPES).optional(),
  /** `true`: only the organisations shown on the public pages; `false`: only the hidden ones */
  isPublished: z.enum(['true', 'false']).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;
