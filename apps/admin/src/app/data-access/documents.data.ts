import type {
  DocumentListQuery,
  DocumentResponse,
  Page,
  RecipientResponse,
  RecipientsResponse,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** Documents from the department, their recipients and the acknowledgement. */
@Injectable({ providedIn: 'root' })
export class DocumentsData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<DocumentListQuery>): Observable<Page<DocumentResponse>> {
    return this.http.get<Page<DocumentResponse>>('/documents', q);
  }
  recipients(id: string): Observable<RecipientsResponse> {
    return this.http.get<RecipientsResponse>(path('documents', id, 'recipients'));
  }
  acknowledge(id: string): Observable<RecipientResponse> {
    return this.http.post<RecipientResponse>(path('documents', id, 'acknowledge'));
  }
}
