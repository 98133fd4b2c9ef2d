import type { DocumentResponse, RecipientResponse } from '@socium/contracts';
import { canAdvanceRecipient } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatExpansionModule } from '@angular/material/expansion';
import { RouterLink } from '@angular/router';
import { tap } from 'rxjs';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { DocumentsData } from '../data-access/documents.data';
import { ListShell, listState } from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';

/** Documents from the department (a school's or partner's inbox), each with its recipients and a link to its page. */
@Component({
  selector: 'admin-documents-list',
  imports: [MatButtonModule, MatCheckboxModule, MatExpansionModule, RouterLink, ListShell, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './documents-list.html',
  styles: `
    .mat-expansion-panel-header {
      padding-top: 12px;
      padding-bottom: 12px;
    }
    .mat-expansion-panel-header-description {
      flex-wrap: wrap;
      align-items: center;
    }
  `,
})
export class DocumentsList {
  private readonly documents = inject(DocumentsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);

  /** only the documents with a recipient past its deadline (`?overdue=true`) */
  protected readonly overdueOnly = signal(false);
  protected readonly list = listState(
    () => ({ limit: 100, ...(this.overdueOnly() ? { overdue: 'true' as const } : {}) }),
    (q) => this.documents.list(q).pipe(tap((p) => p.items.forEach((d) => this.loadRecipients(d.id)))),
  );
  protected readonly recipients = signal<Partial<Record<string, RecipientResponse[]>>>({});
  protected readonly isRecipientRole = computed(() =>
    ['school_admin', 'partner_rep'].includes(this.auth.user()?.role ?? ''),
  );
  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  private readonly myOrg = computed(() => this.auth.user()?.organisationId);

  private loadRecipients(id: string): void {
    this.documents.recipients(id).subscribe({
      next: (r) => this.recipients.update((all) => ({ ...all, [id]: r.items })),
      error: () => this.recipients.update((all) => ({ ...all, [id]: [] })),
    });
  }

  /** The caller's own recipient row, when the document was sent to their organisation. */
  protected mine(id: string): RecipientResponse | undefined {
    return (this.recipients()[id] ?? []).find((r) => r.organisationId === this.myOrg());
  }

  protected canAcknowledge(id: string): boolean {
    const r = this.mine(id);
    return this.isRecipientRole() && !!r && canAdvanceRecipient(r.state, 'acknowledged');
  }

  protected acknowledge(d: DocumentResponse): void {
    this.documents.acknowledge(d.id).subscribe({
      next: () => {
        this.notify.done(this.i18n.t('doc_acknowledged_toast'));
        this.loadRecipients(d.id);
        this.list.update((list) =>
          list.map((x) => (x.id === d.id ? { ...x, acknowledgedCount: x.acknowledgedCount + 1 } : x)),
        );
      },
      error: (e: unknown) => this.notify.failed(e),
    });
  }
}
