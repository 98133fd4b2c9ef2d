import type { DirectionResponse, OrganisationResponse, Page } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, of, shareReplay } from 'rxjs';

import { ApiHttp, path } from './http';

/** The name a list shows for an organisation: the short one when there is one. */
export const organisationName = (o: Pick<OrganisationResponse, 'name' | 'shortName'>): string => o.shortName || o.name;

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
}
