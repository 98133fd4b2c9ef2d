import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * More covering indexes for the department report (ADR 0005, docs/benchmarks.md), mostly for SQLite.
 * SQLite can only group by sorting unless an index delivers the rows in group order, and a sort of a
 * million rows, or a million random look-ups of partners, grows faster than the data. These indexes give
 * the district-wide aggregates an order to stream in:
 * - `activity_partner_report_idx` (partner, school, start, status, hours, participants): activities in
 *   partner order, so the links between schools and partners and the breakdown by partner type are
 *   grouped per partner as they are read, and each partner's type is looked up once per partner rather
 *   than once per activity.
 * - `document_recipient_report_idx` (school, document, state, sent, acknowledged): the recipients in
 *   school order with the columns the acknowledgement figures read, so they come from the index alone.
 * - `activity_direction_report_idx` (direction, status, school, grades, start, hours): the held
 *   career-guidance activities are one seek and a narrow range, not a filter over the period's rows.
 * - `placement_period_report_idx` (start, school, channel, birth date, student code, findings): the
 *   period's placements from the index alone, without a look-up of each placement row.
 * PostgreSQL hashes its GROUP BYs and does not need them (no write cost there). It gets one narrow
 * index instead, `activity_period_narrow_idx`: the period range with only the columns of the per-school,
 * link and breakdown aggregates (no JSON payload), 30 % smaller than `activity_period_report_idx`, so
 * those index-only scans read fewer pages.
 */
export class Migration0003ReportOrders extends Migration {
  override async up(): Promise<void> {
    if (isPostgres(this.getKnex())) {
      this.addSql(
        'create index if not exists "activity_period_narrow_idx" on "activity" ("starts_on") include ("status", "direction_id", "form", "organisation_id", "partner_id", "hours", "actual_participants")',
      );
      return;
    }
    this.addSql(
      'create index if not exists `activity_partner_report_idx` on `activity` (`partner_id`, `organisation_id`, `starts_on`, `status`, `hours`, `actual_participants`)',
    );
    this.addSql(
      'create index if not exists `document_recipient_report_idx` on `document_recipient` (`organisation_id`, `document_id`, `state`, `sent_on`, `acknowledged_on`)',
    );
    this.addSql(
      'create index if not exists `activity_direction_report_idx` on `activity` (`direction_id`, `status`, `organisation_id`, `target_grades`, `starts_on`, `hours`)',
    );
    this.addSql(
      'create index if not exists `placement_period_report_idx` on `placement` (`starts_on`, `school_id`, `channel`, `student_birth_date`, `student_code`, `findings_count`)',
    );
  }

  override async down(): Promise<void> {
    if (isPostgres(this.getKnex())) {
      this.addSql('drop index if exists "activity_period_narrow_idx"');
      return;
    }
    this.addSql('drop index if exists `activity_partner_report_idx`');
    this.addSql('drop index if exists `document_recipient_report_idx`');
    this.addSql('drop index if exists `activity_direction_report_idx`');
    this.addSql('drop index if exists `placement_period_report_idx`');
  }
}
