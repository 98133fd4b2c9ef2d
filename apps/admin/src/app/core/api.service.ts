import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map, shareReplay } from 'rxjs';

import type {
  ActivityOutcomeRequest,
  ActivityResponse,
  AgreementResponse,
  CreateActivityRequest,
  CreateAgreementRequest,
  DirectionResponse,
  DocumentResponse,
  OrganisationResponse,
  Page,
  PlacementResponse,
  PlanResponse,
  RecipientResponse,
  RecipientsResponse,
  ReportSummary,
  SignAgreementRequest,
} from '@socium/contracts';

import { API_BASE } from './auth.service';

type Query = Record<string, string | number | boolean | null | undefined>;
const params = (q: Query = {}) =>
  Object.entries(q).reduce((p, [k, v]) => (v === undefined || v === null || v === '' ? p : p.set(k, String(v))), new HttpParams());

/** Typed calls to the Socium API (`/api/v1`), shaped by `@socium/contracts` (types only). */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly http = inject(HttpClient);
  private organisationsCache: Observable<OrganisationResponse[]> | null = null;
  private directionsCache: Observable<DirectionResponse[]> | null = null;

  private get<T>(path: string, q?: Query) {
    return this.http.get<T>(`${API_BASE}${path}`, { params: params(q) });
  }
  private post<T>(path: string, body: unknown = {}) {
    return this.http.post<T>(`${API_BASE}${path}`, body);
  }

  /** Every organisation the caller may see (up to 300), fetched once per session. */
  organisations(): Observable<OrganisationResponse[]> {
    this.organisationsCache ??= this.get<Page<OrganisationResponse>>('/organisations', { limit: 100 }).pipe(
      map((p) => p.items),
      shareReplay(1),
    );
    return this.organisationsCache;
  }
  organisation(id: string) {
    return this.get<OrganisationResponse>(`/organisations/${encodeURIComponent(id)}`);
  }
  organisationsOfKind(kind: 'school' | 'partner' | 'department', limit = 100) {
    return this.get<Page<OrganisationResponse>>('/organisations', { kind, limit }).pipe(map((p) => p.items));
  }
  directions(): Observable<DirectionResponse[]> {
    this.directionsCache ??= this.get<Page<DirectionResponse>>('/directions', { limit: 100 }).pipe(
      map((p) => p.items),
      shareReplay(1),
    );
    return this.directionsCache;
  }
  forgetCaches(): void {
    this.organisationsCache = null;
    this.directionsCache = null;
  }

  agreements(q: Query) {
    return this.get<Page<AgreementResponse>>('/agreements', q);
  }
  createAgreement(body: CreateAgreementRequest) {
    return this.post<AgreementResponse>('/agreements', body);
  }
  signAgreement(id: string, body: SignAgreementRequest) {
    return this.post<AgreementResponse>(`/agreements/${encodeURIComponent(id)}/sign`, body);
  }

  plans(q: Query) {
    return this.get<Page<PlanResponse>>('/plans', q);
  }
  plan(id: string) {
    return this.get<PlanResponse>(`/plans/${encodeURIComponent(id)}`);
  }
  createPlan(organisationId: string, academicYear: string) {
    return this.post<PlanResponse>('/plans', { organisationId, academicYear });
  }
  planAction(id: string, action: 'submit' | 'approve') {
    return this.post<PlanResponse>(`/plans/${encodeURIComponent(id)}/${action}`);
  }
  returnPlan(id: string, comment: string) {
    return this.post<PlanResponse>(`/plans/${encodeURIComponent(id)}/return`, { comment });
  }
  planActivities(planId: string) {
    return this.get<Page<ActivityResponse>>(`/plans/${encodeURIComponent(planId)}/activities`, { limit: 100 });
  }
  addActivity(planId: string, body: CreateActivityRequest) {
    return this.post<ActivityResponse>(`/plans/${encodeURIComponent(planId)}/activities`, body);
  }
  activities(q: Query) {
    return this.get<Page<ActivityResponse>>('/activities', q);
  }
  setActivityPublic(a: ActivityResponse, isPublic: boolean) {
    return this.http.patch<ActivityResponse>(`${API_BASE}/activities/${encodeURIComponent(a.id)}`, { isPublic, version: a.version });
  }
  recordOutcome(id: string, body: ActivityOutcomeRequest) {
    return this.post<ActivityResponse>(`/activities/${encodeURIComponent(id)}/outcome`, body);
  }

  placements(q: Query) {
    return this.get<Page<PlacementResponse>>('/placements', q);
  }

  documents(q: Query) {
    return this.get<Page<DocumentResponse>>('/documents', q);
  }
  recipients(id: string) {
    return this.get<RecipientsResponse>(`/documents/${encodeURIComponent(id)}/recipients`);
  }
  acknowledge(id: string) {
    return this.post<RecipientResponse>(`/documents/${encodeURIComponent(id)}/acknowledge`);
  }

  report(period: string) {
    return this.get<ReportSummary>('/reports/summary', { period });
  }
}
