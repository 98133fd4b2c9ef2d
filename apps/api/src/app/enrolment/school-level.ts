import { EnrolmentRecord, OrganisationRecord } from '@socium/api-persistence';
import { AcademicYear, LocalDate, ProfminimumLevel, profminimumLevelForYear } from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';

import { AuditService } from '../audit/audit.service';
import { newId, readPlain, snapshot } from '../common/crud.support';
import { orThrow } from '../http/app-error';

/**
 * A school's профминимум level is stored once: on its enrolment record of each academic year (E1, migration 0032).
 * The organisation's `profminimumLevel` (wire field) is its level of the academic year containing today: read from
 * that year's record, and written to it.
 */
const currentYear = (today: LocalDate): string => AcademicYear.containing(today).label;

/** The current academic year's level of each organisation in `ids` (one query; an organisation without one: null). */
export async function currentLevels(
  em: EntityManager,
  ids: readonly string[],
  today: LocalDate,
): Promise<Map<string, ProfminimumLevel | null>> {
  const out = new Map<string, ProfminimumLevel | null>(ids.map((id) => [id, null]));
  if (ids.length === 0) return out;
  // read-only: two columns, not kept in the unit of work (a later flush of the request has nothing to compare)
  const records = await readPlain(
    em,
    EnrolmentRecord,
    { organisationId: { $in: [...ids] }, academicYear: currentYear(today) },
    { fields: ['organisationId', 'profminimumLevel'] },
  );
  for (const r of records) out.set(r.organisationId, r.profminimumLevel ?? null);
  return out;
}

/** One organisation's level of the current academic year. */
export async function currentLevel(
  em: EntityManager,
  organisationId: string,
  today: LocalDate,
): Promise<ProfminimumLevel | null> {
  return (await currentLevels(em, [organisationId], today)).get(organisationId) ?? null;
}

export interface LevelWrite {
  readonly em: EntityManager;
  readonly audit: AuditService;
  readonly userId: string;
  readonly today: LocalDate;
  readonly now: string;
}

/**
 * Writes a school's level of the current academic year onto that year's enrolment record, in the caller's unit of
 * work (the caller flushes), audited as the caller's: the record is created with empty counts when the school has
 * none for the year (a `null` level then creates nothing). A level the year cannot have is refused (E1, 422).
 */
export async function writeCurrentLevel(
  x: LevelWrite,
  org: OrganisationRecord,
  level: ProfminimumLevel | null,
): Promise<void> {
  const year = AcademicYear.containing(x.today);
  orThrow(profminimumLevelForYear(year, level));
  const record = await x.em.findOne(EnrolmentRecord, { organisationId: org.id, academicYear: year.label });
  if (!record) {
    if (level === null) return;
    const r = new EnrolmentRecord();
    Object.assign(r, {
      id: newId(),
      organisationId: org.id,
      academicYear: year.label,
      pupilsByGrade: {},
      aged14: 0,
      aged15: 0,
      aged16to17: 0,
      profminimumLevel: level,
      version: 1,
      createdAt: x.now,
      updatedAt: x.now,
    });
    x.em.persist(r);
    x.audit.record(x.em, {
      userId: x.userId,
      action: 'create',
      objectType: 'enrolment',
      objectId: r.id,
      after: snapshot(r),
    });
    return;
  }
  if ((record.profminimumLevel ?? null) === level) return;
  const before = snapshot(record);
  record.profminimumLevel = level;
  record.version += 1;
  record.updatedAt = x.now;
  x.audit.record(x.em, {
    userId: x.userId,
    action: 'update',
    objectType: 'enrolment',
    objectId: record.id,
    before,
    after: snapshot(record),
  });
}
