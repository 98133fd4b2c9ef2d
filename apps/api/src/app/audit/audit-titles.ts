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
import type { AuditAlwaysNamedType } from '@socium/domain';

import { EntityManager, FilterQuery } from '@mikro-orm/core';

import { readPlain } from '../common/crud.support';

/** How the log names the records of one kind: the fields read and the name made of them. */
interface Namer<T extends { id: string }> {
  entity: new () => T;
  fields: (keyof T & string)[];
  name: (r: T) => string | number | null | undefined;
}
type AnyNamer = Namer<{ id: string }>;
/** A kind's namer, its record type forgotten so that the kinds share one table. */
const namer = <T extends { id: string }>(
  entity: new () => T,
  fields: (keyof T & string)[],
  name: (r: T) => string | number | null | undefined,
): AnyNamer => ({ entity, fields, name }) as unknown as AnyNamer;

/**
 * The name of a record of each kind, as the panel has always written it: an organisation's short name, a user's
 * name (never the e-mail), an agreement's and a document's number, a plan's and an activity's title, a placement's
 * job, a labour need's profession, a direction's name, a calendar's year. The other kinds (a document's recipient, a
 * single-use link, enrolment figures, an import) have no name of their own.
 */
const NAMERS: Readonly<Record<AuditAlwaysNamedType, AnyNamer> & Record<string, AnyNamer>> = {
  organisation: namer(OrganisationRecord, ['shortName', 'name'], (r) => r.shortName || r.name),
  user: namer(UserRecord, ['name'], (r) => r.name),
  agreement: namer(AgreementRecord, ['number'], (r) => r.number),
  plan: namer(PlanRecord, ['title'], (r) => r.title),
  activity: namer(ActivityRecord, ['title'], (r) => r.title),
  placement: namer(PlacementRecord, ['jobTitle'], (r) => r.jobTitle),
  labour_need: namer(LabourNeedRecord, ['profession'], (r) => r.profession),
  document: namer(DocumentRecord, ['number'], (r) => r.number),
  direction: namer(DirectionRecord, ['name'], (r) => r.name),
  school_year_calendar: namer(SchoolYearCalendarRecord, ['academicYear'], (r) => r.academicYear),
  working_calendar_year: namer(WorkingCalendarYearRecord, ['year'], (r) => r.year),
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
  const idsOf = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!Object.hasOwn(NAMERS, r.objectType)) continue;
    const ids = idsOf.get(r.objectType) ?? new Set<string>();
    idsOf.set(r.objectType, ids.add(r.objectId));
  }
  const titles = new Map<string, string>();
  for (const [objectType, ids] of idsOf) {
    const n = NAMERS[objectType] as AnyNamer;
    const where = { id: { $in: [...ids] } } as FilterQuery<{ id: string }>;
    for (const row of await readPlain(em, n.entity, where, { fields: ['id', ...n.fields] as never })) {
      const name = n.name(row);
      if (name !== null && name !== undefined && name !== '')
        titles.set(titleKey({ objectType, objectId: row.id }), String(name));
    }
  }
  return titles;
}
