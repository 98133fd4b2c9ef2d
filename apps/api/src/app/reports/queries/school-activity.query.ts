import { LIVE_ACTIVITY_STATUSES } from '@socium/domain';

import { ActivityGroupRow, groupOf, num, Row, statusRows } from './report-rows';
import { allStatusSums, groupSums, heldParticipants, lateral, ReportSql, statusIn } from './report-sql';

/** Per school: activities by status, and the distinct partners of those not cancelled. */
export interface SchoolActivity {
  groups: ActivityGroupRow[];
  activityPartners: Map<string, number>;
}

/**
 * Per organisation: activities of the period by status (count, hours, participants of the held ones),
 * and the distinct partners of those that were not cancelled (`activityPartners`).
 * PostgreSQL reads each organisation's period as one range of `activity_org_period_idx` and groups it
 * there (a lateral join over the organisations that have activities, found by a skip scan of the same
 * index), so every hash table holds one school's few groups: hashing the district's (school, status)
 * groups in one table grew ×15 for ×10 data, as the table outgrew the CPU caches.
 * SQLite can only group by sorting, so there it is one row per school with a column per status, grouped
 * by `organisation_id` alone: the planner reads the per-school index in order and aggregates as it goes.
 * Career-guidance hours per school come from `careerHoursByGrades`, the same rows as the per-grade table.
 */
export function schoolActivity(db: ReportSql): Promise<SchoolActivity> {
  return db.once('schoolActivity', () => (db.pg ? schoolActivityPg(db) : schoolActivitySqlite(db)));
}

export async function activityGroupsByOrg(db: ReportSql): Promise<ActivityGroupRow[]> {
  return (await schoolActivity(db)).groups;
}

async function schoolActivityPg(db: ReportSql): Promise<SchoolActivity> {
  const { k, w } = db;
  const ofSchool = () => db.inPeriod(k('activity as a'), 'a.starts_on').whereRaw('a.organisation_id = o.id');
  // one organisation, or every organisation with activities: a recursive skip scan of the index
  const orgs = w.scope
    ? k.raw('(SELECT CAST(? AS TEXT) AS id) AS o', [w.scope])
    : k.raw(
        `(WITH RECURSIVE orgs(id) AS (
              (SELECT x.organisation_id FROM activity x ORDER BY x.organisation_id LIMIT 1)
              UNION ALL
              SELECT (SELECT x.organisation_id FROM activity x WHERE x.organisation_id > orgs.id ORDER BY x.organisation_id LIMIT 1)
              FROM orgs WHERE orgs.id IS NOT NULL
            ) SELECT id FROM orgs WHERE id IS NOT NULL) AS o`,
      );
  // a row per status, and one with a null status holding the distinct partners in `n`
  const perSchool = [
    ofSchool()
      .select('a.status as status', ...groupSums(k))
      .groupBy('a.status'),
    ofSchool()
      .whereRaw(...statusIn('a.status', LIVE_ACTIVITY_STATUSES))
      .select(
        k.raw('NULL as status'),
        k.raw('COUNT(DISTINCT a.partner_id) as n'),
        k.raw('0 as participants'),
        k.raw('0 as hours'),
      ),
  ];
  const rows: Row[] = await k
    .from(orgs)
    .joinRaw(...lateral(perSchool, 's'))
    .select('o.id as org', 's.status', 's.n', 's.participants', 's.hours');
  const groups: ActivityGroupRow[] = [];
  const activityPartners = new Map<string, number>();
  for (const r of rows) {
    if (r['status'] === null) {
      if (num(r['n']) > 0) activityPartners.set(String(r['org']), num(r['n']));
    } else
      groups.push(groupOf(r['org'], r['status'] as ActivityGroupRow['status'], r['n'], r['participants'], r['hours']));
  }
  return { groups, activityPartners };
}

async function schoolActivitySqlite(db: ReportSql): Promise<SchoolActivity> {
  const k = db.k;
  const [live, liveBindings] = statusIn('a.status', LIVE_ACTIVITY_STATUSES);
  const rows: Row[] = await db
    .periodActivities()
    .select(
      'a.organisation_id as org',
      ...allStatusSums(k),
      heldParticipants(k),
      k.raw(`COUNT(DISTINCT CASE WHEN ${live} THEN a.partner_id END) as partners`, liveBindings),
    )
    .groupBy('a.organisation_id');
  const activityPartners = new Map<string, number>();
  for (const r of rows) if (num(r['partners']) > 0) activityPartners.set(String(r['org']), num(r['partners']));
  const groups = rows.flatMap((r) =>
    statusRows(r, (st, n, participants, hours) => groupOf(r['org'], st, n, participants, hours)),
  );
  return { groups, activityPartners };
}
