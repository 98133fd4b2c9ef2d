import { TATARSTAN_SCHOOL_YEARS, TATARSTAN_WORKING_YEARS } from '@socium/domain';

import { Migration } from '@mikro-orm/migrations';

type Knex = ReturnType<Migration['getKnex']>;
type Table = Parameters<Parameters<Knex['schema']['createTable']>[1]>[0];

/** When the seeded rows were written (a constant, so that both databases hold the same rows). */
const SEEDED_AT = '2026-12-06T00:00:00.000Z';
/** Seeded rows get fixed ids: `00000000-0013-4000-8000-` + a 12-digit number. */
const seedId = (n: number) => `00000000-0013-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Calendars as data (issue 14 items 1–2):
 * - `school_year_calendar`: per academic year the district's calendar (`owner_id` = `district`) or a school's override
 *   (`owner_id` = the organisation id): the term scheme, the terms' first and last days (JSON), grade 1's extra week.
 *   Seeded with the published Tatarstan years of domain rules A5 (2021/22, 2024/25, 2025/26).
 * - `working_calendar_year`: per calendar year the Ураза- and Курбан-байрам days off and the decree transfers.
 *   Seeded for 2019–2026.
 */
export class Migration0013Calendars extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const base = (t: Table) => {
      t.string('id', 36).primary();
      t.integer('version').notNullable().defaultTo(1);
      t.string('created_at', 30).notNullable();
      t.string('updated_at', 30).notNullable();
    };
    const statements = [
      k.schema.createTable('school_year_calendar', (t) => {
        base(t);
        t.string('owner_id', 36).notNullable();
        t.string('academic_year', 9).notNullable();
        t.string('term_scheme', 16).notNullable();
        t.json('terms').notNullable();
        t.json('grade1_holiday').nullable();
        t.unique(['owner_id', 'academic_year'], { indexName: 'school_year_calendar_owner_year_unique' });
      }),
      k.schema.createTable('working_calendar_year', (t) => {
        base(t);
        t.integer('year').notNullable().unique({ indexName: 'working_calendar_year_year_unique' });
        t.json('movable_holidays').notNullable();
        t.json('extra_days_off').notNullable();
        t.json('extra_working_days').notNullable();
      }),
    ];
    for (const q of statements) for (const s of q.toSQL()) this.addSql(s.sql);
    const stamp = { version: 1, created_at: SEEDED_AT, updated_at: SEEDED_AT };
    TATARSTAN_SCHOOL_YEARS.forEach((y, i) =>
      this.addSql(
        k('school_year_calendar')
          .insert({
            id: seedId(i + 1),
            ...stamp,
            owner_id: 'district',
            academic_year: y.academicYear,
            term_scheme: y.kind,
            terms: JSON.stringify(y.terms),
            grade1_holiday: y.grade1Holiday ? JSON.stringify(y.grade1Holiday) : null,
          })
          .toQuery(),
      ),
    );
    TATARSTAN_WORKING_YEARS.forEach((y, i) =>
      this.addSql(
        k('working_calendar_year')
          .insert({
            id: seedId(100 + i),
            ...stamp,
            year: y.year,
            movable_holidays: JSON.stringify(y.movableHolidays),
            extra_days_off: JSON.stringify(y.extraDaysOff),
            extra_working_days: JSON.stringify(y.extraWorkingDays),
          })
          .toQuery(),
      ),
    );
  }

  override async down(): Promise<void> {
    const k = this.getKnex();
    this.addSql(k.schema.dropTableIfExists('working_calendar_year').toQuery());
    this.addSql(k.schema.dropTableIfExists('school_year_calendar').toQuery());
  }
}
