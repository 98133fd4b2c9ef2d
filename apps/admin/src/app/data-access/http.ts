import type { ErrorResponse } from '@socium/contracts';

import { HttpClient, HttpContext, HttpErrorResponse, HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

/** Where the API lives, as seen from the panel (the dev server proxies it). */
export const API_BASE = '/api/v1';

/** A query string's values; empty ones (undefined, null, '') are left out. */
export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A list query of `@socium/contracts` as the pages fill it: every field optional, null or '' meaning "any". */
export type Filters<Q> = { readonly [K in keyof Q]?: Q[K] | null };

/** `/agreements/{id}/sign` with each segment encoded. */
export const path = (...segments: readonly string[]): string =>
  segments.map((s) => `/${encodeURIComponent(s)}`).join('');

/** The query without its empty values. */
export function queryParams(q: Query = {}): HttpParams {
  return Object.entries(q).reduce(
    (p, [k, v]) => (v === undefined || v === null || v === '' ? p : p.set(k, String(v))),
    new HttpParams(),
  );
}

/** The full URL of an API path with its query, for downloads that go around `HttpClient`. */
export function apiUrl(route: string, q: Query = {}): string {
  const query = queryParams(q).toString();
  return `${API_BASE}${route}${query ? `?${query}` : ''}`;
}

/** The parts of a failed call the panel shows: the HTTP status and the API's error body (`{message, rule, details}`). */
export interface ApiFailure {
  status: number;
  body: Partial<ErrorResponse>;
}

/** An API error as status + body; null for anything that is not an HTTP error (a bug, a network failure in a promise). */
export function apiFailure(e: unknown): ApiFailure | null {
  if (!(e instanceof HttpErrorResponse)) return null;
  const body = (typeof e.error === 'object' && e.error ? e.error : {}) as Partial<ErrorResponse>;
  return { status: e.status, body };
}

/** The one door to the API for the data-access services: base URL, query building, JSON in and out. */
@Injectable({ providedIn: 'root' })
export class ApiHttp {
  private readonly http = inject(HttpClient);

  get<T>(route: string, q?: Query): Observable<T> {
    return this.http.get<T>(`${API_BASE}${route}`, { params: queryParams(q) });
  }
  post<T>(
    route: string,
    body: unknown = {},
    options: { headers?: Record<string, string>; context?: HttpContext } = {},
  ): Observable<T> {
    return this.http.post<T>(`${API_BASE}${route}`, body, options);
  }
  patch<T>(route: string, body: unknown): Observable<T> {
    return this.http.patch<T>(`${API_BASE}${route}`, body);
  }
  put<T>(route: string, body: unknown, q?: Query): Observable<T> {
    return this.http.put<T>(`${API_BASE}${route}`, body, { params: queryParams(q) });
  }
  delete(route: string, q?: Query): Observable<void> {
    return this.http.delete<void>(`${API_BASE}${route}`, { params: queryParams(q) });
  }
  /** A file sent as the raw body (POST, or PUT where it replaces one), with upload progress events (for a progress bar). */
  upload<T>(
    route: string,
    file: Blob,
    contentType: string,
    q?: Query,
    method: 'POST' | 'PUT' = 'POST',
  ): Observable<HttpEvent<T>> {
    return this.http.request<T>(method, `${API_BASE}${route}`, {
      body: file,
      params: queryParams(q),
      headers: { 'Content-Type': contentType },
      reportProgress: true,
      observe: 'events',
    });
  }
}
