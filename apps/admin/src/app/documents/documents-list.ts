import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';

import type { DocumentResponse, RecipientResponse } from '@socium/contracts';

import { ApiService } from '../core/api.service';
import { describeError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { StatusChip } from '../ui/status-chip/status-chip';

/** Documents from the department, each with its recipients; schools and partners acknowledge here. */
@Component({
  selector: 'admin-documents-list',
  imports: [MatButtonModule, MatExpansionModule, MatProgressBarModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './documents-list.html',
})
export class DocumentsList {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly snack = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);

  protected readonly items = signal<DocumentResponse[]>([]);
  protected readonly recipients = signal<Partial<Record<string, RecipientResponse[]>>>({});
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly isRecipientRole = computed(() => ['school_admin', 'partner_rep'].includes(this.auth.user()?.role ?? ''));
  private readonly myOrg = computed(() => this.auth.user()?.organisationId);

  constructor() {
    this.api.documents({ limit: 100 }).subscribe({
      next: (p) => {
        this.items.set(p.items);
        this.loading.set(false);
        for (const d of p.items) this.loadRecipients(d.id);
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
  }

  private loadRecipients(id: string): void {
    this.api.recipients(id).subscribe({
      next: (r) => this.recipients.update((all) => ({ ...all, [id]: r.items })),
      error: () => this.recipients.update((all) => ({ ...all, [id]: [] })),
    });
  }

  protected stateLabel(state: string): string {
    return this.i18n.t(`doc_state_${state}` as MessageKey);
  }

  /** The caller's own recipient row, when the document was sent to their organisation. */
  protected mine(id: string): RecipientResponse | undefined {
    return (this.recipients()[id] ?? []).find((r) => r.organisationId === this.myOrg());
  }

  protected canAcknowledge(id: string): boolean {
    const r = this.mine(id);
    return this.isRecipientRole() && !!r && (r.state === 'sent' || r.state === 'received');
  }

  protected acknowledge(d: DocumentResponse): void {
    this.api.acknowledge(d.id).subscribe({
      next: () => {
        this.snack.open(this.i18n.t('doc_acknowledged_toast'), this.i18n.t('close'), { duration: 4000 });
        this.loadRecipients(d.id);
        this.items.update((list) => list.map((x) => (x.id === d.id ? { ...x, acknowledgedCount: x.acknowledgedCount + 1 } : x)));
      },
      error: (e: unknown) => this.snack.open(describeError(e, this.i18n).message, this.i18n.t('close'), { duration: 8000 }),
    });
  }
}
