import { Migration } from '@mikro-orm/migrations';

/** `single_use_link`: links for organisations without an account (issue 15 item 3), stored as token hashes. */
export class Migration0017SingleUseLinks extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.createTable('single_use_link', (t) => {
      t.string('id', 36).primary();
      t.string('token_hash', 64).notNullable().unique();
      t.string('purpose', 40).notNullable();
      t.string('object_id', 36).notNullable();
      t.string('organisation_id', 36).notNullable();
      t.string('email', 200).nullable();
      t.string('created_by', 36).notNullable();
      t.string('created_at', 30).notNullable();
      t.string('expires_at', 30).notNullable();
      t.string('used_at', 30).nullable();
      t.index(['object_id'], 'single_use_link_object_idx');
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('single_use_link').toQuery());
  }
}
