import type { OrganisationRecord } from '@socium/api-persistence';
import type { OrganisationResponse } from '@socium/contracts';
import type { ProfminimumLevel } from '@socium/domain';

/**
 * Whitelists what leaves the API: every field named, nothing else of the record. `profminimumLevel` is the school's
 * level of the current academic year, read by the caller from that year's enrolment record (`school-level.ts`).
 */
export function toOrganisationResponse(
  r: OrganisationRecord,
  profminimumLevel: ProfminimumLevel | null,
): OrganisationResponse {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    shortName: r.shortName,
    slug: r.slug,
    partnerType: (r.partnerType as OrganisationResponse['partnerType']) ?? null,
    address: r.address,
    site: r.site,
    contacts: r.contacts ?? [],
    isPublished: r.isPublished,
    termScheme: r.termScheme as OrganisationResponse['termScheme'],
    profminimumLevel,
    enrolment: r.enrolment,
    lessonsStartAt: r.lessonsStartAt,
    lessonsEndAt: r.lessonsEndAt,
    vettingValidUntil: r.vettingValidUntil ?? null,
    language: r.language ?? null,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
