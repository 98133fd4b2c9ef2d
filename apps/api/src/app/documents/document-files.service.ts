import { DocumentFileRecord, DocumentRecipientRecord, FileRecord } from '@socium/api-persistence';
import type { DocumentFileResponse, RecipientResponse } from '@socium/contracts';
import { checkResponseFileOpen } from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable, StreamableFile } from '@nestjs/common';

import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/policy.decorator';
import { ClockService } from '../clock/clock.service';
import { newId, snapshot } from '../common/crud.support';
import { DOCX, JPEG, ODT, PDF, PNG, recogniseFile, XLSX, type FileKind } from '../common/file-kinds';
import { conflict, httpFailure, invalid, notFound, orThrow } from '../http/app-error';
import { DocumentsService } from './documents.service';

export const MAX_DOCUMENT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_FILES = 10;
/** Recognised by first bytes; the zip-based office formats by the part a zip of that kind carries. */
const KINDS = [PDF, JPEG, PNG, DOCX, XLSX, ODT];

/**
 * Files attached to a document (issue 15): uploaded by the coordinator while the document is unsent or later,
 * downloaded by whoever may read the document (a non-recipient gets 404). A new version keeps the files: the
 * coordinator removes or adds files as the new text requires (deleting is allowed only while nothing was sent).
 * A recipient's response carries one file of the same kinds and size, stored the same way (`stored_file`), until
 * the organisation responds; a new version of the document drops it with the rest of the response.
 */
