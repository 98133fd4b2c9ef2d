import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement_amendment`: numbered amendments of an agreement (issue 14 item 4); the number is unique per agreement,
 * so two amendments created at once cannot take the same one.
 */
export class Migration0018AgreementAmendments extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.createTable('agreement_amendment', (t) => {
      t.string('id', 36).primary();
      t.integer('version').notNullable().defaultTo(1);
      t.string('created_at', 30).notNullable();
      t.string('updated_at', 30).notNullable();
      t.string('agreement_id', 36).notNullable();
      t.integer('number').notNullable();
      t.string('effective_on', 10).notNullable();
      t.json('changes').notNullable();
      t.json('previous').nullable();
      t.string('signed_by_school_on', 10).nullable();
      t.string('signed_by_partner_on', 10).nullable();
      t.unique(['agreement_id', 'number'], { indexName: 'agreement_amendment_number_unique' });
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('agreement_amendment').toQuery());
  }
}
