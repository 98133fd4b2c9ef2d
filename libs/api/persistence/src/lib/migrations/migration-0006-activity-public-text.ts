import { Migration } from '@mikro-orm/migrations';

/**
 * `activity.public_text_confirmed`: the school confirmed that the activity's public text (title, venue, result) may
 * be published although the screening (domain `screenActivityText`) flagged it as possibly personal. False for
 * every existing row, so flagged text already stored is withheld from the public pages until confirmed.
 */
export class Migration0006ActivityPublicText extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const q = k.schema.alterTable('activity', (t) => {
      t.boolean('public_text_confirmed').notNullable().defaultTo(false);
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    const k = this.getKnex();
    const q = k.schema.alterTable('activity', (t) => {
      t.dropColumn('public_text_confirmed');
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }
}
