import { Migration } from '@mikro-orm/migrations';

/**
 * The partner's confirmation of an activity (`POST /activities/:id/confirm`): when it was given, by which user and
 * with what comment. Null until a partner representative confirms; withdrawn when the activity's dates move.
 */
export class Migration0014ActivityConfirmation extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('activity', (t) => {
      t.string('partner_confirmed_at', 30).nullable();
      t.string('partner_confirmed_by', 36).nullable();
      t.text('partner_comment').nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    // plain DROP COLUMN (SQLite 3.35+ and PostgreSQL); knex's SQLite form cannot be written as statements
    for (const column of ['partner_comment', 'partner_confirmed_by', 'partner_confirmed_at'])
      this.addSql(`alter table "activity" drop column "${column}"`);
  }
}
