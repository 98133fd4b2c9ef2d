import { Migration } from '@mikro-orm/migrations';

const PERIOD_COLUMNS = ['starts_on', 'status', 'direction_id', 'form', 'organisation_id', 'partner_id', 'hours', 'actual_participants'];

/**
 * Indexes for the department report (see docs/benchmarks.md and ADR 0005):
 * - `activity_period_report_idx`: every district-wide aggregate filters activities by `starts_on` within
 *   a period and groups by status, direction, form, organisation and partner, summing hours and
 *   participants; with those columns in one index the database reads a contiguous range of a narrow
 *   index instead of the wide activity rows. On SQLite the two JSON lists the report reads (professions,
 *   target grades) are appended so that every aggregate is answered from the index alone; PostgreSQL has
 *   no b-tree order for `json`, so there they stay in the table.
 * - `activity_org_period_idx` replaces the plain (organisation, starts_on) index with a covering one:
 *   a school's period is still one range, and the per-school aggregates and the distinct (school,
 *   partner) pairs read it in school order, so SQLite's grouping sorter gets almost sorted input.
 * - `organisation_partner_type_idx`: the breakdown by partner type looks each activity's partner up in
 *   this narrow index instead of the organisation rows.
 */
export class Migration0002ReportIndexes extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const sqlite = !/^(pg|postgres)/.test(String((k.client as { dialect?: string }).dialect ?? ''));
    const statements = [
      k.schema.alterTable('activity', (t) => {
        t.index(sqlite ? [...PERIOD_COLUMNS, 'professions', 'target_grades'] : PERIOD_COLUMNS, 'activity_period_report_idx');
        t.dropIndex(['organisation_id', 'starts_on']);
        t.index(['organisation_id', 'starts_on', 'status', 'direction_id', 'partner_id', 'hours', 'actual_participants'], 'activity_org_period_idx');
      }),
      k.schema.alterTable('organisation', (t) => {
        t.index(['id', 'partner_type'], 'organisation_partner_type_idx');
      }),
    ];
    for (const s of statements) for (const q of s.toSQL()) this.addSql(q.sql);
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
