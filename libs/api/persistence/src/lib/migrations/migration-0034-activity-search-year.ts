import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';
import { dropTextIndexStatements, textIndexStatements } from './migration-0031-sqlite-text-search';

/**
 * The activities' SQLite text index (migration 0031) also holds the academic year, so that a district-wide search
 * of one year is narrowed to that year inside the index (`textSearch`'s `within`) instead of checking every year's
 * candidates against the table: at region size «Мероприятие 6» had 36,000 candidates for 12,000 matches in the year
 * (docs/benchmarks.md). The year is only indexed, never searched as text by users. PostgreSQL: nothing (its trigram
 * index and the year's B-tree are combined by the planner).
 */
export class Migration0034ActivitySearchYear extends Migration {
  override async up(): Promise<void> {
    if (isPostgres(this.getKnex())) return;
    for (const sql of dropTextIndexStatements('activity_search')) this.addSql(sql);
    for (const sql of textIndexStatements('activity_search', 'activity', ['title', 'venue', 'academic_year']))
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    if (isPostgres(this.getKnex())) return;
    for (const sql of dropTextIndexStatements('activity_search')) this.addSql(sql);
    for (const sql of textIndexStatements('activity_search', 'activity', ['title', 'venue'])) this.addSql(sql);
  }
}
