import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * Indexes in the order the private lists are read (issue 16, item 6: the region-size load). Each list's page was a
 * search by its filter followed by a sort of every matching row in a temporary B-tree, and its count read the
 * table; with the filter and the order in one index a page is a range of the index and the count reads the index
 * alone (`EXPLAIN QUERY PLAN` on the region dataset, 1,500 schools: the coordinator's agreement page 7.4 → 0.2 ms,
 * the plans of a year 0.84 → 0.09 ms, the schools page 1.5 → 0.35 ms, a school's activities of a year counted from
 * the index alone):
 * - `agreement (starts_on desc, number, id)`: the agreement list's default order;
 * - `plan (academic_year, created_at, id)`: the plan list of a year (its order after the year's equality);
 * - `activity (organisation_id, academic_year, starts_on, title, id)`: an organisation's activities of a year;
 * - `organisation (kind, short_name, id)`: the organisations of a kind, by short name.
 * The same on both databases (PostgreSQL reads them for the same plans on a table of this size).
 */
const INDEXES: [name: string, table: string, columns: string[]][] = [
  ['agreement_list_order_idx', 'agreement', ['starts_on desc', 'number', 'id']],
  ['plan_year_order_idx', 'plan', ['academic_year', 'created_at', 'id']],
  ['activity_org_year_order_idx', 'activity', ['organisation_id', 'academic_year', 'starts_on', 'title', 'id']],
  ['organisation_kind_order_idx', 'organisation', ['kind', 'short_name', 'id']],
];

export class Migration0024ListOrders extends Migration {
  override async up(): Promise<void> {
    const q = this.quote();
    for (const [name, table, columns] of INDEXES) {
      const cols = columns
        .map((c) =>
          c
            .split(' ')
            .map((w, i) => (i === 0 ? q(w) : w))
            .join(' '),
        )
        .join(', ');
      this.addSql(`create index if not exists ${q(name)} on ${q(table)} (${cols})`);
    }
  }

  override async down(): Promise<void> {
    const q = this.quote();
    for (const [name] of INDEXES) this.addSql(`drop index if exists ${q(name)}`);
  }

  private quote(): (name: string) => string {
    return isPostgres(this.getKnex()) ? (n) => `"${n}"` : (n) => `\`${n}\``;
  }
}
