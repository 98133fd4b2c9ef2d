import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * Trigram indexes for the text searches of the private lists (issue 16, item 6; docs/benchmarks.md, "Text searches
 * on a region are full scans"). A search is `column ILIKE '%text%'` on PostgreSQL, which no B-tree can serve; a GIN
 * index with `gin_trgm_ops` serves it for texts of three characters or more (shorter texts still scan), without any
 * change to the query or to its matching semantics (case-insensitive, Cyrillic included).
 *
 * `pg_trgm` is a trusted extension, so the database owner may create it. When it cannot be created (a managed
 * server that forbids it), the migration records a notice and leaves the searches as they were instead of failing.
 * On SQLite this migration does nothing: its searches remain scans of the narrow columns (see docs/benchmarks.md).
 */
export const TRIGRAM_INDEXES: [name: string, table: string, column: string][] = [
  ['organisation_name_trgm_idx', 'organisation', 'name'],
  ['organisation_short_name_trgm_idx', 'organisation', 'short_name'],
  ['organisation_slug_trgm_idx', 'organisation', 'slug'],
  ['agreement_number_trgm_idx', 'agreement', 'number'],
  ['agreement_subject_trgm_idx', 'agreement', 'subject'],
  ['activity_title_trgm_idx', 'activity', 'title'],
  ['activity_venue_trgm_idx', 'activity', 'venue'],
];

export class Migration0026TrigramSearch extends Migration {
  override async up(): Promise<void> {
    if (!isPostgres(this.getKnex())) return;
    this.addSql(
      `do $$ begin create extension if not exists pg_trgm; ` +
        `exception when others then raise notice 'pg_trgm unavailable, text searches stay scans: %', sqlerrm; end $$`,
    );
    const creates = TRIGRAM_INDEXES.map(
      ([name, table, column]) =>
        `execute 'create index if not exists "${name}" on "${table}" using gin ("${column}" gin_trgm_ops)';`,
    ).join(' ');
    this.addSql(
      `do $$ begin if exists (select 1 from pg_extension where extname = 'pg_trgm') then ${creates} end if; end $$`,
    );
  }

  override async down(): Promise<void> {
    if (!isPostgres(this.getKnex())) return;
    for (const [name] of TRIGRAM_INDEXES) this.addSql(`drop index if exists "${name}"`);
  }
}
