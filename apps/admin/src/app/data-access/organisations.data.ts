import type {
  CreateEnrolmentRequest,
  CreateOrganisationRequest,
  DirectionResponse,
  EnrolmentResponse,
  LabourNeedResponse,
  OrganisationListQuery,
  OrganisationResponse,
  Page,
  UpdateEnrolmentRequest,
  UpdateOrganisationRequest,
} from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, of, shareReplay } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** The name a list shows for an organisation: the short one when there is one. */
export const organisationName = (o: Pick<OrganisationResponse, 'name' | 'shortName'>): string => o.shortName || o.name;

/** Organisations as the choices of a list's filter: the id, named as the lists name it. */
export const organisationOptions = (
  list: readonly Pick<OrganisationResponse, 'id' | 'name' | 'shortName'>[],
): { value: string; label: string }[] => list.map((o) => ({ value: o.id, label: organisationName(o) }));

/** Organisations and directions: reference data fetched once per session and shared by every page. */
@Injectable({ providedIn: 'root' })
export class OrganisationsData {
  private readonly http = inject(ApiHttp);
  private organisationsCache: Observable<OrganisationResponse[]> | null = null;
  private directionsCache: Observable<DirectionResponse[]> | null = null;

  /** Every organisation the caller may see (the first 100), fetched once per session. */
  organisations(): Observable<OrganisationResponse[]> {
    this.organisationsCache ??= this.http.get<Page<OrganisationResponse>>('/organisations', { limit: 100 }).pipe(
      map((p) => p.items),
      shareReplay(1),
    );
    return this.organisationsCache;
  }

  /** The organisations of `organisations()` kept by `keep`; an empty list when they cannot be loaded. */
  organisationsWhere(keep: (o: OrganisationResponse) => boolean): Observable<OrganisationResponse[]> {
    return this.organisations().pipe(
      map((list) => list.filter(keep)),
      catchError(() => of([])),
    );
  }

  /** Names by id for the lists; an empty map when the organisations cannot be loaded. */
  names(): Observable<ReadonlyMap<string, string>> {
    return this.organisations().pipe(
      map((list) => new Map(list.map((o) => [o.id, organisationName(o)]))),
      catchError(() => of(new Map<string, string>())),
    );
  }

  organisation(id: string): Observable<OrganisationResponse> {
    return this.http.get<OrganisationResponse>(path('organisations', id));
  }

  /** The directions of work, fetched once per session; an empty list when they cannot be loaded. */
  directions(): Observable<DirectionResponse[]> {
    this.directionsCache ??= this.http.get<Page<DirectionResponse>>('/directions', { limit: 100 }).pipe(
      map((p) => p.items),
      shareReplay(1),
    );
    return this.directionsCache.pipe(catchError(() => of([])));
  }

  /** Drops the cached lists (another user may see other organisations). */
  forgetCaches(): void {
    this.organisationsCache = null;
    this.directionsCache = null;
  }

  // — organisations registry —

  /** A page of the registry: search (`q`: name, short name, slug), kind, partner type, published. */
  list(q: Filters<OrganisationListQuery>): Observable<Page<OrganisationResponse>> {
    return this.http.get<Page<OrganisationResponse>>('/organisations', q);
  }
  /** Registers an organisation (coordinator); the shared list is fetched again. */
  create(body: CreateOrganisationRequest): Observable<OrganisationResponse> {
    this.organisationsCache = null;
    return this.http.post<OrganisationResponse>('/organisations', body);
  }
  /** Changes an organisation (send its `version`); the shared list is fetched again. */
  update(id: string, body: UpdateOrganisationRequest): Observable<OrganisationResponse> {
    this.organisationsCache = null;
    return this.http.patch<OrganisationResponse>(path('organisations', id), body);
  }
  /** Deletes an organisation nothing uses (`409 organisation.in-use` otherwise). */
  remove(id: string): Observable<void> {
    this.organisationsCache = null;
    return this.http.delete(path('organisations', id));
  }
  /** The labour-market needs an employer has declared (every year), for its page. */
  labourNeeds(employerId: string): Observable<Page<LabourNeedResponse>> {
    return this.http.get<Page<LabourNeedResponse>>('/labour-needs', { employerId, limit: 100 });
  }
  /** A school's enrolment figures by academic year, for its page. */
  enrolment(organisationId: string): Observable<Page<EnrolmentResponse>> {
    return this.http.get<Page<EnrolmentResponse>>('/enrolment', { organisationId, limit: 100 });
  }
  /** Records a school's enrolment of an academic year (`409` when that year is recorded already). */
  createEnrolment(body: CreateEnrolmentRequest): Observable<EnrolmentResponse> {
    return this.http.post<EnrolmentResponse>('/enrolment', body);
  }
  /** Changes a year's counts (send its `version`: `409` when someone changed it meanwhile). */
  updateEnrolment(id: string, body: UpdateEnrolmentRequest): Observable<EnrolmentResponse> {
    return this.http.patch<EnrolmentResponse>(path('enrolment', id), body);
  }
  /** Deletes a year's enrolment. */
  deleteEnrolment(id: string): Observable<void> {
    return this.http.delete(path('enrolment', id));
  }
}
