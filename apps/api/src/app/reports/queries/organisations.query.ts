import { AcademicYear, LocalDate } from '@socium/domain';

import { ReportSql } from './report-sql';

export interface ReportOrganisation {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  /** the school's current level: on its enrolment record of the academic year containing today */
  profminimumLevel: string | null;
  /** the level on its enrolment record of the report's academic year (null without a record or a level) */
  yearLevel: string | null;
}

/** The organisations the rows are about: every school of the district, or the one in scope. */
export async function organisations(db: ReportSql): Promise<ReportOrganisation[]> {
  const qb = db
    .k('organisation as o')
    .leftJoin('enrolment as e', (j) =>
      j.on('e.organisation_id', 'o.id').andOn('e.academic_year', db.k.raw('?', [db.w.academicYear])),
    )
    .leftJoin('enrolment as c', (j) =>
      j
        .on('c.organisation_id', 'o.id')
        .andOn('c.academic_year', db.k.raw('?', [AcademicYear.containing(LocalDate.iso(db.w.today)).label])),
    )
    .select(
      'o.id',
      'o.name',
      'o.short_name as shortName',
      'o.kind',
      'c.profminimum_level as profminimumLevel',
      'e.profminimum_level as yearLevel',
    )
    .orderBy([{ column: 'o.short_name' }, { column: 'o.id' }]);
  return db.w.scope ? qb.where('o.id', db.w.scope) : qb.where('o.kind', 'school');
}

/** The name of the department the report is from (the first one created), if any. */
export async function departmentName(db: ReportSql): Promise<string | null> {
  const row = await db
    .k('organisation as o')
    .where('o.kind', 'department')
    .select('o.name')
    .orderBy('o.created_at')
    .first();
  return (row as { name?: string } | undefined)?.name ?? null;
}
