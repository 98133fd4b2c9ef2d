/**
 * What every mutable record shares. Dates are stored as ISO text (`YYYY-MM-DD`, timestamps as full ISO
 * strings) so that SQLite and PostgreSQL behave alike and sort correctly; JSON columns hold small lists.
 * Every mutable record carries `version` (optimistic locking): it is a concurrency check, so every UPDATE of such a
 * record is `… WHERE id = ? AND version = <the version read>` and must bump it; zero rows updated is an
 * `OptimisticLockError` (answered 409 `version.stale`).
 */
export abstract class BaseRecord {
  id!: string;
  version = 1;
  createdAt!: string;
  updatedAt!: string;
}

/** The schema properties of `BaseRecord`. */
export const BASE_PROPERTIES = {
  id: { type: 'string', length: 36, primary: true },
  version: { type: 'integer', default: 1, concurrencyCheck: true },
  createdAt: { type: 'string', length: 30 },
  updatedAt: { type: 'string', length: 30 },
} as const;
