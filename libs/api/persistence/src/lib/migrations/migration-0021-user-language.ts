import { Migration } from '@mikro-orm/migrations';

/** The user's language as last used in the panel (its log-in or token refresh): notifications and e-mails use it. */
export class Migration0021UserLanguage extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('app_user', (t) => {
      t.string('language', 2).nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "language"`);
  }
}
