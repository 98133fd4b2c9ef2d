import type { AuditEntryResponse, AuditListQuery, Page } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, type Filters } from './http';

/** The audit log (coordinator only): newest first, by object, author and dates, each entry with its record's name. */
@Injectable({ providedIn: 'root' })
export class AuditData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<AuditListQuery>): Observable<Page<AuditEntryResponse>> {
    return this.http.get<Page<AuditEntryResponse>>('/audit', q);
  }
}
