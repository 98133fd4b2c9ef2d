import { ActivityStatus } from '@socium/domain';

import { num, Row } from './report-rows';
import { ReportSql } from './report-sql';

/** Activities planned in the period, per organisation and status: indicator #5's input. */
export interface PlannedStatusRow {
  org: string;
  status: ActivityStatus;
  count: number;
}

/**
 * Indicator #5 (joint-plan execution) as the domain's `planExecutionCounts` defines it: the activities whose
 * planned start (`planned_starts_on`, kept by a postponement) falls in the period, per organisation and status.
 * A postponed activity counts in the period it was planned in, with its outcome now; the other activity figures
 * (held events, participants, hours, partners) count it on the dates it is scheduled on. Both databases read the
 * range of `activity_planned_period_idx` (migration 0010) alone.
 */
export function plannedStatusByOrg(db: ReportSql): Promise<PlannedStatusRow[]> {
  return db.once('plannedStatusByOrg', async () => {
    const rows: Row[] = await db
      .scoped(
        db.inPeriod(db.indexed('activity', 'a', 'activity_planned_period_idx'), 'a.planned_starts_on'),
        'a.organisation_id',
      )
      .select('a.organisation_id as org', 'a.status as status', db.k.raw('COUNT(*) as n'))
      .groupBy('a.organisation_id', 'a.status');
    return rows.map((r) => ({ org: String(r['org']), status: r['status'] as ActivityStatus, count: num(r['n']) }));
  });
}
