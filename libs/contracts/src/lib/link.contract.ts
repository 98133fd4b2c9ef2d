import * as D from '@socium/domain';

import { z } from 'zod';

import { Id, Text } from './common.contract';

/**
 * `POST /links`: a single-use link for an organisation without an account — the partner of an activity confirms it,
 * a recipient organisation acknowledges a document. `email`: where to send it (else the organisation's first contact
 * address, else nobody: the answer's `url` is shown once to its maker).
 */
export const CreateLinkRequest = z.strictObject({
  purpose: z.enum(D.LINK_PURPOSES),
  objectId: Id,
  /** the recipient organisation (documents only; an activity's is its partner) */
  organisationId: Id.optional(),
  email: z.email().max(200).optional(),
});
export type CreateLinkRequest = z.infer<typeof CreateLinkRequest>;
export const CreatedLinkResponse = z.object({
  id: Id,
  /** the link itself: shown this once, never stored */
  url: z.string(),
  expiresAt: z.string(),
  emailedTo: z.string().nullable(),
});
export type CreatedLinkResponse = z.infer<typeof CreatedLinkResponse>;

/** What a link asks, for the page that opens it (no personal data: organisations and the object only). */
export const LinkResponse = z.object({
  purpose: z.enum(D.LINK_PURPOSES),
  organisationName: z.string(),
  expiresAt: z.string(),
  title: z.string(),
  /** the activity's dates, or the document's number and issue date */
  startsOn: z.string().nullable(),
  number: z.string().nullable(),
});
export type LinkResponse = z.infer<typeof LinkResponse>;
export const UseLinkRequest = z.strictObject({ comment: Text(2000).optional() }).optional();
export type UseLinkRequest = z.infer<typeof UseLinkRequest>;
export const UsedLinkResponse = z.object({ purpose: z.enum(D.LINK_PURPOSES), done: z.literal(true) });
export type UsedLinkResponse = z.infer<typeof UsedLinkResponse>;
