import { ACTIVITY_STATUSES, LIVE_ACTIVITY_STATUSES } from '@socium/domain';

import type { Knex } from '@mikro-orm/knex';

import { agreementsInForce } from './agreements.query';
import { ActivityGroupRow, groupOf, num, Row, statusRows, textOrNull } from './report-rows';
import { allStatusSums, heldParticipants, lateral, ReportSql, statusIn } from './report-sql';
import { schoolActivity } from './school-activity.query';

/** District-wide: activities with a partner by type × status, and the active partners per type. */
export interface PartnerSide {
  groups: ActivityGroupRow[];
  active: Map<string | null, number>;
}

/** Partners (the domain's `periodPartners`: agreements in force ∪ activities not cancelled) per school, per type and in all. */
interface PartnerLinks {
  byOrg: Map<string, number>;
  byType: Map<string | null, number>;
  distinct: number;
}

/**
 * Partners per school, per type and in all, as the domain's `periodPartners` defines them: the union of the
 * partners of the agreements in force and the partners of the period's activities that were not cancelled.
 * The database counts the activity partners (per school with the per-school figures, per type with the
 * partner breakdown); an agreement adds its partner only where that partner has no such activity (its
 * `linked` and `active` flags), once per partner. No per-link rows leave the database: at country size there
 * are 150,000 links, whose hashing in SQL and objects in memory grew faster than the data.
 */
function partnerLinks(db: ReportSql): Promise<PartnerLinks> {
  return db.once('partnerLinks', async () => {
    const [agreements, school, activityTypes] = await Promise.all([
      agreementsInForce(db),
      schoolActivity(db),
      activePartnersByType(db),
    ]);
    const unlinked = new Map<string, Set<string>>();
    const inactive = new Set<string>();
    for (const g of agreements) {
      if (!g.linked) {
        let mine = unlinked.get(g.org);
        if (!mine) unlinked.set(g.org, (mine = new Set()));
        mine.add(g.partner);
      }
      if (!g.active) inactive.add(g.partner);
    }
    const byOrg = new Map(school.activityPartners);
    for (const [org, partners] of unlinked) byOrg.set(org, (byOrg.get(org) ?? 0) + partners.size);
    const byType = new Map(activityTypes);
    for (const type of await partnerTypes(db, [...inactive])) byType.set(type, (byType.get(type) ?? 0) + 1);
    let distinct = 0;
    for (const n of byType.values()) distinct += n;
    return { byOrg, byType, distinct };
  });
}

export async function partnersByOrg(db: ReportSql): Promise<Map<string, number>> {
  return (await partnerLinks(db)).byOrg;
}

/** Distinct partners across the scope with their type: (partnerType, count) rows. */
export async function partnersByType(db: ReportSql): Promise<{ partnerType: string | null; count: number }[]> {
  return [...(await partnerLinks(db)).byType].map(([partnerType, count]) => ({ partnerType, count }));
}

export async function distinctPartners(db: ReportSql): Promise<number> {
  return (await partnerLinks(db)).distinct;
}

/** The types of some organisations (null for one without a type, or gone), looked up in chunks. */
async function partnerTypes(db: ReportSql, ids: string[]): Promise<(string | null)[]> {
  const types = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows: Row[] = await db
      .k('organisation')
      .whereIn('id', ids.slice(i, i + 500))
      .select('id', 'partner_type as partnerType');
    for (const r of rows) types.set(String(r['id']), textOrNull(r['partnerType']));
  }
  return ids.map((id) => types.get(id) ?? null);
}

/** Distinct partners with activities of the period that were not cancelled, per partner type. */
async function activePartnersByType(db: ReportSql): Promise<Map<string | null, number>> {
  if (!db.w.scope) return (await partnerSide(db)).active;
  const rows: Row[] = await db
    .periodActivities()
    .leftJoin('organisation as p', 'p.id', 'a.partner_id')
    .whereNotNull('a.partner_id')
    .whereRaw(...statusIn('a.status', LIVE_ACTIVITY_STATUSES))
    .select('p.partner_type as partnerType', db.k.raw('COUNT(DISTINCT a.partner_id) as n'))
    .groupBy('p.partner_type');
  return new Map(rows.map((r) => [textOrNull(r['partnerType']), num(r['n'])]));
}

/**
 * District-wide, the activities that have a partner, per partner type × status, and the partners per
 * type with activities of the period that were not cancelled (`active`). Both databases read the
 * activities one partner at a time and look each partner's type up once: PostgreSQL seeks each
 * organisation's range of `activity_partner_period_idx` (migration 0004) in a lateral join; SQLite reads
 * `activity_partner_report_idx` (migration 0003) in partner order and groups as it reads. Joining a type to
 * each of a million activities (a hash of every organisation) grew faster than the data.
 */
export function partnerSide(db: ReportSql): Promise<PartnerSide> {
  return db.once('partnerSide', async () => {
    const k = db.k;
    const [live, liveBindings] = statusIn('a.status', LIVE_ACTIVITY_STATUSES);
    const perPartner = (qb: Knex.QueryBuilder) =>
      db
        .inPeriod(qb, 'a.starts_on')
        .select(
          ...allStatusSums(k),
          heldParticipants(k),
          k.raw(`SUM(CASE WHEN ${live} THEN 1 ELSE 0 END) as live`, liveBindings),
        );
    const byType: Knex.QueryBuilder = db.pg
      ? k
          .from('organisation as p')
          .joinRaw(
            ...lateral([perPartner(k('activity as a')).whereRaw('a.partner_id = p.id').havingRaw('COUNT(*) > 0')], 'q'),
          )
      : k
          .from(
            perPartner(db.indexed('activity', 'a', 'activity_partner_report_idx'))
              .whereNotNull('a.partner_id')
              .select('a.partner_id as partner')
              .groupBy('a.partner_id')
              .as('q'),
          )
          .leftJoin('organisation as p', 'p.id', 'q.partner');
    const rows: Row[] = await byType
      .select(
        'p.partner_type as partnerType',
        ...ACTIVITY_STATUSES.flatMap((st) => [
          k.raw('SUM(??) as ??', [`q.n_${st}`, `n_${st}`]),
          k.raw('SUM(??) as ??', [`q.h_${st}`, `h_${st}`]),
        ]),
        k.raw('SUM(q.participants) as participants'),
        k.raw('SUM(CASE WHEN q.live > 0 THEN 1 ELSE 0 END) as active'),
      )
      .groupBy('p.partner_type');
    const active = new Map<string | null, number>();
    for (const r of rows) if (num(r['active']) > 0) active.set(textOrNull(r['partnerType']), num(r['active']));
    const groups = rows.flatMap((r) =>
      statusRows(r, (st, n, participants, hours) => ({
        ...groupOf('', st, n, participants, hours),
        partnerType: textOrNull(r['partnerType']),
        hasPartner: true,
      })),
    );
    return { groups, active };
  });
}
