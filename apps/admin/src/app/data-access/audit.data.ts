import type { AuditEntryResponse, AuditListQuery, Page } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, type Filters } from './http';

/** The fields that name a record, in order: an organisation's short name, a user's or direction's name, a number… */
const NAME_FIELDS = ['shortName', 'name', 'number', 'title', 'profession', 'jobTitle'] as const;

/** The first non-empty naming field of a record (or of an audit snapshot of it). */
export function recordName(r: Readonly<Record<string, unknown>> | null | undefined): string | undefined {
  return NAME_FIELDS.map((k) => r?.[k]).find((v): v is string => typeof v === 'string' && v !== '');
}

/** The audit log (coordinator only): newest first, by object, author and dates, each entry with its record's name. */
@Injectable({ providedIn: 'root' })
export class AuditData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<AuditListQuery>): Observable<Page<AuditEntryResponse>> {
    return this.http.get<Page<AuditEntryResponse>>('/audit', q);
  }
}
