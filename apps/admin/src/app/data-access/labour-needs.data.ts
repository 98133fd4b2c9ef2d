import type {
  CreateLabourNeedRequest,
  LabourCoverageQuery,
  LabourCoverageResponse,
  LabourNeedListQuery,
  LabourNeedResponse,
  Page,
  UpdateLabourNeedRequest,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** Labour-market needs (profession, sector, demand per academic year) and their coverage by activities. */
@Injectable({ providedIn: 'root' })
export class LabourNeedsData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<LabourNeedListQuery>): Observable<Page<LabourNeedResponse>> {
    return this.http.get<Page<LabourNeedResponse>>('/labour-needs', q);
  }

  /** One need as stored now (after a `409 version.stale`). */
  get(id: string): Observable<LabourNeedResponse> {
    return this.http.get<LabourNeedResponse>(path('labour-needs', id));
  }

  create(body: CreateLabourNeedRequest): Observable<LabourNeedResponse> {
    return this.http.post<LabourNeedResponse>('/labour-needs', body);
  }

  update(id: string, body: UpdateLabourNeedRequest): Observable<LabourNeedResponse> {
    return this.http.patch<LabourNeedResponse>(path('labour-needs', id), body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete(path('labour-needs', id));
  }

  /** Indicator #10 of the year: demanded professions covered by activities, and those no activity touched. */
  coverage(q: LabourCoverageQuery): Observable<LabourCoverageResponse> {
    return this.http.get<LabourCoverageResponse>('/labour-needs/coverage', q);
  }
}
