import { z } from 'zod';

import { Id, IsoDate, ListQuery } from './common.contract';

export const AuditEntryResponse = z.object({
  id: Id,
  at: z.string(),
  userId: Id.nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: Id,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /**
   * The record's current display name, read by the API with the page (an organisation's short name, a user's name,
   * an agreement's or a document's number, a plan's or an activity's title…); null when the record no longer exists,
   * has no name, or is of a kind without one (a recipient, a link, an import).
   */
  objectTitle: z.string().nullable(),
});
export type AuditEntryResponse = z.infer<typeof AuditEntryResponse>;
export const AuditListQuery = ListQuery.extend({
  objectType: z.string().max(40).optional(),
  objectId: Id.optional(),
  userId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
