import type {
  ActivityResponse,
  CreateActivityRequest,
  CreatePlanRequest,
  Page,
  PlanListQuery,
  PlanResponse,
  UpdatePlanRequest,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** Plans: the list, one plan with its activities, its title and agreement, and the lifecycle steps. */
@Injectable({ providedIn: 'root' })
export class PlansData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<PlanListQuery>): Observable<Page<PlanResponse>> {
    return this.http.get<Page<PlanResponse>>('/plans', q);
  }
  get(id: string): Observable<PlanResponse> {
    return this.http.get<PlanResponse>(path('plans', id));
  }
  /** A new plan of an organisation for an academic year, with its title and (optionally) the agreement it annexes. */
  create(body: CreatePlanRequest): Observable<PlanResponse> {
    return this.http.post<PlanResponse>('/plans', body);
  }
  /** The title and the agreement, while the plan is a draft or returned (`version`: 409 when stale). */
  update(id: string, body: UpdatePlanRequest): Observable<PlanResponse> {
    return this.http.patch<PlanResponse>(path('plans', id), body);
  }
  submit(id: string): Observable<PlanResponse> {
    return this.http.post<PlanResponse>(path('plans', id, 'submit'));
  }
  approve(id: string): Observable<PlanResponse> {
    return this.http.post<PlanResponse>(path('plans', id, 'approve'));
  }
  returnWithComment(id: string, comment: string): Observable<PlanResponse> {
    return this.http.post<PlanResponse>(path('plans', id, 'return'), { comment });
  }
  activities(planId: string): Observable<Page<ActivityResponse>> {
    return this.http.get<Page<ActivityResponse>>(path('plans', planId, 'activities'), { limit: 100 });
  }
  addActivity(planId: string, body: CreateActivityRequest): Observable<ActivityResponse> {
    return this.http.post<ActivityResponse>(path('plans', planId, 'activities'), body);
  }
}
