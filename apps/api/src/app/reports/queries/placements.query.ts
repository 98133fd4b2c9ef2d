import {
  AGE_BANDS,
  AgeBand,
  ageBand,
  BLOCKED_CONDITION,
  LocalDate,
  PlacementFlagField,
  startedBlockedCondition,
} from '@socium/domain';

import type { Knex } from '@mikro-orm/knex';

import { num, Row } from './report-rows';
import { countWhere, ReportSql } from './report-sql';

const PLACEMENT_COLUMNS: Record<PlacementFlagField, string> = { status: 'p.status', startsOn: 'p.starts_on' };

/** The period's placements, from the covering index of migrations 0003 (SQLite) and 0005 (PostgreSQL). */
function placements(db: ReportSql): Knex.QueryBuilder {
  return db.scoped(
    db.inPeriod(db.indexed('placement', 'p', 'placement_period_report_idx'), 'p.starts_on'),
    'p.school_id',
  );
}

export interface PlacementCounts {
  placements: number;
  withFindings: number;
  /** still blocked by missing paperwork (the domain's `isBlocked`) */
  blocked: number;
  /** blocked and already started by today (`hasStartedBlocked`) */
  blockedStarted: number;
}

/** The period's placements per school: all, with findings, blocked, and blocked ones already started. */
export async function placementsByOrg(db: ReportSql): Promise<Map<string, PlacementCounts>> {
  const k = db.k;
  const rows: Row[] = await placements(db)
    .select(
      'p.school_id as org',
      k.raw('COUNT(*) as n'),
      k.raw('SUM(CASE WHEN p.findings_count > 0 THEN 1 ELSE 0 END) as f'),
      countWhere(k, BLOCKED_CONDITION, PLACEMENT_COLUMNS, 'b'),
      countWhere(k, startedBlockedCondition(LocalDate.iso(db.w.today)), PLACEMENT_COLUMNS, 'bs'),
    )
    .groupBy('p.school_id');
  return new Map(
    rows.map((r) => [
      String(r['org']),
      { placements: num(r['n']), withFindings: num(r['f']), blocked: num(r['b']), blockedStarted: num(r['bs']) },
    ]),
  );
}

/**
 * Distinct students placed in the period aged 14–17 on the placement's start, per (channel, age band), and
 * in all (a student placed through two channels is one student). The band is the domain's (`ageBand` of
 * `LocalDate.ageOn`) over the period's placements read once (a few per school): the earlier per-day `VALUES` join
 * bound four values for every day of the period and cost more to format and prepare than to run.
 */
export async function employedByChannelAndBand(
  db: ReportSql,
): Promise<{ rows: { channel: string; ageBand: AgeBand; count: number }[]; distinct: number }> {
  const found: Row[] = await placements(db).distinct(
    'p.channel as channel',
    'p.student_code as code',
    'p.student_birth_date as birth',
    'p.starts_on as day',
  );
  const groups = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const r of found) {
    const band = ageBand(LocalDate.iso(String(r['birth'])).ageOn(LocalDate.iso(String(r['day']))));
    if (!band) continue;
    const key = `${String(r['channel'])}\u0000${band}`;
    const set = groups.get(key) ?? new Set<string>();
    set.add(String(r['code']));
    groups.set(key, set);
    all.add(String(r['code']));
  }
  const rows = [...groups]
    .map(([key, codes]) => {
      const [channel, band] = key.split('\u0000') as [string, AgeBand];
      return { channel, ageBand: band, count: codes.size };
    })
    .sort((a, b) =>
      a.channel < b.channel
        ? -1
        : a.channel > b.channel
          ? 1
          : AGE_BANDS.indexOf(a.ageBand) - AGE_BANDS.indexOf(b.ageBand),
    );
  return { rows, distinct: all.size };
}
