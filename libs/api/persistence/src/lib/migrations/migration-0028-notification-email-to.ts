import { Migration } from '@mikro-orm/migrations';

/**
 * `notification.email_to`: the address of an e-mail for an organisation without active users (issue 15, an
 * organisation reached through its contact e-mail with a single-use link). Such a row's `user_id` holds the
 * organisation's id, so the unique (user_id, cause) still makes it once per cause; no user sees it in the bell.
 */
export class Migration0028NotificationEmailTo extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('notification', (t) => {
      t.string('email_to', 200).nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop column "email_to"`);
  }
}
