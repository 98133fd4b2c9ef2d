import type {
  ActivityListQuery,
  ActivityOutcomeRequest,
  ActivityResponse,
  Page,
  UpdateActivityRequest,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** Activities across plans: the list, one activity, edits, publishing on the site, the outcome, the partner's confirmation. */
@Injectable({ providedIn: 'root' })
export class ActivitiesData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<ActivityListQuery>): Observable<Page<ActivityResponse>> {
    return this.http.get<Page<ActivityResponse>>('/activities', q);
  }
  setPublic(a: Pick<ActivityResponse, 'id' | 'version'>, isPublic: boolean): Observable<ActivityResponse> {
    return this.http.patch<ActivityResponse>(path('activities', a.id), { isPublic, version: a.version });
  }
  /** Public activities of an organisation whose text the screening flagged and nobody has confirmed yet. */
  awaitingTextConfirmation(organisationId: string): Observable<Page<ActivityResponse>> {
    return this.http.get<Page<ActivityResponse>>('/activities', {
      organisationId,
      publicTextPending: 'true',
      limit: 100,
    });
  }
  /** The school confirms that the flagged text may be shown on its site. */
  confirmPublicText(a: Pick<ActivityResponse, 'id' | 'version'>): Observable<ActivityResponse> {
    return this.http.patch<ActivityResponse>(path('activities', a.id), {
      publicTextConfirmed: true,
      version: a.version,
    });
  }
  recordOutcome(id: string, body: ActivityOutcomeRequest): Observable<ActivityResponse> {
    return this.http.post<ActivityResponse>(path('activities', id, 'outcome'), body);
  }
  get(id: string): Observable<ActivityResponse> {
    return this.http.get<ActivityResponse>(path('activities', id));
  }
  /** Changes the fields given (`version`: 409 when someone changed the activity meanwhile). */
  update(id: string, body: UpdateActivityRequest): Observable<ActivityResponse> {
    return this.http.patch<ActivityResponse>(path('activities', id), body);
  }
  remove(id: string): Observable<void> {
    return this.http.delete(path('activities', id));
  }
  /** The partner representative confirms taking part, with an optional comment. */
  confirm(id: string, comment: string): Observable<ActivityResponse> {
    return this.http.post<ActivityResponse>(path('activities', id, 'confirm'), comment ? { comment } : {});
  }
}
