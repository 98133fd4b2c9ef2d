// How the audit log names a record of each kind (its entries' `objectType`): the one rule the API and the panel share.

/**
 * The fields that name a record of each kind, in order: the first of them that holds a name is the record's name. An
 * organisation's short name (else its full name), a user's name (never the e-mail), an agreement's and a document's
 * number, a plan's and an activity's title, a placement's job, a labour need's profession, a direction's name, a
 * calendar's year. The other kinds (a document's recipient, a single-use link, enrolment figures, an import) have no
 * name of their own.
 */
export const AUDIT_NAME_FIELDS = {
  organisation: ['shortName', 'name'],
  user: ['name'],
  agreement: ['number'],
  plan: ['title'],
  activity: ['title'],
  placement: ['jobTitle'],
  labour_need: ['profession'],
  document: ['number'],
  direction: ['name'],
  school_year_calendar: ['academicYear'],
  working_calendar_year: ['year'],
} as const satisfies Readonly<Record<string, readonly string[]>>;
/** A kind of record the audit log can name. */
export type AuditNamedType = keyof typeof AUDIT_NAME_FIELDS;

/** Whether the audit log names the records of kind `objectType`. */
export function isAuditNamedType(objectType: string): objectType is AuditNamedType {
  return Object.hasOwn(AUDIT_NAME_FIELDS, objectType);
}

/**
 * The name of a record of kind `objectType` (the record as stored, or an audit entry's snapshot of it): the first of
 * its kind's naming fields that is a non-empty string or a number (a calendar's year), as a string. Undefined for a
 * kind without names, no record, or a record none of whose naming fields holds one.
 */
export function auditRecordName(
  objectType: string,
  record: Readonly<Record<string, unknown>> | null | undefined,
): string | undefined {
  if (!record || !isAuditNamedType(objectType)) return undefined;
  for (const field of AUDIT_NAME_FIELDS[objectType]) {
    const v = record[field];
    if ((typeof v === 'string' && v !== '') || typeof v === 'number') return String(v);
  }
  return undefined;
}

/**
 * The kinds of record whose every record has a name, which the audit log answers as each entry's `objectTitle`: a
 * null title of one of them means the record no longer exists. (A plan's title may be empty: a plan is not among them.)
 */
export const AUDIT_ALWAYS_NAMED_TYPES = [
  'organisation',
  'user',
  'agreement',
  'activity',
  'placement',
  'labour_need',
  'document',
  'direction',
  'school_year_calendar',
  'working_calendar_year',
] as const satisfies readonly AuditNamedType[];
export type AuditAlwaysNamedType = (typeof AUDIT_ALWAYS_NAMED_TYPES)[number];
