import { Migration } from '@mikro-orm/migrations';

/**
 * Placements by status and start: the daily reminders' pass asks for the blocked placements starting soon, which
 * are few or none. Without this index SQLite answered it through `starts_on` alone, reading almost every placement
 * row (36,000 at region size: 87 ms on a cold cache, one stretch of the event loop, docs/benchmarks.md).
 */
export class Migration0035PlacementStatus extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index if not exists "placement_status_starts_idx" on "placement" ("status", "starts_on")');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "placement_status_starts_idx"');
  }
}
