import { AcademicYear, LocalDate, profminimumApplies } from '@socium/domain';

import { randomUUID } from 'node:crypto';
import { Migration } from '@mikro-orm/migrations';

import { isPostgres } from '../dialect';

/** The application's time as the migration sees it: today (`YYYY-MM-DD`) and the instant (ISO) for timestamps. */
export interface MigrationClock {
  today: string;
  now: string;
}

/**
 * The профминимум level in one place (issue 14, E1): the enrolment record of each academic year. A school's own
 * level (`organisation.profminimum_level`, kept in step with its current year's record until now) goes into its
 * record of the academic year containing `today` where that record has no level (a new record with empty counts
 * where the school has none for the year); then the organisation's column is dropped. Plain `ALTER TABLE … DROP
 * COLUMN` on both databases (SQLite ≥ 3.35): rebuilding the table would lose the text-search triggers of 0031.
 */
export class Migration0032LevelOnEnrolmentOnly extends Migration {
  /** The application's clock (pinned or real, see `levelOnEnrolmentOnly`); without one, the database's. */
  protected async clock(): Promise<MigrationClock> {
    const sql = isPostgres(this.getKnex())
      ? `select to_char(current_date, 'YYYY-MM-DD') as "today", ` +
        `to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "now"`
      : `select date('now') as "today", strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as "now"`;
    const [row] = (await this.execute(sql)) as MigrationClock[];
    return row as MigrationClock;
  }

  override async up(): Promise<void> {
    const { today, now } = await this.clock();
    const year = AcademicYear.containing(LocalDate.iso(today));
    if (profminimumApplies(year.range.start)) {
      const schools = (await this.execute(
        `select o."id", o."profminimum_level" as "level", e."id" as "record", e."profminimum_level" as "recordLevel" ` +
          `from "organisation" o left join "enrolment" e on e."organisation_id" = o."id" and e."academic_year" = '${year.label}' ` +
          `where o."kind" = 'school' and o."profminimum_level" is not null`,
      )) as { id: string; level: string; record: string | null; recordLevel: string | null }[];
      for (const s of schools) {
        if (s.record === null)
          this.addSql(
            this.getKnex()
              .table('enrolment')
              .insert({
                id: randomUUID(),
                organisation_id: s.id,
                academic_year: year.label,
                pupils_by_grade: '{}',
                aged14: 0,
                aged15: 0,
                aged16to17: 0,
                profminimum_level: s.level,
                version: 1,
                created_at: now,
                updated_at: now,
              })
              .toString(),
          );
        else if (s.recordLevel === null)
          this.addSql(
            this.getKnex()
              .table('enrolment')
              .where({ id: s.record })
              .update({ profminimum_level: s.level, version: this.getKnex().raw('"version" + 1') })
              .toString(),
          );
      }
    }
    this.addSql(`alter table "organisation" drop column "profminimum_level"`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" add column "profminimum_level" varchar(20) null`);
    const year = AcademicYear.containing(LocalDate.iso((await this.clock()).today)).label;
    this.addSql(
      `update "organisation" set "profminimum_level" = (select e."profminimum_level" from "enrolment" e ` +
        `where e."organisation_id" = "organisation"."id" and e."academic_year" = '${year}')`,
    );
  }
}

/** Migration 0032 as run by an application with `clock` (its "today" and instant, pinned or real). */
export function levelOnEnrolmentOnly(
  clock: (() => MigrationClock) | undefined,
): typeof Migration0032LevelOnEnrolmentOnly {
  if (clock === undefined) return Migration0032LevelOnEnrolmentOnly;
  return class extends Migration0032LevelOnEnrolmentOnly {
    protected override async clock(): Promise<MigrationClock> {
      return clock();
    }
  };
}
