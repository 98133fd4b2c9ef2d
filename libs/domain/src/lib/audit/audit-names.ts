// The audit log's kinds of record (its entries' `objectType`) that the log can always name.

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
] as const;
export type AuditAlwaysNamedType = (typeof AUDIT_ALWAYS_NAMED_TYPES)[number];
