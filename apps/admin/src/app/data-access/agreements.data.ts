import type {
  AgreementListQuery,
  AgreementResponse,
  AmendmentResponse,
  AuditEntryResponse,
  CreateAgreementRequest,
  CreateAmendmentRequest,
  Page,
  SignAgreementRequest,
  SignAmendmentResponse,
  TerminateAgreementRequest,
  UpdateAgreementRequest,
} from '@socium/contracts';

import { HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { Downloads } from './download';
import { ApiHttp, apiUrl, path, type Filters } from './http';

/** Agreements: the list, one agreement, its draft edits, signatures, termination, scan, amendments and history. */
@Injectable({ providedIn: 'root' })
export class AgreementsData {
  private readonly http = inject(ApiHttp);
  private readonly downloads = inject(Downloads);

  list(q: Filters<AgreementListQuery>): Observable<Page<AgreementResponse>> {
    return this.http.get<Page<AgreementResponse>>('/agreements', q);
  }
  get(id: string): Observable<AgreementResponse> {
    return this.http.get<AgreementResponse>(path('agreements', id));
  }
  create(body: CreateAgreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>('/agreements', body);
  }
  update(id: string, body: UpdateAgreementRequest): Observable<AgreementResponse> {
    return this.http.patch<AgreementResponse>(path('agreements', id), body);
  }
  remove(id: string): Observable<void> {
    return this.http.delete(path('agreements', id));
  }
  sign(id: string, body: SignAgreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>(path('agreements', id, 'sign'), body);
  }
  terminate(id: string, body: TerminateAgreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>(path('agreements', id, 'terminate'), body);
  }
  /** The signed scan (PDF, JPEG or PNG) as the raw body, with upload progress. */
  uploadScan(id: string, file: File): Observable<HttpEvent<AgreementResponse>> {
    return this.http.upload<AgreementResponse>(path('agreements', id, 'scan'), file, file.type || 'application/pdf');
  }
  /** Saves the scan through the browser (the API sends it as an attachment). */
  downloadScan(id: string, filename: string): Promise<void> {
    return this.downloads.withSession(apiUrl(path('agreements', id, 'scan')), filename);
  }
  /** The amendments (дополнительные соглашения) by number. */
  amendments(id: string): Observable<AmendmentResponse[]> {
    return this.http.get<AmendmentResponse[]>(path('agreements', id, 'amendments'));
  }
  createAmendment(id: string, body: CreateAmendmentRequest): Observable<AmendmentResponse> {
    return this.http.post<AmendmentResponse>(path('agreements', id, 'amendments'), body);
  }
  /** One party's signature; the answer carries the agreement as it reads after it. */
  signAmendment(id: string, n: number, body: SignAgreementRequest): Observable<SignAmendmentResponse> {
    return this.http.post<SignAmendmentResponse>(path('agreements', id, 'amendments', String(n), 'sign'), body);
  }
  deleteAmendment(id: string, n: number): Observable<void> {
    return this.http.delete(path('agreements', id, 'amendments', String(n)));
  }
  /** The agreement's entries of the audit log, newest first (the coordinator's: `/audit` is theirs only). */
  history(id: string): Observable<Page<AuditEntryResponse>> {
    return this.http.get<Page<AuditEntryResponse>>('/audit', { objectType: 'agreement', objectId: id, limit: 100 });
  }
}
