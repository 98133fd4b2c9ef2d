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
