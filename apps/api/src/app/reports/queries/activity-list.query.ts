import type { Knex } from '@mikro-orm/knex';

import { ActivityListRow, Row, toActivityListRow } from './report-rows';
import { ReportSql } from './report-sql';

/** The most activities a file lists (XLSX sheet, CSV table); a file that stops there says so in its last row. */
export const ACTIVITY_LIST_LIMIT = 100_000;

/**
 * The period's activities in date order: a range of the period index (of the school's index for one
 * school). Forced on SQLite: with the direction index of migration 0003 its planner may otherwise start
 * from the few directions and read every activity of each, which at country size is minutes.
 */
function activityListQuery(db: ReportSql): Knex.QueryBuilder {
  const index = db.w.scope ? 'activity_org_period_idx' : 'activity_period_report_idx';
  return db
    .scoped(db.inPeriod(db.indexed('activity', 'a', index, { always: true }), 'a.starts_on'), 'a.organisation_id')
    .join('direction as d', 'd.id', 'a.direction_id')
    .join('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('organisation as p', 'p.id', 'a.partner_id')
    .select(
      'a.starts_on as startsOn',
      'o.short_name as school',
      'a.title as title',
      'd.code as directionCode',
      'a.form as form',
      'p.short_name as partner',
      'a.status as status',
      'a.planned_participants as plannedParticipants',
      'a.actual_participants as actualParticipants',
      'a.hours as hours',
      db.k.raw('CAST(a.target_grades AS TEXT) as grades'),
    );
}

/** The activity list in chunks (keyset pagination on date and id), so a large export never holds every row at once. */
export async function* activityChunks(
  db: ReportSql,
  size = 5000,
  limit = ACTIVITY_LIST_LIMIT,
): AsyncGenerator<ActivityListRow[]> {
  let after: { startsOn: string; id: string } | null = null;
  for (let sent = 0; sent < limit; ) {
    const qb = activityListQuery(db)
      .select('a.id as id')
      .orderBy([{ column: 'a.starts_on' }, { column: 'a.id' }])
      .limit(Math.min(size, limit - sent));
    const cursor = after;
    if (cursor)
      qb.where((w) =>
        w
          .where('a.starts_on', '>', cursor.startsOn)
          .orWhere((x) => x.where('a.starts_on', cursor.startsOn).andWhere('a.id', '>', cursor.id)),
      );
    const rows: Row[] = await qb;
    if (!rows.length) return;
    sent += rows.length;
    const last = rows[rows.length - 1] as Row;
    after = { startsOn: String(last['startsOn']), id: String(last['id']) };
    yield rows.map(toActivityListRow);
    if (rows.length < size) return;
  }
}

/** The period's activities, one row each (the "activities" table of a CSV file). */
export async function activityList(db: ReportSql, limit = ACTIVITY_LIST_LIMIT): Promise<ActivityListRow[]> {
  const rows: Row[] = await activityListQuery(db)
    .orderBy([{ column: 'a.starts_on' }, { column: 'o.short_name' }, { column: 'a.id' }])
    .limit(limit);
  return rows.map(toActivityListRow);
}
