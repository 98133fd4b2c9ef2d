import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

const PERIOD_KEY = ['starts_on', 'status', 'direction_id', 'form', 'organisation_id', 'partner_id'];
const PERIOD_PAYLOAD = ['hours', 'actual_participants', 'professions', 'target_grades'];

/**
 * Indexes for the department report (see docs/benchmarks.md and ADR 0005):
 * - `activity_period_report_idx`: every district-wide aggregate filters activities by `starts_on` within
 *   a period and groups by status, direction, form, organisation and partner, summing hours and
 *   participants; with those columns in one index the database reads a contiguous range of a narrow
 *   index instead of the wide activity rows. The sums and the two JSON lists the report reads
 *   (professions, target grades) ride along so that every aggregate is answered from the index alone:
 *   as `INCLUDE` payload on PostgreSQL (no b-tree order is needed for `json` there), as trailing key
 *   columns on SQLite, which has no `INCLUDE`.
 * - `activity_org_period_idx` replaces the plain (organisation, starts_on) index with a covering one:
 *   a school's period is still one range, and the per-school aggregates (grouped by school alone) read
 *   it in school order and aggregate as they go, without sorting the period's rows (a skip-scan over
 *   schools on SQLite; measured against a (school, partner, date) order, which was slower at both sizes).
 * - `organisation_partner_type_idx`: the breakdown by partner type looks each activity's partner up in
 *   this narrow index instead of the organisation rows.
 */
export class Migration0002ReportIndexes extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const sqlite = !isPostgres(k);
    const statements = [
      k.schema.alterTable('activity', (t) => {
        if (sqlite) t.index([...PERIOD_KEY, ...PERIOD_PAYLOAD], 'activity_period_report_idx');
        t.dropIndex(['organisation_id', 'starts_on']);
        t.index(
          ['organisation_id', 'starts_on', 'status', 'direction_id', 'partner_id', 'hours', 'actual_participants'],
          'activity_org_period_idx',
        );
      }),
      k.schema.alterTable('organisation', (t) => {
        t.index(['id', 'partner_type'], 'organisation_partner_type_idx');
      }),
    ];
    for (const s of statements) for (const q of s.toSQL()) this.addSql(q.sql);
    if (!sqlite) {
      const cols = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
      this.addSql(
        `create index "activity_period_report_idx" on "activity" (${cols(PERIOD_KEY)}) include (${cols(PERIOD_PAYLOAD)})`,
      );
    }
  }

  override async down(): Promise<void> {
    const k = this.getKnex();
    const statements = [
      k.schema.alterTable('activity', (t) => {
        t.dropIndex([], 'activity_period_report_idx');
        t.dropIndex([], 'activity_org_period_idx');
        t.index(['organisation_id', 'starts_on']);
      }),
      k.schema.alterTable('organisation', (t) => t.dropIndex([], 'organisation_partner_type_idx')),
    ];
    for (const s of statements) for (const q of s.toSQL()) this.addSql(q.sql);
  }
}
