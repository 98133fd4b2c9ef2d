import type { AgreementRecord, DocumentRecord, OrganisationRecord } from '@socium/api-persistence';
import type { PublicOrganisation } from '@socium/contracts';

import type { FeedActivity } from './ics';

/**
 * The public allowlist (PRODUCT C8, domain-rules D4): every field that leaves for an anonymous visitor is
 * named here, copied from a record field by field. Never spread a record; never add contacts, e-mails,
 * phones, persons, participant counts per event, plan comments or anything about a child.
 */
export type PublicFigures = PublicOrganisation['figures'];

export function toPublicPartner(r: OrganisationRecord): PublicOrganisation['partners'][number] {
  return { name: r.shortName || r.name, partnerType: r.partnerType ?? null };
}

/** `endsOn` is the end of the term running today (an auto-renewed agreement rolls past its original end). */
export function toPublicAgreement(
  r: AgreementRecord,
  counterpart: OrganisationRecord | undefined,
  endsOn: string | null = r.endsOn,
): PublicOrganisation['agreements'][number] {
  return {
    number: r.number,
    kind: r.kind,
    partner: counterpart ? counterpart.shortName || counterpart.name : '',
    startsOn: r.startsOn,
    endsOn: endsOn ?? null,
  };
}

/** `r` is the screened public copy of the activity (`publicActivity`), never the record itself. */
export function toPublicUpcoming(
  r: FeedActivity,
  partner: OrganisationRecord | undefined,
): PublicOrganisation['upcoming'][number] {
  return {
    id: r.id,
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    venue: r.venue,
    form: r.form,
    targetGrades: [...(r.targetGrades ?? [])].filter((g) => Number.isInteger(g)),
    partner: partner ? partner.shortName || partner.name : null,
  };
}

export function toPublicRecent(
  r: FeedActivity,
  partner: OrganisationRecord | undefined,
): PublicOrganisation['recent'][number] {
  return {
    id: r.id,
    title: r.title,
    heldOn: r.heldOn ?? r.startsOn,
    form: r.form,
    result: r.result ?? '',
    partner: partner ? partner.shortName || partner.name : null,
  };
}

export function toPublicDocument(r: DocumentRecord): NonNullable<PublicOrganisation['documents']>[number] {
  return { number: r.number, title: r.title, issuedOn: r.issuedOn, summary: r.summary };
}

export function toPublicSchool(r: OrganisationRecord): NonNullable<PublicOrganisation['schools']>[number] {
  return { slug: r.slug, name: r.shortName || r.name };
}

export function toPublicOrganisation(
  org: OrganisationRecord,
  parts: Pick<PublicOrganisation, 'partners' | 'agreements' | 'upcoming' | 'recent' | 'figures' | 'generatedOn'> &
    Partial<Pick<PublicOrganisation, 'schools' | 'documents'>>,
): PublicOrganisation {
  const out: PublicOrganisation = {
    slug: org.slug,
    kind: org.kind,
    name: org.name,
    shortName: org.shortName,
    site: org.site ?? null,
    address: org.address ?? null,
    partners: parts.partners,
    agreements: parts.agreements,
    upcoming: parts.upcoming,
    recent: parts.recent,
    figures: parts.figures,
    generatedOn: parts.generatedOn,
  };
  if (parts.schools) out.schools = parts.schools;
  if (parts.documents) out.documents = parts.documents;
  return out;
}