@Injectable()
export class DocumentFilesService {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: DocumentsService,
    private readonly clock: ClockService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(c: Caller, documentId: string): Promise<DocumentFileResponse[]> {
    await this.documents.loadReadable(c, documentId);
    const rows = await this.em.find(DocumentFileRecord, { documentId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const files = rows.length ? await this.em.find(FileRecord, { id: rows.map((r) => r.fileId) }) : [];
    const byId = new Map(files.map((f) => [f.id, f]));
    return rows.map((r) => {
      const f = byId.get(r.fileId);
      return {
        id: r.id,
        fileName: r.fileName,
        contentType: f?.contentType ?? '',
        size: f?.size ?? 0,
        createdAt: r.createdAt,
      };
    });
  }

  async upload(documentId: string, body: unknown, fileName: string | undefined): Promise<DocumentFileResponse> {
    await this.documents.load(documentId);
    const checked = this.checked(body);
    if ((await this.em.count(DocumentFileRecord, { documentId })) >= MAX_DOCUMENT_FILES)
      throw invalid(
        'document.file.too-many',
        'body',
        'A document has at most 10 files',
        'К документу можно приложить не больше 10 файлов',
        'Документка 10 файлдан артык беркетеп булмый',
      );
    const { file: f, name } = this.stored(checked, fileName);
    const now = f.createdAt;
    const row = Object.assign(new DocumentFileRecord(), {
      id: newId(),
      documentId,
      fileId: f.id,
      fileName: name,
      createdAt: now,
    });
    this.em.persist([f, row]);
    await this.em.flush();
    return { id: row.id, fileName: name, contentType: f.contentType, size: f.size, createdAt: now };
  }

  async download(c: Caller, documentId: string, id: string): Promise<StreamableFile> {
    await this.documents.loadReadable(c, documentId);
    const row = await this.em.findOne(DocumentFileRecord, { id, documentId });
    if (!row) throw notFound('document.file');
    return this.stream(row.fileId, row.fileName);
  }

  /**
   * Attaches the file of the caller's organisation's response (replacing the one attached before) until it responds;
   * another organisation's line, or none, is 404.
   */
  async attachResponse(
    c: Caller,
    documentId: string,
    organisationId: string,
    body: unknown,
    fileName: string | undefined,
  ): Promise<RecipientResponse> {
    const doc = await this.documents.load(documentId);
    const rec =
      organisationId === c.organisationId
        ? await this.em.findOne(DocumentRecipientRecord, { documentId, organisationId })
        : null;
    if (!rec) throw notFound('document');
    orThrow(checkResponseFileOpen(rec.state));
    const { file, name } = this.stored(this.checked(body), fileName);
    const before = snapshot(rec);
    if (rec.responseFileId) this.em.remove(this.em.getReference(FileRecord, rec.responseFileId));
    Object.assign(rec, { responseFileId: file.id, responseFileName: name });
    this.em.persist(file);
    this.audit.record(this.em, {
      userId: c.id,
      action: 'attach-response-file',
      objectType: 'document_recipient',
      objectId: rec.id,
      before,
      after: snapshot(rec),
    });
    await this.em.flush();
    return this.documents.line(doc, rec);
  }

  /** The response file of a recipient's line: the coordinator any, a recipient only its own organisation's. */
  async downloadResponse(c: Caller, documentId: string, organisationId: string): Promise<StreamableFile> {
    await this.documents.loadReadable(c, documentId);
    const own = this.access.scopeOrganisation(c);
    const rec =
      own === null || own === organisationId
        ? await this.em.findOne(DocumentRecipientRecord, { documentId, organisationId })
        : null;
    if (!rec?.responseFileId) throw notFound('document.file');
    return this.stream(rec.responseFileId, rec.responseFileName ?? 'file');
  }

  /** Only while the document was sent to nobody: what a recipient received stays as it was. */
  async remove(documentId: string, id: string): Promise<void> {
    await this.documents.load(documentId);
    const row = await this.em.findOne(DocumentFileRecord, { id, documentId });
    if (!row) throw notFound('document.file');
    if (await this.em.count(DocumentRecipientRecord, { documentId }))
      throw conflict(
        'document.file.sent',
        'The document has been sent: its files can no longer be removed',
        'Документ уже разослан: его файлы нельзя удалить',
        'Документ инде җибәрелгән: аның файлларын бетереп булмый',
      );
    this.em.remove(row);
    this.em.remove(this.em.getReference(FileRecord, row.fileId));
    await this.em.flush();
  }

  /** The checks every document or response file passes: at most 10 MB, and a kind recognised by its bytes. */
  private checked(body: unknown): { data: Buffer; kind: FileKind } {
    const data = Buffer.isBuffer(body) ? body : null;
    if (data && data.length > MAX_DOCUMENT_FILE_BYTES)
      throw httpFailure('document.file.too-large', {
        en: 'The file is larger than 10 MB',
        ru: 'Файл больше 10 МБ',
        tt: 'Файл 10 МБтан зуррак',
      });
    const kind = data ? recogniseFile(data, KINDS) : undefined;
    if (!data || !kind)
      throw invalid(
        'document.file.type',
        'body',
        'The file must be a PDF, DOCX, XLSX, ODT, JPEG or PNG file',
        'Файл должен быть в формате PDF, DOCX, XLSX, ODT, JPEG или PNG',
        'Файл PDF, DOCX, XLSX, ODT, JPEG яки PNG форматында булырга тиеш',
      );
    return { data, kind };
  }

  /** A new `stored_file` of checked bytes (not yet persisted) and the name it is listed under. */
  private stored({ data, kind }: { data: Buffer; kind: FileKind }, fileName: string | undefined) {
    const file = Object.assign(new FileRecord(), {
      id: newId(),
      contentType: kind.type,
      fileName: `document-file.${kind.ext}`,
      size: data.length,
      data,
      createdAt: this.clock.nowIso(),
    });
    return { file, name: cleanName(fileName, kind.ext) };
  }

  /** A stored file as an attachment under its listed name (UTF-8, with an ASCII fallback). */
  private async stream(fileId: string, name: string): Promise<StreamableFile> {
    const f = await this.em.findOne(FileRecord, { id: fileId }, { populate: ['data'] });
    if (!f) throw notFound('document.file');
    const ascii = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return new StreamableFile(Buffer.from(f.data), {
      type: f.contentType,
      length: f.size,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }
}

/**
 * Drops the plan and the stored file of recipients' responses with the response itself (a new version of the
 * document asks every recipient again); the caller flushes.
 */
export function dropResponses(em: EntityManager, rows: DocumentRecipientRecord[]): void {
  for (const r of rows) {
    if (r.responseFileId) em.remove(em.getReference(FileRecord, r.responseFileId));
    Object.assign(r, { planId: null, responseFileId: null, responseFileName: null });
  }
}

function cleanName(name: string | undefined, ext: string): string {
  const base = [...(name ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/"'.includes(ch))
    .join('')
    .trim()
    .slice(0, 180);
  if (!base) return `file.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}
