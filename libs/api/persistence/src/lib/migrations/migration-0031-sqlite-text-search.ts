import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/** The SQLite trigram indexes of the free-text searches: index name, table and the columns it covers. */
export const SQLITE_TEXT_INDEXES: [index: string, table: string, columns: string[]][] = [
  ['organisation_search', 'organisation', ['name', 'short_name', 'slug']],
  ['agreement_search', 'agreement', ['number', 'subject']],
  ['activity_search', 'activity', ['title', 'venue']],
];

/** The statement that rebuilds one index from its table (after a restore, whose copy may renumber rows). */
export const rebuildTextIndex = (index: string): string => `insert into ${index}(${index}) values ('rebuild')`;

/**
 * The statements that create one trigram index over `columns` of `table` (holding no text of its own: `content=` the
 * table, keyed by its rowid), the triggers that keep it in step, and its first build.
 */
export function textIndexStatements(index: string, table: string, columns: readonly string[]): string[] {
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  const remove = `insert into ${index}(${index}, rowid, ${list}) values ('delete', old.rowid, ${values('old')});`;
  const add = `insert into ${index}(rowid, ${list}) values (new.rowid, ${values('new')});`;
  return [
    `create virtual table ${index} using fts5(${list}, content='${table}', content_rowid='rowid', tokenize='trigram')`,
    `create trigger ${index}_insert after insert on ${table} begin ${add} end`,
    `create trigger ${index}_delete after delete on ${table} begin ${remove} end`,
    `create trigger ${index}_update after update of ${list} on ${table} begin ${remove} ${add} end`,
    rebuildTextIndex(index),
  ];
}

/** The statements that drop one trigram index and its triggers. */
export const dropTextIndexStatements = (index: string): string[] => [
  ...['insert', 'delete', 'update'].map((t) => `drop trigger if exists ${index}_${t}`),
  `drop table if exists ${index}`,
];

/**
 * SQLite's counterpart of migration 0026 (issue 16): an FTS5 table with the `trigram` tokenizer per searched table,
 * holding no text of its own (`content=` the table, keyed by its rowid) and kept in step by triggers. A search of
 * three characters or more is answered from it (`crud.support.ts`, `textSearch`); its matching is the same as the
 * scan's: a case-insensitive "contains", Cyrillic included (FTS5 folds Unicode case). Shorter texts still scan.
 * On PostgreSQL this migration does nothing (0026's GIN indexes serve ILIKE there).
 */
export class Migration0031SqliteTextSearch extends Migration {
  override async up(): Promise<void> {
    if (isPostgres(this.getKnex())) return;
    for (const [index, table, columns] of SQLITE_TEXT_INDEXES)
      for (const sql of textIndexStatements(index, table, columns)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    if (isPostgres(this.getKnex())) return;
    for (const [index] of SQLITE_TEXT_INDEXES) for (const sql of dropTextIndexStatements(index)) this.addSql(sql);
  }
}
