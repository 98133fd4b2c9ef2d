import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

const COLUMNS: [name: string, type: string][] = [
  ['plan_id', 'varchar(36)'],
  ['response_file_id', 'varchar(36)'],
  ['response_file_name', 'varchar(200)'],
];

/**
 * A recipient's response carries a plan and a file (issue 15, item 1): the plan the organisation answered with
 * (before this, named only in the audit log) and the `stored_file` holding the file it attached, with the name it
 * had, so the backup (which copies `stored_file`) carries it. Same DDL on SQLite and PostgreSQL; all nullable.
 */
export class Migration0027ResponsePlanFile extends Migration {
  override async up(): Promise<void> {
    const q = this.quote();
    for (const [name, type] of COLUMNS)
      this.addSql(`alter table ${q('document_recipient')} add column ${q(name)} ${type} null`);
  }

  override async down(): Promise<void> {
    const q = this.quote();
    for (const [name] of COLUMNS) this.addSql(`alter table ${q('document_recipient')} drop column ${q(name)}`);
  }

  private quote(): (name: string) => string {
    return isPostgres(this.getKnex()) ? (n) => `"${n}"` : (n) => `\`${n}\``;
  }
}
