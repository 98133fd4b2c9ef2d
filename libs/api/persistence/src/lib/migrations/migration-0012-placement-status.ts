import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/**
 * Placements blocked / cleared (issue 14 item 3, domain rules B1, B4, B6, B7):
 * - `placement.status` (`blocked|cleared`): blocked while paperwork is missing (a consent, the medical clearance);
 * - `placement.findings`: the stored findings, a JSON list of `{rule, message: {ru, en}, field?}` (paperwork, then
 *   manual-review findings); `findings_count` keeps their number for the report (G2 #12);
 * - `placement.weekend_work_consent`: the written consents of ТК ст. 268 to work on days off in the summer holidays;
 * - `organisation.lessons_start_at` / `lessons_end_at` ("HH:MM"): a school's lesson hours, 08:00–14:30 by default.
 * Existing placements were all stored lawful, so they become `cleared` with no findings.
 */
export class Migration0012PlacementStatus extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const placement = k.schema.alterTable('placement', (t) => {
      t.string('status', 10).notNullable().defaultTo('cleared');
      t.json('findings').notNullable().defaultTo('[]');
      t.boolean('weekend_work_consent').notNullable().defaultTo(false);
    });
    const organisation = k.schema.alterTable('organisation', (t) => {
      t.string('lessons_start_at', 5).notNullable().defaultTo('08:00');
      t.string('lessons_end_at', 5).notNullable().defaultTo('14:30');
    });
    for (const s of [...placement.toSQL(), ...organisation.toSQL()]) this.addSql(s.sql);
  }

  override async down(): Promise<void> {
    const q = (name: string) => (isPostgres(this.getKnex()) ? `"${name}"` : `\`${name}\``);
    for (const [table, column] of [
      ['placement', 'weekend_work_consent'],
      ['placement', 'findings'],
      ['placement', 'status'],
      ['organisation', 'lessons_end_at'],
      ['organisation', 'lessons_start_at'],
    ])
      this.addSql(`alter table ${q(table as string)} drop column ${q(column as string)}`);
  }
}
