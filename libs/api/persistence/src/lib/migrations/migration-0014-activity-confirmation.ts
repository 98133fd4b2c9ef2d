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
    const q = this.getKnex().schema.alterTable('activity', (t) => {
      t.dropColumn('partner_comment');
      t.dropColumn('partner_confirmed_by');
      t.dropColumn('partner_confirmed_at');
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }
}
