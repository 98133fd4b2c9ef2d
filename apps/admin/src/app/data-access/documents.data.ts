import type {
  CreatedLinkResponse,
  CreateDocumentRequest,
  DocumentFileResponse,
  DocumentListQuery,
  DocumentResponse,
  Page,
  ReceiveDocumentRequest,
  RecipientResponse,
  RecipientsResponse,
  ReissueDocumentRequest,
  RespondDocumentRequest,
  SendDocumentRequest,
} from '@socium/contracts';

import { HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { Downloads } from './download';
import { ApiHttp, apiUrl, path, type Filters } from './http';

/** Input of the "new document" form: the API fills the defaults (summary, deadline, public). */
export type NewDocument = Partial<CreateDocumentRequest> & Pick<CreateDocumentRequest, 'number' | 'title' | 'issuedOn'>;

/** Documents from the department: registration, mailing, the recipients' steps and the coordinator's control. */
@Injectable({ providedIn: 'root' })
export class DocumentsData {
  private readonly http = inject(ApiHttp);
  private readonly downloads = inject(Downloads);

  list(q: Filters<DocumentListQuery>): Observable<Page<DocumentResponse>> {
    return this.http.get<Page<DocumentResponse>>('/documents', q);
  }
  get(id: string): Observable<DocumentResponse> {
    return this.http.get<DocumentResponse>(path('documents', id));
  }
  create(body: NewDocument): Observable<DocumentResponse> {
    return this.http.post<DocumentResponse>('/documents', body);
  }
  send(id: string, body: SendDocumentRequest): Observable<RecipientsResponse> {
    return this.http.post<RecipientsResponse>(path('documents', id, 'send'), body);
  }
  recipients(id: string): Observable<RecipientsResponse> {
    return this.http.get<RecipientsResponse>(path('documents', id, 'recipients'));
  }
  receive(id: string, body: NonNullable<ReceiveDocumentRequest> = {}): Observable<RecipientResponse> {
    return this.http.post<RecipientResponse>(path('documents', id, 'receive'), body);
  }
  acknowledge(id: string, comment?: string): Observable<RecipientResponse> {
    return this.http.post<RecipientResponse>(path('documents', id, 'acknowledge'), comment ? { comment } : {});
  }
  respond(id: string, body: RespondDocumentRequest): Observable<RecipientResponse> {
    return this.http.post<RecipientResponse>(path('documents', id, 'respond'), body);
  }
  close(id: string, organisationId: string): Observable<RecipientResponse> {
    return this.http.post<RecipientResponse>(path('documents', id, 'close'), { organisationId });
  }
  reissue(id: string, body: ReissueDocumentRequest): Observable<DocumentResponse> {
    return this.http.post<DocumentResponse>(path('documents', id, 'reissue'), body);
  }
  /**
   * A single-use link for a recipient without an account to acknowledge the document (e-mailed to its contact address
   * when e-mail is on; the answer's `url` is shown this once).
   */
  link(id: string, organisationId: string): Observable<CreatedLinkResponse> {
    return this.http.post<CreatedLinkResponse>('/links', {
      purpose: 'document.acknowledge',
      objectId: id,
      organisationId,
    });
  }
  /** The files attached to a document. */
  files(id: string): Observable<DocumentFileResponse[]> {
    return this.http.get<DocumentFileResponse[]>(path('documents', id, 'files'));
  }
  /** Attaches a file (PDF, DOCX, XLSX, ODT, JPEG or PNG) as the raw body, with upload progress. */
  uploadFile(id: string, file: File): Observable<HttpEvent<DocumentFileResponse>> {
    return this.http.upload<DocumentFileResponse>(
      path('documents', id, 'files'),
      file,
      file.type || 'application/octet-stream',
      { filename: file.name },
    );
  }
  removeFile(id: string, fileId: string): Observable<void> {
    return this.http.delete(path('documents', id, 'files', fileId));
  }
  /** Attaches (or replaces) the file of the caller's organisation's response, before it responds. */
  attachResponseFile(id: string, organisationId: string, file: File): Observable<HttpEvent<RecipientResponse>> {
    return this.http.upload<RecipientResponse>(
      path('documents', id, 'recipients', organisationId, 'response-file'),
      file,
      file.type || 'application/octet-stream',
      { filename: file.name },
      'PUT',
    );
  }
  /** Saves a recipient's response file through the browser. */
  downloadResponseFile(id: string, r: RecipientResponse): Promise<void> {
    return this.downloads.withSession(
      apiUrl(path('documents', id, 'recipients', r.organisationId, 'response-file')),
      r.responseFile?.fileName ?? 'response',
    );
  }
  /** Saves an attached file through the browser (the API sends it as an attachment). */
  downloadFile(id: string, f: DocumentFileResponse): Promise<void> {
    return this.downloads.withSession(apiUrl(path('documents', id, 'files', f.id)), f.fileName);
  }
}
