import { Migration } from '@mikro-orm/migrations';

/**
 * The days on which the daily reminders' pass has run (by the district's date), shared by every API process: the
 * scheduler runs the pass when today's has not run, so a restart in the middle of the day does not run it again.
 */
export class Migration0036ReminderPasses extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table if not exists "reminder_pass" ("day" varchar(10) not null primary key, "ran_at" varchar(40) not null)',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "reminder_pass"');
  }
}
