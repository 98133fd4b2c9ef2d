import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

/**
 * What one request's writes touched, as far as the public pages care (issue 16): the organisations whose pages may
 * show something else now, or `everything`. Filled by `PublicChangeSubscriber` from the ORM's change sets while the
 * request runs (`publicChangeOf.run`, in `PublicRevisionInterceptor`), read once the write has succeeded.
 */
export interface PublicChange {
  /** the ORM flushed at least one change set in this request */
  flushed: boolean;
  everything: boolean;
  organisations: Set<string>;
}

/** What a cached page depends on: every write (a district's page), or writes touching these organisations. */
export type PublicDependencies = 'everything' | ReadonlySet<string>;

/** What a write asks the caches to drop: nothing public, pages of these organisations, or every page. */
export type PublicScope = null | 'everything' | ReadonlySet<string>;

export const publicChangeOf = new AsyncLocalStorage<PublicChange>();

export const newPublicChange = (): PublicChange => ({ flushed: false, everything: false, organisations: new Set() });

/** Records that no public page reads, directly or through a name it shows. */
const NOT_PUBLIC = new Set([
  'AuditRecord',
  'DocumentRecipientRecord',
  'EnrolmentRecord',
  'FileRecord',
  'IdempotencyRecord',
  'LabourNeedRecord',
  'NotificationRecord',
  'PlacementRecord',
  'RefreshTokenRecord',
  'SchoolYearCalendarRecord',
  'SingleUseLinkRecord',
  'UserRecord',
  'WorkingCalendarYearRecord',
]);

/** The fields by which a public record names the organisations whose pages show it. */
const ORGANISATION_FIELDS = ['organisationId', 'schoolId', 'partnerId'] as const;

/** A write touching more organisations than this is treated as touching everything (one row instead of many). */
export const MAX_NAMED_ORGANISATIONS = 200;

type Fields = Partial<Record<(typeof ORGANISATION_FIELDS)[number] | 'id', unknown>>;

/**
 * Adds one changed record to `change`: an organisation names itself; a record with organisation fields names them,
 * before and after the change (an activity moved to another school changes both pages); any other record that a
 * public page may show (a direction's name, an amendment, a public document) touches everything.
 */
export function noteChangedRecord(
  change: PublicChange,
  className: string,
  record: Fields,
  before: Fields | undefined,
): void {
  change.flushed = true;
  if (NOT_PUBLIC.has(className)) return;
  if (className === 'OrganisationRecord') {
    if (typeof record.id === 'string') change.organisations.add(record.id);
    return;
  }
  let named = false;
  for (const values of [record, before ?? {}]) {
    for (const f of ORGANISATION_FIELDS) {
      const id = values[f];
      if (typeof id === 'string' && id) {
        change.organisations.add(id);
        named = true;
      }
    }
  }
  if (!named) change.everything = true;
}

/**
 * What a finished write asks the caches to drop. A write that flushed nothing through the ORM (a bulk statement)
 * is not understood, so it drops everything; one that touched only records no page reads drops nothing.
 */
export function publicScope(change: PublicChange | undefined): PublicScope {
  if (!change || !change.flushed || change.everything) return 'everything';
  if (change.organisations.size === 0) return null;
  return change.organisations.size > MAX_NAMED_ORGANISATIONS ? 'everything' : change.organisations;
}

/** True when a page with `deps` must go after a write of `scope`. */
export function affects(scope: Exclude<PublicScope, null>, deps: PublicDependencies): boolean {
  if (scope === 'everything' || deps === 'everything') return true;
  for (const id of scope) if (deps.has(id)) return true;
  return false;
}

/** Feeds every flush of the request in progress into its `PublicChange` (registered once on the ORM). */
export class PublicChangeSubscriber implements EventSubscriber {
  afterFlush(args: FlushEventArgs): void {
    const change = publicChangeOf.getStore();
    if (!change) return;
    for (const cs of args.uow.getChangeSets()) {
      noteChangedRecord(
        change,
        cs.meta.className,
        cs.entity as Fields,
        (cs.originalEntity ?? undefined) as Fields | undefined,
      );
    }
  }
}
