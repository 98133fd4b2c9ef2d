import { ORGANISATION_KINDS } from '@socium/domain';

import { z } from 'zod';

/**
 * What the public widget shows. An allowlist: nothing here may identify a person or a child.
 * Only counts of people are suppressed (D4, `publicPeopleCount`): `participants` sums the school × partner cells of
 * 5 or more and is null when every cell is smaller. Counts of partners, agreements, activities and schools are exact.
 */
export const PublicFigures = z.object({
  academicYear: z.string(),
  partners: z.number(),
  agreementsActive: z.number(),
  activitiesHeld: z.number(),
  activitiesPlanned: z.number(),
  participants: z.number().nullable(),
  schools: z.number().optional(),
});
export const PublicOrganisation = z.object({
  slug: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  shortName: z.string(),
  site: z.string().nullable(),
  address: z.string().nullable(),
  partners: z.array(z.object({ name: z.string(), partnerType: z.string().nullable() })),
  agreements: z.array(
    z.object({
      number: z.string(),
      kind: z.string(),
      partner: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  upcoming: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      venue: z.string(),
      form: z.string(),
      targetGrades: z.array(z.number()),
      partner: z.string().nullable(),
    }),
  ),
  recent: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      heldOn: z.string(),
      form: z.string(),
      result: z.string(),
      partner: z.string().nullable(),
    }),
  ),
  figures: PublicFigures,
  schools: z.array(z.object({ slug: z.string(), name: z.string() })).optional(),
  documents: z
    .array(z.object({ number: z.string(), title: z.string(), issuedOn: z.string(), summary: z.string() }))
    .optional(),
  generatedOn: z.string(),
});
export type PublicOrganisation = z.infer<typeof PublicOrganisation>;
