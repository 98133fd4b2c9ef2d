import type { DocumentFileResponse } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { describeError } from '../../core/api-error';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { DocumentsData } from '../../data-access/documents.data';
import { uploadRefusal, withProgress } from '../../data-access/upload-progress';
import { fileKind, fileSize } from './file-size';

/** The kinds the API accepts for a document's files (it recognises them by their bytes; this only filters the box). */
export const DOCUMENT_FILE_ACCEPT = '.pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png';

/**
 * The files attached to a document: everyone who may read the document downloads them; the coordinator uploads
 * and, while the document was sent to nobody, removes them.
 */
@Component({
  selector: 'admin-document-files',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './document-files.html',
  styleUrl: './document-files.scss',
})
export class DocumentFiles {
  private readonly documents = inject(DocumentsData);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);

  /** the document's id */
  readonly documentId = input.required<string>();
  /** the coordinator: may upload and remove */
  readonly canEdit = input(false);
  /** the document went to someone: its files stay as they were sent */
  readonly sent = input(false);

  protected readonly accept = DOCUMENT_FILE_ACCEPT;
  protected readonly files = signal<DocumentFileResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  /** a refused upload or removal, shown once under the control */
  protected readonly actionError = signal<string | null>(null);
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const id = this.documentId();
      untracked(() => this.load(id));
    });
  }

  protected readonly kind = fileKind;

  protected size(bytes: number): string {
    return fileSize(bytes, this.i18n);
  }

  protected load(id = this.documentId()): void {
    this.loading.set(true);
    this.error.set(null);
    this.documents.files(id).subscribe({
      next: (files) => {
        this.files.set(files);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    withProgress(this.documents.uploadFile(this.documentId(), file), (p) => this.uploadPercent.set(p)).subscribe({
      next: () => {
        this.busy.set(false);
        this.notify.done(this.i18n.t('docf_uploaded'));
        this.load();
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  protected remove(f: DocumentFileResponse): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    this.documents.removeFile(this.documentId(), f.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.notify.done(this.i18n.t('docf_removed'));
        this.load();
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  protected async download(f: DocumentFileResponse): Promise<void> {
    this.actionError.set(null);
    try {
      await this.documents.downloadFile(this.documentId(), f);
    } catch {
      this.actionError.set(this.i18n.t('docf_download_failed'));
    }
  }

  private failed(e: unknown): void {
    this.busy.set(false);
    this.actionError.set(uploadRefusal(e, this.i18n));
  }
}
