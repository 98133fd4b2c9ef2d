import { Migration } from '@mikro-orm/migrations';

/**
 * The профминимум level per school per academic year (issue 14, E1): a column on the enrolment record, filled from
 * the school's level (the organisation's one field until now) for the school's records of 2023-2024 and later; the
 * records of earlier years stay without a level, since there was no профминимум before 01.09.2023. A record that
 * gains a level gets a new version, so a form holding the old one is told to reload.
 */
export class Migration0029EnrolmentProfminimumLevel extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('enrolment', (t) => {
      t.string('profminimum_level', 20).nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
    // labels are 'YYYY-YYYY': comparing them as text orders them by year
    this.addSql(
      `update "enrolment" set "profminimum_level" = (select o."profminimum_level" from "organisation" o ` +
        `where o."id" = "enrolment"."organisation_id"), "version" = "version" + 1 ` +
        `where "academic_year" >= '2023-2024' and exists (select 1 from "organisation" o ` +
        `where o."id" = "enrolment"."organisation_id" and o."profminimum_level" is not null)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "enrolment" drop column "profminimum_level"`);
  }
}
