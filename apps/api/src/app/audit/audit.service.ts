import { AuditRecord } from '@socium/api-persistence';

import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { ClockService } from '../clock/clock.service';

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'data']);

/** Records who changed what, when, with the changed fields before and after. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: ClockService) {}

  /** Adds an entry to the unit of work of `em` (flushed with the change it describes). */
  record(
    em: EntityManager,
    entry: {
      userId: string | null;
      action: string;
      objectType: string;
      objectId: string;
      before?: object | null;
      after?: object | null;
    },
  ): void {
    const { before, after } = diff(entry.before ?? null, entry.after ?? null);
    const r = new AuditRecord();
    Object.assign(r, {
      id: randomUUID(),
      at: this.clock.nowIso(),
      userId: entry.userId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      before,
      after,
    });
    em.persist(r);
  }
}

/** Keeps only changed fields (all fields on create/delete), never secrets. */
export function diff(
  before: object | null,
  after: object | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const clean = (o: object | null) =>
    o ? Object.fromEntries(Object.entries(o).filter(([k]) => !SECRET_FIELDS.has(k))) : null;
  const b = clean(before);
  const a = clean(after);
  if (!b || !a) return { before: b, after: a };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const db: Record<string, unknown> = {};
  const da: Record<string, unknown> = {};
  for (const k of keys) {
    if (k === 'updatedAt' || k === 'version') continue;
    if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) {
      db[k] = b[k] ?? null;
      da[k] = a[k] ?? null;
    }
  }
  return { before: db, after: da };
}
