import type { LinkPurpose } from '@socium/domain';

import { EntitySchema } from '@mikro-orm/core';

/**
 * A single-use link (issue 15 item 3): only the SHA-256 of its 256-bit random token is stored, so the table cannot
 * be turned back into working links; any change to a token finds nothing. Used once (`used_at`), then refused.
 */
export class SingleUseLinkRecord {
  id!: string;
  tokenHash!: string;
  purpose!: LinkPurpose;
  objectId!: string;
  organisationId!: string;
  /** where it was e-mailed, if it was */
  email: string | null = null;
  createdBy!: string;
  createdAt!: string;
  expiresAt!: string;
  usedAt: string | null = null;
}
export const SingleUseLinkSchema = new EntitySchema<SingleUseLinkRecord>({
  class: SingleUseLinkRecord,
  tableName: 'single_use_link',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    tokenHash: { type: 'string', length: 64, unique: true },
    purpose: { type: 'string', length: 40 },
    objectId: { type: 'string', length: 36 },
    organisationId: { type: 'string', length: 36 },
    email: { type: 'string', length: 200, nullable: true },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'string', length: 30 },
    expiresAt: { type: 'string', length: 30 },
    usedAt: { type: 'string', length: 30, nullable: true },
  },
});
