import { CAREER_GUIDANCE_DIRECTION, HELD_ACTIVITY_STATUS, LIVE_ACTIVITY_STATUSES } from '@socium/domain';

import { num, parseJsonList, Row } from './report-rows';
import { ReportSql, statusIn } from './report-sql';

/** Held career-guidance hours grouped by (org, target grades): the domain sums them per grade. */
export async function careerHoursByGrades(
  db: ReportSql,
): Promise<{ org: string; targetGrades: number[]; hours: number; count: number }[]> {
  const k = db.k;
  const grades = k.raw('CAST(a.target_grades AS TEXT)');
  // one seek to (career guidance, held) in the direction index on SQLite, then the period within it
  const rows: Row[] = await db
    .scoped(
      db.inPeriod(db.indexed('activity', 'a', 'activity_direction_report_idx'), 'a.starts_on'),
      'a.organisation_id',
    )
    .join('direction as d', 'd.id', 'a.direction_id')
    .where('d.code', CAREER_GUIDANCE_DIRECTION)
    .where('a.status', HELD_ACTIVITY_STATUS)
    .select(
      'a.organisation_id as org',
      k.raw('CAST(a.target_grades AS TEXT) as grades'),
      k.raw('SUM(a.hours) as hours'),
      k.raw('COUNT(*) as n'),
    )
    .groupBy('a.organisation_id', grades);
  return rows.map((r) => ({
    org: String(r['org']),
    targetGrades: parseJsonList<number>(r['grades']).map(Number),
    hours: num(r['hours']),
    count: num(r['n']),
  }));
}

/** Distinct profession tags of the period's activities that were not cancelled. */
export async function coveredProfessions(db: ReportSql): Promise<string[]> {
  const rows: Row[] = await db
    .periodActivities()
    .whereRaw(...statusIn('a.status', LIVE_ACTIVITY_STATUSES))
    .distinct(db.k.raw('CAST(a.professions AS TEXT) as professions'));
  return [...new Set(rows.flatMap((r) => parseJsonList<string>(r['professions'])))];
}

/** Labour-market needs of the academic year, summed per profession. */
export async function labourNeeds(db: ReportSql): Promise<{ profession: string; demand: number }[]> {
  const rows: Row[] = await db
    .k('labour_need as n')
    .where('n.academic_year', db.w.academicYear)
    .select('n.profession as profession')
    .sum('n.demand as demand')
    .groupBy('n.profession');
  return rows.map((r) => ({ profession: String(r['profession']), demand: num(r['demand']) }));
}
