import { Migration } from '@mikro-orm/migrations';

/**
 * Which organisations each write touched, for the public pages' caches of every API process (issue 16):
 * `public_change` holds one row per organisation a write touched (or one row with no organisation when a write
 * touched something every page may show), under the revision that the write took from `public_revision`. A process
 * reads the rows after the last revision it saw and drops only the cached pages that depend on those organisations
 * (a district's page depends on all of them). Old rows are pruned by the writers; a reader that finds a gap drops
 * everything.
 */
export class Migration0030PublicChanges extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const changes = k.schema.createTable('public_change', (t) => {
      t.bigInteger('revision').notNullable().index('public_change_revision_idx');
      t.string('organisation_id', 36).nullable();
    });
    for (const s of changes.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('public_change').toQuery());
  }
}
