import type { ImportResult } from '@socium/contracts';
import { IMPORT_KINDS, type ImportKind } from '@socium/domain';

import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';

import { describeError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { Notify } from '../core/notify';
import { ImportsData } from '../data-access/imports.data';

/** What a school administrator may import (the coordinator any kind); the API checks each row again. */
const SCHOOL_KINDS: readonly ImportKind[] = ['agreements', 'activities', 'enrolment'];

/**
 * Spreadsheet import: choose the kind, download its template, choose a file, check it (a dry run listing the
 * errors row by row) and import it (all rows or none), with the upload's progress.
 */
@Component({
  selector: 'admin-imports',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './imports.html',
  styleUrl: './imports.scss',
})
export class Imports {
  private readonly data = inject(ImportsData);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);

  protected readonly kinds = computed(() =>
    this.auth.user()?.role === 'coordinator' ? [...IMPORT_KINDS] : [...SCHOOL_KINDS],
  );
  protected readonly kind = signal<ImportKind>('agreements');
  protected readonly file = signal<File | null>(null);
  /** upload progress 0–100 while a file is being sent, null otherwise */
  protected readonly progress = signal<number | null>(null);
  protected readonly result = signal<{ dryRun: boolean; refused: boolean; value: ImportResult } | null>(null);
  protected readonly error = signal<string | null>(null);

  protected kindLabel(kind: ImportKind): string {
    return this.i18n.t(`imp_kind_${kind}` as MessageKey);
  }

  protected setKind(kind: ImportKind): void {
    this.kind.set(kind);
    this.result.set(null);
  }

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.result.set(null);
    this.error.set(null);
  }

  protected async template(): Promise<void> {
    try {
      await this.data.template(this.kind(), this.i18n.lang());
    } catch {
      this.notify.failed();
    }
  }

  protected summary(): string {
    const r = this.result();
    if (!r) return '';
    const { rows, created, errors } = r.value;
    if (r.refused) return this.i18n.t('imp_refused', { count: errors.length });
    if (!r.dryRun) return this.i18n.t('imp_done', { created });
    return errors.length
      ? this.i18n.t('imp_checked_errors', { rows, count: errors.length })
      : this.i18n.t('imp_checked_ok', { rows });
  }

  protected send(dryRun: boolean): void {
    const file = this.file();
    if (!file) return;
    this.progress.set(0);
    this.result.set(null);
    this.error.set(null);
    this.data.send(this.kind(), file, dryRun, this.i18n.lang()).subscribe({
      next: (e) => {
        if (e.type === HttpEventType.UploadProgress)
          this.progress.set(e.total ? Math.round((e.loaded / e.total) * 100) : 0);
        if (e.type === HttpEventType.Response && e.body) {
          this.progress.set(null);
          this.result.set({ dryRun, refused: false, value: e.body });
        }
      },
      error: (e: unknown) => {
        this.progress.set(null);
        // a real run with row errors: 422 carrying the same rows and errors as the dry run
        const body = e instanceof HttpErrorResponse ? (e.error as Partial<ImportResult> | null) : null;
        if (body && Array.isArray(body.errors) && typeof body.rows === 'number') {
          this.result.set({ dryRun, refused: true, value: { rows: body.rows, created: 0, errors: body.errors } });
          return;
        }
        const shown = describeError(e, this.i18n);
        this.error.set([shown.message, ...Object.values(shown.fields)].join(' '));
      },
    });
  }
}
