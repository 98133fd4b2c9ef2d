import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * Files attached to a document (issue 15, item 1): one row per attachment naming the `stored_file` that holds its
 * bytes, so the backup (which copies `stored_file`) carries them. Same DDL on SQLite and PostgreSQL.
 */
export class Migration0025DocumentFiles extends Migration {
  override async up(): Promise<void> {
    const q = this.quote();
    this.addSql(
      `create table if not exists ${q('document_file')} (${q('id')} varchar(36) not null primary key, ` +
        `${q('document_id')} varchar(36) not null, ${q('file_id')} varchar(36) not null, ` +
        `${q('file_name')} varchar(200) not null, ${q('created_at')} varchar(30) not null)`,
    );
    this.addSql(
      `create index if not exists ${q('document_file_document_idx')} on ${q('document_file')} (${q('document_id')})`,
    );
  }

  override async down(): Promise<void> {
    const q = this.quote();
    this.addSql(`drop table if exists ${q('document_file')}`);
  }

  private quote(): (name: string) => string {
    return isPostgres(this.getKnex()) ? (n) => `"${n}"` : (n) => `\`${n}\``;
  }
}
