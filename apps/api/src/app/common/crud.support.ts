import type { ListQuery, Page } from '@socium/contracts';

import { randomUUID } from 'node:crypto';
import { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';

import { staleVersion } from '../http/app-error';

export const newId = (): string => randomUUID();

/** A page of records mapped to responses: `{items, total, limit, offset}`. */
export async function findPage<T extends object, R>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  q: Pick<ListQuery, 'limit' | 'offset'>,
  orderBy: QueryOrderMap<T>,
  map: (r: T) => R,
): Promise<Page<R>> {
  const [rows, total] = await em.findAndCount(entity, where, {
    limit: q.limit,
    offset: q.offset,
    orderBy: [orderBy, { id: 'asc' }] as never,
  });
  return { items: rows.map(map), total, limit: q.limit, offset: q.offset };
}

let searchOperator: '$like' | '$ilike' = '$like';
/** Set once at start from the configured driver: PostgreSQL has ILIKE; SQLite's LIKE is replaced by a Unicode case-insensitive one. */
export function configureSearch(driver: 'sqlite' | 'postgresql'): void {
  searchOperator = driver === 'postgresql' ? '$ilike' : '$like';
}

/** Case-insensitive "contains" for free-text search, Cyrillic included, on both databases. */
export function like(text: string): { $like: string } {
  return { [searchOperator]: `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%` } as { $like: string };
}

/** Optimistic locking: a PATCH must carry the current version. */
export function checkVersion(record: { version: number }, given: number): void {
  if (record.version !== given) throw staleVersion(record.version);
}

/** Applies defined fields of a patch and bumps version/updatedAt (`now`, from the clock). Server-owned fields never come from a body. */
export function applyPatch<T extends { version: number; updatedAt: string }>(
  record: T,
  patch: Partial<T>,
  now: string,
): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && !['id', 'version', 'createdAt', 'updatedAt', 'status'].includes(k))
      (record as Record<string, unknown>)[k] = v;
  }
  record.version += 1;
  record.updatedAt = now;
}

/** A plain copy of a record for the audit log. */
export function snapshot<T extends object>(r: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(r));
}
