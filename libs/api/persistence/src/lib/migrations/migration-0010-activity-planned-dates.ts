import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * `activity.planned_starts_on` / `planned_ends_on` (issue 14, G2 #5): the dates the plan set, kept when the activity
 * is postponed (a postponement moves `starts_on` / `ends_on` only), so plan execution counts it in the period it was
 * planned in. Existing rows get their current dates. The report counts the period's planned activities from
 * `activity_planned_period_idx` (planned start, then school and status: an index-only range on both databases).
 * PostgreSQL adds the columns nullable, fills them and then requires them; SQLite cannot change a column's
 * nullability in place, so there they are NOT NULL with an empty default, filled at once (the ORM always sets them).
 */
export class Migration0010ActivityPlannedDates extends Migration {
  override async up(): Promise<void> {
    if (isPostgres(this.getKnex())) {
      this.addSql('alter table "activity" add column "planned_starts_on" varchar(10) null');
      this.addSql('alter table "activity" add column "planned_ends_on" varchar(10) null');
      this.addSql('update "activity" set "planned_starts_on" = "starts_on", "planned_ends_on" = "ends_on"');
      this.addSql('alter table "activity" alter column "planned_starts_on" set not null');
      this.addSql('alter table "activity" alter column "planned_ends_on" set not null');
      this.addSql(
        'create index if not exists "activity_planned_period_idx" on "activity" ("planned_starts_on") include ("organisation_id", "status")',
      );
      return;
    }
    this.addSql("alter table `activity` add column `planned_starts_on` varchar(10) not null default ''");
    this.addSql("alter table `activity` add column `planned_ends_on` varchar(10) not null default ''");
    this.addSql('update `activity` set `planned_starts_on` = `starts_on`, `planned_ends_on` = `ends_on`');
    this.addSql(
      'create index if not exists `activity_planned_period_idx` on `activity` (`planned_starts_on`, `organisation_id`, `status`)',
    );
  }

  override async down(): Promise<void> {
    const q = (name: string) => (isPostgres(this.getKnex()) ? `"${name}"` : `\`${name}\``);
    this.addSql(`drop index if exists ${q('activity_planned_period_idx')}`);
    this.addSql(`alter table ${q('activity')} drop column ${q('planned_ends_on')}`);
    this.addSql(`alter table ${q('activity')} drop column ${q('planned_starts_on')}`);
  }
}
