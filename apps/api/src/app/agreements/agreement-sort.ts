import { AgreementRecord } from '@socium/api-persistence';
import type { AgreementSort, Page } from '@socium/contracts';
import { AGREEMENT_STATUSES, agreementStatus, LocalDate } from '@socium/domain';

import { EntityManager, FilterQuery, QueryOrder, QueryOrderMap, raw } from '@mikro-orm/core';

import { findPage } from '../common/crud.support';
import { AGREEMENT_TERM_FIELDS, toAgreementData } from './agreement.data';

/** The list's order without `?sort=`: the newest first. */
const DEFAULT_ORDER: QueryOrderMap<AgreementRecord> = { startsOn: 'desc', number: 'asc' };

/** The name of the party organisation of a row, for ordering by school or partner name. */
const partyName = (column: 'school_id' | 'partner_id') =>
  raw((alias: string) => `(select o.name from organisation o where o.id = ${alias}.${column})`);

/** `?sort=` of the columns stored in the row (all but the derived status) as an order, ties broken by number. */
function storedOrder(key: Exclude<AgreementSort, 'status' | '-status'>): QueryOrderMap<AgreementRecord> {
  const dir = key.startsWith('-') ? QueryOrder.DESC : QueryOrder.ASC;
  const nulls = dir === QueryOrder.DESC ? QueryOrder.DESC_NULLS_LAST : QueryOrder.ASC_NULLS_LAST;
  switch (key.replace(/^-/, '')) {
    case 'school':
      return { [partyName('school_id')]: dir, number: 'asc' } as QueryOrderMap<AgreementRecord>;
    case 'partner':
      return { [partyName('partner_id')]: dir, number: 'asc' } as QueryOrderMap<AgreementRecord>;
    case 'startsOn':
      return { startsOn: dir, number: 'asc' };
    case 'endsOn':
      return { endsOn: nulls, number: 'asc' };
    default:
      return { number: dir };
  }
}

/**
 * A page of the agreement list in the order `?sort=` asks. The status is derived on `today` by the domain, never
 * stored: sorted by status, the matching rows' date facts are read (a district holds hundreds of agreements), ranked
 * in the order of `AGREEMENT_STATUSES`, and only the page's records are loaded.
 */
export async function agreementPage<R>(
  em: EntityManager,
  where: FilterQuery<AgreementRecord>,
  q: { limit: number; offset: number; sort?: AgreementSort },
  today: LocalDate,
  map: (r: AgreementRecord) => R,
  { searched = false }: { searched?: boolean } = {},
): Promise<Page<R>> {
  if (q.sort !== 'status' && q.sort !== '-status')
    return findPage(em, AgreementRecord, where, q, q.sort ? storedOrder(q.sort) : DEFAULT_ORDER, map, {
      totalWithRows: searched,
    });
  const rows = await em.find(AgreementRecord, where, {
    fields: ['id', 'number', ...AGREEMENT_TERM_FIELDS],
    disableIdentityMap: true,
  });
  const sign = q.sort === '-status' ? -1 : 1;
  const ranked = rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      rank: AGREEMENT_STATUSES.indexOf(agreementStatus(toAgreementData(r), today)),
    }))
    .sort((a, b) => sign * (a.rank - b.rank) || a.number.localeCompare(b.number) || a.id.localeCompare(b.id));
  const ids = ranked.slice(q.offset, q.offset + q.limit).map((r) => r.id);
  const records = ids.length ? await em.find(AgreementRecord, { id: { $in: ids } }) : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [map(r)] : [];
  });
  return { items, total: rows.length, limit: q.limit, offset: q.offset };
}
