import { Migration } from '@mikro-orm/migrations';

/**
 * `organisation.language`: the language of the e-mails to an organisation without users (issue 15; `ru`, `tt` or
 * `en`, null = Russian). Users' own e-mails follow their language (migration 0021).
 */
export class Migration0033OrganisationLanguage extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('organisation', (t) => {
      t.string('language', 2).nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "language"`);
  }
}
