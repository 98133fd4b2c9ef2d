import { EnrolmentRecord, OrganisationRecord } from '@socium/api-persistence';
import { AcademicYear, LocalDate, profminimumApplies } from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';

import { AuditService } from '../audit/audit.service';
import { snapshot } from '../common/crud.support';

/**
 * The профминимум level lives on each year's enrolment record (E1, per school per academic year); the school's own
 * `profminimumLevel` stays its level of the **current** academic year. These keep the two in step, in the caller's
 * unit of work (the caller flushes), each change audited as the caller's.
 */
export interface LevelChange {
  readonly em: EntityManager;
  readonly audit: AuditService;
  readonly userId: string;
  readonly today: LocalDate;
  readonly now: string;
}

const currentYear = (today: LocalDate): string => AcademicYear.containing(today).label;

function setLevel(
  x: LevelChange,
  r: OrganisationRecord | EnrolmentRecord,
  objectType: 'organisation' | 'enrolment',
  level: OrganisationRecord['profminimumLevel'],
): void {
  if ((r.profminimumLevel ?? null) === level) return;
  const before = snapshot(r);
  r.profminimumLevel = level;
  r.version += 1;
  r.updatedAt = x.now;
  x.audit.record(x.em, { userId: x.userId, action: 'update', objectType, objectId: r.id, before, after: snapshot(r) });
}

/** A record of the current academic year gives its level to its school (a record without one follows the school). */
export function levelToSchool(x: LevelChange, org: OrganisationRecord, record: EnrolmentRecord): void {
  if (record.academicYear === currentYear(x.today) && record.profminimumLevel !== null)
    setLevel(x, org, 'organisation', record.profminimumLevel);
}

/** A school's new level becomes its level of the current academic year, when it has that year's record (from 2023-2024). */
export async function levelToCurrentYear(x: LevelChange, org: OrganisationRecord): Promise<void> {
  if (org.kind !== 'school' || !profminimumApplies(AcademicYear.containing(x.today).range.start)) return;
  const record = await x.em.findOne(EnrolmentRecord, { organisationId: org.id, academicYear: currentYear(x.today) });
  if (record) setLevel(x, record, 'enrolment', org.profminimumLevel);
}
