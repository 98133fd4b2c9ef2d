import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * PostgreSQL: `activity_partner_period_idx` (partner, start) with the school, status, hours and
 * participants as payload (ADR 0005). The district report reads each organisation's activities as a
 * partner for the period from it (one short range per organisation): the breakdown by partner type, the
 * partners with activities per type, and whether an agreement's partner worked with its school in the
 * period. Hashing a million activities against 165,000 organisations instead grew faster than the data
 * (the hash tables leave the CPU caches). SQLite already has `activity_partner_report_idx` (migration 0003)
 * for the same reads.
 */
export class Migration0004PartnerPeriod extends Migration {
  override async up(): Promise<void> {
    if (!isPostgres(this.getKnex())) return;
    this.addSql(
      'create index if not exists "activity_partner_period_idx" on "activity" ("partner_id", "starts_on") include ("organisation_id", "status", "hours", "actual_participants")',
    );
  }

  override async down(): Promise<void> {
    if (!isPostgres(this.getKnex())) return;
    this.addSql('drop index if exists "activity_partner_period_idx"');
  }
}
