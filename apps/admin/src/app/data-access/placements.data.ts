import type {
  CreatePlacementRequest,
  Page,
  PlacementContextQuery,
  PlacementContextResponse,
  PlacementListQuery,
  PlacementResponse,
  UpdatePlacementRequest,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** Student placements (pseudonymous codes only) and the calendar facts their live Labour Code checks use. */
@Injectable({ providedIn: 'root' })
export class PlacementsData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<PlacementListQuery>): Observable<Page<PlacementResponse>> {
    return this.http.get<Page<PlacementResponse>>('/placements', q);
  }

  get(id: string): Observable<PlacementResponse> {
    return this.http.get<PlacementResponse>(path('placements', id));
  }

  create(body: CreatePlacementRequest): Observable<PlacementResponse> {
    return this.http.post<PlacementResponse>('/placements', body);
  }

  update(id: string, body: UpdatePlacementRequest): Observable<PlacementResponse> {
    return this.http.patch<PlacementResponse>(path('placements', id), body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete(path('placements', id));
  }

  /** The school's non-working days, holidays and lesson hours over the days, as the server feeds its checks. */
  context(q: PlacementContextQuery): Observable<PlacementContextResponse> {
    return this.http.get<PlacementContextResponse>('/placements/context', q);
  }
}
