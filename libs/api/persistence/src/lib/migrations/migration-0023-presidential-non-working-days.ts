import { PRESIDENTIAL_NON_WORKING_DAYS } from '@socium/domain';

import { Migration } from '@mikro-orm/migrations';

/** A JSON column as read back: parsed by PostgreSQL's driver, text on SQLite. */
const parsed = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined
    ? fallback
    : typeof value === 'string'
      ? (JSON.parse(value) as T)
      : (value as T);

/**
 * The non-working days of 2020 and 2021 declared by decree of the President (domain rules A6) added to the stored
 * working-day calendar of a database seeded before them. Migration 0013 seeds them on a new database, so this adds
 * only the dates a year's row lacks, and never one the coordinator has since made a working day; a year without a row
 * is left to the built-in rules. The row's version goes up, so that a form open on the old row gets a 409.
 */
export class Migration0023PresidentialNonWorkingDays extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    for (const [yearText, dates] of Object.entries(PRESIDENTIAL_NON_WORKING_DAYS)) {
      const year = Number(yearText);
      const [row] = await this.execute(
        k('working_calendar_year')
          .where('year', year)
          .select('id', 'version', 'extra_days_off', 'extra_working_days')
          .toQuery(),
      );
      if (!row) continue;
      const daysOff = parsed<{ date: string; name: string }[]>(row['extra_days_off'], []);
      const working = new Set(parsed<string[]>(row['extra_working_days'], []));
      const known = new Set(daysOff.map((d) => d.date));
      const missing = dates.filter((d) => !known.has(d) && !working.has(d));
      if (!missing.length) continue;
      const merged = [...daysOff, ...missing.map((date) => ({ date, name: 'presidential_decree' }))].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      await this.execute(
        k('working_calendar_year')
          .where('id', String(row['id']))
          .update({ extra_days_off: JSON.stringify(merged), version: Number(row['version']) + 1 })
          .toQuery(),
      );
    }
  }

  override async down(): Promise<void> {
    const k = this.getKnex();
    for (const yearText of Object.keys(PRESIDENTIAL_NON_WORKING_DAYS)) {
      const [row] = await this.execute(
        k('working_calendar_year').where('year', Number(yearText)).select('id', 'extra_days_off').toQuery(),
      );
      if (!row) continue;
      const kept = parsed<{ date: string; name: string }[]>(row['extra_days_off'], []).filter(
        (d) => d.name !== 'presidential_decree',
      );
      await this.execute(
        k('working_calendar_year')
          .where('id', String(row['id']))
          .update({ extra_days_off: JSON.stringify(kept) })
          .toQuery(),
      );
    }
  }
}
