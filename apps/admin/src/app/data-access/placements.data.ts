import type { Page, PlacementListQuery, PlacementResponse } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, type Filters } from './http';

/** Student placements (pseudonymous codes only). */
@Injectable({ providedIn: 'root' })
export class PlacementsData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<PlacementListQuery>): Observable<Page<PlacementResponse>> {
    return this.http.get<Page<PlacementResponse>>('/placements', q);
  }
}
