// Organisations of the district (docs/product/glossary.md, org_*): the Education Department, its schools and the social
// partners; a partner has one type, which the report's "by partner type" table groups by.

export const ORGANISATION_KINDS = ['department', 'school', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PARTNER_TYPES = [
  'culture',
  'sport_youth',
  'social_services',
  'health',
  'employer',
  'college',
  'employment_centre',
  'ngo',
  'government',
  'media',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** A user's role: the district coordinator, a school's administrator, a partner organisation's representative. */
export const ROLES = ['coordinator', 'school_admin', 'partner_rep'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a user's role and the organisation the user belongs to. */
export interface Actor {
  readonly role: Role;
  readonly organisationId: string;
}
