import {
  ActivityRecord,
  AgreementRecord,
  DirectionRecord,
  DocumentRecord,
  LabourNeedRecord,
  OrganisationRecord,
  PlacementRecord,
  PlanRecord,
  SchoolYearCalendarRecord,
  UserRecord,
  WorkingCalendarYearRecord,
} from '@socium/api-persistence';
import { AUDIT_NAME_FIELDS, auditRecordName, isAuditNamedType, type AuditNamedType } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';

import { readPlain } from '../common/crud.support';

/** Where the log reads the records of one kind, and the fields that name them (the domain's `AUDIT_NAME_FIELDS`). */
interface Namer {
  entity: new () => { id: string };
  fields: readonly string[];
}
/** A kind's namer: the compiler checks that its entity has every naming field; then its record type is forgotten. */
const namer = <T extends { id: string }>(entity: new () => T, fields: readonly (keyof T & string)[]): Namer =>
  ({ entity, fields }) as unknown as Namer;

/** The entity of each kind of record the log names, read by the kind's naming fields (`auditRecordName`). */
const NAMERS: Readonly<Record<AuditNamedType, Namer>> = {
  organisation: namer(OrganisationRecord, AUDIT_NAME_FIELDS.organisation),
  user: namer(UserRecord, AUDIT_NAME_FIELDS.user),
  agreement: namer(AgreementRecord, AUDIT_NAME_FIELDS.agreement),
  plan: namer(PlanRecord, AUDIT_NAME_FIELDS.plan),
  activity: namer(ActivityRecord, AUDIT_NAME_FIELDS.activity),
  placement: namer(PlacementRecord, AUDIT_NAME_FIELDS.placement),
  labour_need: namer(LabourNeedRecord, AUDIT_NAME_FIELDS.labour_need),
  document: namer(DocumentRecord, AUDIT_NAME_FIELDS.document),
  direction: namer(DirectionRecord, AUDIT_NAME_FIELDS.direction),
  school_year_calendar: namer(SchoolYearCalendarRecord, AUDIT_NAME_FIELDS.school_year_calendar),
  working_calendar_year: namer(WorkingCalendarYearRecord, AUDIT_NAME_FIELDS.working_calendar_year),
};

/** A record the log names: its kind and id. */
export interface ObjectRef {
  objectType: string;
  objectId: string;
}

/** The key of a record in the answer of `objectTitles`. */
export const titleKey = (r: ObjectRef): string => `${r.objectType}:${r.objectId}`;

/**
 * The current names of the records `refs` name, by `titleKey`: one query for each kind of record among them (ids
 * `$in`), never one per record. A record that is gone, has an empty name or is of a kind without names is absent.
 */
export async function objectTitles(em: EntityManager, refs: readonly ObjectRef[]): Promise<Map<string, string>> {
  const idsOf = new Map<AuditNamedType, Set<string>>();
  for (const r of refs) {
    if (!isAuditNamedType(r.objectType)) continue;
    const ids = idsOf.get(r.objectType) ?? new Set<string>();
    idsOf.set(r.objectType, ids.add(r.objectId));
  }
  const titles = new Map<string, string>();
  for (const [objectType, ids] of idsOf) {
    const n = NAMERS[objectType];
    const where = { id: { $in: [...ids] } } as FilterQuery<{ id: string }>;
    for (const row of await readPlain(em, n.entity, where, { fields: ['id', ...n.fields] as never })) {
      const name = auditRecordName(objectType, row);
      if (name !== undefined) titles.set(titleKey({ objectType, objectId: row.id }), name);
    }
  }
  return titles;
}
