import { ActivityStatus } from '@socium/domain';

import { partnerSide } from './partners.query';
import { ActivityGroupRow, breakdownRow, groupOf, Row } from './report-rows';
import { groupSums, hasPartner, ReportSql } from './report-sql';
import { schoolActivity } from './school-activity.query';

/** The directions by id (a handful of rows), read once per report. */
function directions(db: ReportSql): Promise<Map<string, { code: string; name: string }>> {
  return db.once('directions', async () => {
    const rows: Row[] = await db.k('direction').select('id', 'code', 'name');
    return new Map(rows.map((d) => [String(d['id']), { code: String(d['code']), name: String(d['name']) }]));
  });
}

async function breakdownRows(db: ReportSql, rows: Row[]): Promise<ActivityGroupRow[]> {
  const dir = await directions(db);
  return rows.map((r) => breakdownRow(r, dir));
}

/**
 * The district breakdowns: activities of the period by status × direction × form (`byDirectionAndForm`)
 * and by status × partner type (`byPartnerType`); each breakdown rolls its own rows up by its key.
 * For one school (a few hundred rows) it is one cross-product GROUP BY that answers both. District-wide
 * the direction/form groups are one GROUP BY (bounded groups, see `directionAndFormGroups`); the partner
 * types come from the activities read per partner (`partnerSide`), and the activities without a partner
 * are the per-status totals of the schools less those with one.
 */
export async function breakdownGroups(
  db: ReportSql,
): Promise<{ byDirectionAndForm: ActivityGroupRow[]; byPartnerType: ActivityGroupRow[] }> {
  if (db.w.scope) {
    const rows = await crossProductGroups(db);
    return { byDirectionAndForm: rows, byPartnerType: rows };
  }
  const [byDirectionAndForm, partners, school] = await Promise.all([
    directionAndFormGroups(db),
    partnerSide(db),
    schoolActivity(db),
  ]);
  return { byDirectionAndForm, byPartnerType: [...partners.groups, ...withoutPartner(school.groups, partners.groups)] };
}

async function crossProductGroups(db: ReportSql): Promise<ActivityGroupRow[]> {
  const k = db.k;
  const rows: Row[] = await db
    .periodActivities()
    .leftJoin('organisation as p', 'p.id', 'a.partner_id')
    .select(
      'a.status as status',
      'a.direction_id as directionId',
      'a.form as form',
      'p.partner_type as partnerType',
      k.raw(`${hasPartner()} as has_partner`),
      ...groupSums(k),
    )
    .groupBy('a.status', 'a.direction_id', 'a.form', 'p.partner_type', k.raw(hasPartner()));
  return breakdownRows(db, rows);
}

/**
 * District-wide by status × direction × form: PostgreSQL hashes the groups; SQLite groups per day first
 * (the order of `activity_period_report_idx`, no sort) and then rolls the bounded day groups up.
 */
async function directionAndFormGroups(db: ReportSql): Promise<ActivityGroupRow[]> {
  const k = db.k;
  const keys = ['a.status', 'a.direction_id', 'a.form'];
  const grouped = db
    .periodActivities()
    .select('a.status as status', 'a.direction_id as directionId', 'a.form as form', ...groupSums(k))
    .groupBy(db.pg ? keys : ['a.starts_on', ...keys]);
  if (db.pg) return breakdownRows(db, await grouped);
  const rows: Row[] = await k
    .from(grouped.as('q'))
    .select(
      'q.status as status',
      'q.directionId as directionId',
      'q.form as form',
      k.raw('SUM(q.n) as n'),
      k.raw('SUM(q.participants) as participants'),
      k.raw('SUM(q.hours) as hours'),
    )
    .groupBy('q.status', 'q.directionId', 'q.form');
  return breakdownRows(db, rows);
}

/**
 * The activities without a partner, per status: the schools' per-status totals less the partner groups
 * (each activity is in exactly one school's totals and, if it has a partner, in one partner group).
 */
function withoutPartner(
  totals: readonly ActivityGroupRow[],
  withPartner: readonly ActivityGroupRow[],
): ActivityGroupRow[] {
  const sum = new Map<ActivityStatus, { count: number; participants: number; hours: number }>();
  const add = (rows: readonly ActivityGroupRow[], sign: 1 | -1) => {
    for (const r of rows) {
      const v = sum.get(r.status) ?? { count: 0, participants: 0, hours: 0 };
      v.count += sign * r.count;
      v.participants += sign * r.participants;
      v.hours += sign * r.hours;
      sum.set(r.status, v);
    }
  };
  add(totals, 1);
  add(withPartner, -1);
  return (
    [...sum.entries()]
      .filter(([, v]) => v.count > 0)
      // sums of fractional hours in two orders: keep the difference free of floating-point dust
      .map(([status, v]) => groupOf('', status, v.count, v.participants, Math.round(v.hours * 1e6) / 1e6))
  );
}
