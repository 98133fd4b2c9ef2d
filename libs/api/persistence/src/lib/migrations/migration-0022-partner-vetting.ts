import { Migration } from '@mikro-orm/migrations';

/**
 * A partner's vetting confirmation: the last day its confirmation holds that the staff working with pupils have
 * certificates of no criminal record (ТК ст. 351.1); the reminders warn 30 days before (issue 15 item 2).
 */
export class Migration0022PartnerVetting extends Migration {
  override async up(): Promise<void> {
    const q = this.getKnex().schema.alterTable('organisation', (t) => {
      t.string('vetting_valid_until', 10).nullable();
    });
    for (const s of q.toSQL()) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "vetting_valid_until"`);
  }
}
