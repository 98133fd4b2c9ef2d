import type {
  AgreementListQuery,
  AgreementResponse,
  CreateAgreementRequest,
  Page,
  SignAgreementRequest,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** Agreements: the list, a new one, a signature. */
@Injectable({ providedIn: 'root' })
export class AgreementsData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<AgreementListQuery>): Observable<Page<AgreementResponse>> {
    return this.http.get<Page<AgreementResponse>>('/agreements', q);
  }
  create(body: CreateAgreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>('/agreements', body);
  }
  sign(id: string, body: SignAgreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>(path('agreements', id, 'sign'), body);
  }
}
