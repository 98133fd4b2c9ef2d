import type { AuditEntryResponse, AuditListQuery, Page } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { catchError, forkJoin, map, Observable, of } from 'rxjs';

import { apiFailure, ApiHttp, path, type Filters } from './http';

/** Where the API reads one record of each kind the audit log names (kinds without a readable record are absent). */
export const AUDIT_RECORD_ROUTES: Readonly<Record<string, string>> = {
  organisation: '/organisations',
  user: '/users',
  agreement: '/agreements',
  plan: '/plans',
  activity: '/activities',
  placement: '/placements',
  labour_need: '/labour-needs',
  document: '/documents',
  direction: '/directions',
};

/** The fields that name a record, in order: an organisation's short name, a user's or direction's name, a number… */
const NAME_FIELDS = ['shortName', 'name', 'number', 'title', 'profession', 'jobTitle'] as const;

/** The first non-empty naming field of a record (or of an audit snapshot of it). */
export function recordName(r: Readonly<Record<string, unknown>> | null | undefined): string | undefined {
  return NAME_FIELDS.map((k) => r?.[k]).find((v): v is string => typeof v === 'string' && v !== '');
}

/** What the API says of a record the log names: its name, gone (404) or not readable by the user (403). */
export type RecordTitle = { name: string } | { missing: 'deleted' | 'denied' };

/** A record the log names by its id. */
export interface RecordRef {
  objectType: string;
  objectId: string;
}

/** The audit log (coordinator only): newest first, by object, author and dates. */
@Injectable({ providedIn: 'root' })
export class AuditData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<AuditListQuery>): Observable<Page<AuditEntryResponse>> {
    return this.http.get<Page<AuditEntryResponse>>('/audit', q);
  }

  /**
   * The names of records the log knows only by id: one GET of each record (the list routes take no ids), keyed by
   * id. A record that is gone or hidden says so; one that fails otherwise (or has no naming field) is left out.
   */
  titles(refs: readonly RecordRef[]): Observable<ReadonlyMap<string, RecordTitle>> {
    const one = (r: RecordRef): Observable<[string, RecordTitle | null]> => {
      const route = AUDIT_RECORD_ROUTES[r.objectType];
      if (!route) return of([r.objectId, null]);
      return this.http.get<Record<string, unknown>>(`${route}${path(r.objectId)}`).pipe(
        map((rec): [string, RecordTitle | null] => {
          const name = recordName(rec);
          return [r.objectId, name ? { name } : null];
        }),
        catchError((e: unknown) => {
          const status = apiFailure(e)?.status;
          const missing = status === 404 ? 'deleted' : status === 403 ? 'denied' : null;
          return of<[string, RecordTitle | null]>([r.objectId, missing ? { missing } : null]);
        }),
      );
    };
    if (refs.length === 0) return of(new Map());
    return forkJoin(refs.map(one)).pipe(
      map((pairs) => new Map(pairs.filter((p): p is [string, RecordTitle] => p[1] !== null))),
    );
  }
}
