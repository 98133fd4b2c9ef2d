import { Migration } from '@mikro-orm/migrations';

/**
 * The document's whole lifecycle (issue 15 item 1): `document.revision` (1 for the first version; a new version asks
 * every recipient again), `document.due_working_days` (the deadline as N working days on the district's working-day
 * calendar, when it was given so), and per recipient the incoming registration number it recorded on receipt and the
 * revision it was last sent.
 */
export class Migration0015DocumentLifecycle extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const doc = k.schema.alterTable('document', (t) => {
      t.integer('revision').notNullable().defaultTo(1);
      t.integer('due_working_days').nullable();
    });
    const rec = k.schema.alterTable('document_recipient', (t) => {
      t.string('incoming_number', 60).nullable();
      t.integer('revision').notNullable().defaultTo(1);
    });
    for (const s of [...doc.toSQL(), ...rec.toSQL()]) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    // plain DROP COLUMN (SQLite 3.35+ and PostgreSQL); knex's SQLite form cannot be written as statements
    for (const column of ['revision', 'incoming_number'])
      this.addSql(`alter table "document_recipient" drop column "${column}"`);
    for (const column of ['due_working_days', 'revision'])
      this.addSql(`alter table "document" drop column "${column}"`);
  }
}
