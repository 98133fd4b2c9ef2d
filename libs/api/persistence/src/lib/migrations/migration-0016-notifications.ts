import { Migration } from '@mikro-orm/migrations';

/** `notification`: in-app notifications and their e-mail delivery (issue 15 item 2), one per user and cause. */
export class Migration0016Notifications extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.createTable('notification', (t) => {
      t.string('id', 36).primary();
      t.string('user_id', 36).notNullable();
      t.string('cause', 200).notNullable();
      t.string('kind', 60).notNullable();
      t.string('object_type', 40).notNullable();
      t.string('object_id', 36).notNullable();
      t.string('subject', 500).notNullable();
      t.text('body').notNullable();
      t.string('link', 300).notNullable();
      t.string('created_at', 30).notNullable();
      t.string('read_at', 30).nullable();
      t.string('email_state', 10).notNullable();
      t.integer('email_attempts').notNullable().defaultTo(0);
      t.string('email_next_at', 30).nullable();
      t.string('email_error', 500).nullable();
      t.string('email_sent_at', 30).nullable();
      t.unique(['user_id', 'cause'], { indexName: 'notification_user_cause_unique' });
      t.index(['user_id', 'created_at'], 'notification_user_created_idx');
      t.index(['email_state', 'email_next_at'], 'notification_email_due_idx');
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('notification').toQuery());
  }
}
