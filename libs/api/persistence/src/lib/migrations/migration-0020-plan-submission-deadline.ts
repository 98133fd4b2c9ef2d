import { Migration } from '@mikro-orm/migrations';

/**
 * The day by which schools submit their plans, set by the coordinator per academic year on the district's calendar
 * (issue 15 item 2); null keeps the default of 1 October.
 */
export class Migration0020PlanSubmissionDeadline extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('school_year_calendar', (t) => {
      t.string('plan_submission_due_on', 10).nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "school_year_calendar" drop column "plan_submission_due_on"`);
  }
}
