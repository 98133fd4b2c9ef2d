import { Migration } from '@mikro-orm/migrations';

/**
 * `enrolment` (issue 14 item 6, G2 #7 and #11): pupils of one school in one academic year, per grade (a JSON object
 * `{"1": n, …, "11": n}`) and per age band of the Labour Code (aged 14, 15, 16–17), so that student coverage and
 * summer employment have denominators. One row per (organisation, academic year).
 */
export class Migration0011Enrolment extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const q = k.schema.createTable('enrolment', (t) => {
      t.string('id', 36).primary();
      t.integer('version').notNullable().defaultTo(1);
      t.string('created_at', 30).notNullable();
      t.string('updated_at', 30).notNullable();
      t.string('organisation_id', 36).notNullable();
      t.string('academic_year', 9).notNullable();
      t.json('pupils_by_grade').notNullable();
      t.integer('aged14').notNullable().defaultTo(0);
      t.integer('aged15').notNullable().defaultTo(0);
      t.integer('aged16to17').notNullable().defaultTo(0);
      t.unique(['organisation_id', 'academic_year'], { indexName: 'enrolment_organisation_year_unique' });
      t.index(['academic_year'], 'enrolment_academic_year_idx');
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('enrolment').toQuery());
  }
}
