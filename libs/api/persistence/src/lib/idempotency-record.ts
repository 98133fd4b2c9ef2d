import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * A claimed `Idempotency-Key` of a create request (table `idempotency_key`, migration 0008). The key is a SHA-256
 * digest of the caller (token subject), the method, the path and the client's key, so the table holds neither
 * keys nor user ids in the clear. A row without `statusCode` is a request still running; once it succeeded, the
 * row keeps its status and JSON answer for replays. Rows older than 24 hours are ignored and swept.
 */
export class IdempotencyRecord {
  scopeKey!: string;
  requestHash!: string;
  statusCode: number | null = null;
  responseBody: string | null = null;
  /** epoch milliseconds of the claim */
  createdAt!: number;
}
export const IdempotencySchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'idempotency_key',
  properties: {
    scopeKey: { type: 'string', length: 64, primary: true },
    requestHash: { type: 'string', length: 64 },
    statusCode: { type: 'integer', nullable: true },
    responseBody: { type: 'text', nullable: true },
    createdAt: { type: new BigIntType('number'), index: true },
  },
});
