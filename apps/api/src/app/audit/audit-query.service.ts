import { AuditRecord } from '@socium/api-persistence';
import type { AuditEntryResponse, AuditListQuery, Page } from '@socium/contracts';
import { LocalDate } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { findPage } from '../common/crud.support';
import { invalid } from '../http/app-error';
import { objectTitles, titleKey } from './audit-titles';

export function toAuditEntryResponse(r: AuditRecord, objectTitle: string | null): AuditEntryResponse {
  return {
    id: r.id,
    at: r.at,
    userId: r.userId,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    before: r.before,
    after: r.after,
    objectTitle,
  };
}

/**
 * Reads the audit log: newest first, filtered by object, author and dates (inclusive, on `at`), each entry with its
 * record's current name (`objectTitles`: one query per kind of record on the page). The log is the coordinator's
 * alone (the route table), who may read every record it names.
 */
@Injectable()
export class AuditQueryService {
  constructor(private readonly em: EntityManager) {}

  async list(q: AuditListQuery): Promise<Page<AuditEntryResponse>> {
    if (q.from && q.to && LocalDate.iso(q.from).isAfter(LocalDate.iso(q.to)))
      throw invalid(
        'audit.range.reversed',
        'to',
        '"to" must not be before "from"',
        'Дата «по» раньше даты «с»',
        '«Кадәр» датасы «башлап» датасыннан иртәрәк',
      );
    const where: FilterQuery<AuditRecord> = {};
    if (q.objectType) where.objectType = q.objectType;
    if (q.objectId) where.objectId = q.objectId;
    if (q.userId) where.userId = q.userId;
    // `at` is a full ISO timestamp (UTC): a date bound compares as text
    const at: { $gte?: string; $lt?: string } = {};
    if (q.from) at.$gte = q.from;
    if (q.to) at.$lt = LocalDate.iso(q.to).addDays(1).toString();
    if (at.$gte || at.$lt) where.at = at;
    const page = await findPage(this.em, AuditRecord, where, q, { at: 'desc' }, (r) => r);
    const titles = await objectTitles(this.em, page.items);
    return { ...page, items: page.items.map((r) => toAuditEntryResponse(r, titles.get(titleKey(r)) ?? null)) };
  }
}
