import { AGE_BANDS, AgeBand, ageBandBirthDates, LocalDate } from '@socium/domain';

import type { Knex } from '@mikro-orm/knex';

import { num, Row } from './report-rows';
import { ReportSql } from './report-sql';

/** The period's placements, from the covering index of migrations 0003 (SQLite) and 0005 (PostgreSQL). */
function placements(db: ReportSql): Knex.QueryBuilder {
  return db.scoped(
    db.inPeriod(db.indexed('placement', 'p', 'placement_period_report_idx'), 'p.starts_on'),
    'p.school_id',
  );
}

export async function placementsByOrg(
  db: ReportSql,
): Promise<Map<string, { placements: number; withFindings: number }>> {
  const k = db.k;
  const rows: Row[] = await placements(db)
    .select(
      'p.school_id as org',
      k.raw('COUNT(*) as n'),
      k.raw('SUM(CASE WHEN p.findings_count > 0 THEN 1 ELSE 0 END) as f'),
    )
    .groupBy('p.school_id');
  return new Map(rows.map((r) => [String(r['org']), { placements: num(r['n']), withFindings: num(r['f']) }]));
}

/**
 * The domain's age bands as birth-date ranges for each day of the period: `(day, band, bornAfter, bornBy)`
 * rows joined on the placement's start, so a placement's band is its student's age on that day
 * (`LocalDate.ageOn`) without any date arithmetic in SQL. A period is at most a year: ≤ 1,098 rows.
 */
function ageBandsByDay(db: ReportSql): [string, Knex.Value[]] {
  const rows: Knex.Value[][] = [];
  const end = LocalDate.iso(db.w.end);
  for (let day = LocalDate.iso(db.w.start); !day.isAfter(end); day = day.addDays(1))
    for (const band of AGE_BANDS) {
      const { bornAfter, bornBy } = ageBandBirthDates(band, day);
      rows.push([day.toString(), band, bornAfter.toString(), bornBy.toString()]);
    }
  if (!rows.length) return ['JOIN (SELECT 1 AS column1) AS v ON 1 = 0', []];
  return [
    `JOIN (VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}) AS v` +
      ' ON v.column1 = p.starts_on AND p.student_birth_date > v.column3 AND p.student_birth_date <= v.column4',
    rows.flat(),
  ];
}

/**
 * Distinct students placed in the period aged 14–17 on the placement's start, per (channel, age band), and
 * in all (a student placed through two channels is one student).
 */
export async function employedByChannelAndBand(
  db: ReportSql,
): Promise<{ rows: { channel: string; ageBand: AgeBand; count: number }[]; distinct: number }> {
  const k = db.k;
  const banded = () => placements(db).joinRaw(...ageBandsByDay(db));
  const rows: Row[] = await banded()
    .select('p.channel as channel', 'v.column2 as band', k.raw('COUNT(DISTINCT p.student_code) as n'))
    .groupBy('p.channel', 'v.column2')
    .orderBy(['p.channel', 'v.column2']);
  const [total] = (await banded().select(k.raw('COUNT(DISTINCT p.student_code) as n'))) as Row[];
  return {
    rows: rows.map((r) => ({
      channel: String(r['channel']),
      ageBand: String(r['band']) as AgeBand,
      count: num(r['n']),
    })),
    distinct: num(total?.['n']),
  };
}
