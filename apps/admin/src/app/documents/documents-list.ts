import type { DocumentResponse, RecipientResponse } from '@socium/contracts';
import { canAdvanceRecipient } from '@socium/domain';

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { RouterLink } from '@angular/router';
import { tap } from 'rxjs';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { DocumentsData } from '../data-access/documents.data';
import {
  CellDef,
  DataTable,
  keepInUrl,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  phoneWidth,
  settled,
  type Column,
} from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';

/** A yes/no filter as the API takes it (`?overdue=true`, `?isPublic=false`). */
export type YesNo = 'true' | 'false';
const YES_NO: readonly YesNo[] = ['true', 'false'];

/**
 * The documents register (coordinator) and inbox (a school's or partner's) on the list toolbar: search by number and
 * title, overdue or on time, published or not (coordinator), kept in the address; a table with pages, a card per
 * document on a phone. The recipients see their own state and acknowledge from the list; the rest is on the page.
 */
@Component({
  selector: 'admin-documents-list',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatChipsModule,
    RouterLink,
    CellDef,
    DataTable,
    ListShell,
    ListToolbar,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './documents-list.html',
  styles: `
    .title {
      overflow-wrap: anywhere;
    }
  `,
})
export class DocumentsList {
  private readonly documents = inject(DocumentsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);

  protected readonly isRecipientRole = computed(() =>
    ['school_admin', 'partner_rep'].includes(this.auth.user()?.role ?? ''),
  );
  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  private readonly myOrg = computed(() => this.auth.user()?.organisationId);

  protected readonly search = signal('');
  /** `true`: only the documents with a recipient past its deadline; `false`: none past it */
  protected readonly overdue = signal<YesNo | null>(null);
  /** published on the public pages or not (the coordinator's register) */
  protected readonly published = signal<YesNo | null>(null);
  protected readonly pager = new Pager();
  /** the search and filters kept in the address (read from it here, before the search box's text settles) */
  protected readonly address = keepInUrl(
    { q: this.search, overdue: this.overdue, published: this.published },
    { overdue: YES_NO, published: YES_NO },
  );
  private readonly query = settled(this.search);
  protected readonly filtered = computed(() => !!(this.overdue() || this.published() || this.search().trim()));
  protected readonly list = listState(
    () => ({
      q: this.query(),
      overdue: this.overdue(),
      isPublic: this.published(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) =>
      this.documents
        .list(q)
        .pipe(tap((p) => this.isRecipientRole() && p.items.forEach((d) => this.loadRecipients(d.id)))),
  );
  protected readonly recipients = signal<Partial<Record<string, RecipientResponse[]>>>({});

  protected readonly narrow = phoneWidth();
  private readonly allColumns = computed<Column<DocumentResponse>[]>(() => [
    { key: 'document', header: 'doc_document' },
    {
      key: 'due',
      header: 'doc_due_date',
      text: (d) => (d.dueOn ? this.i18n.date(d.dueOn) : this.i18n.t('doc_due_none')),
    },
    {
      key: 'acknowledged',
      header: 'doc_recipients',
      text: (d) => this.i18n.t('doc_acknowledged_count', { done: d.acknowledgedCount, total: d.recipientsCount }),
    },
    ...(this.isRecipientRole() ? [{ key: 'mine', header: 'doc_my_line' } as Column<DocumentResponse>] : []),
  ]);
  /** on a phone one column: the document, its deadline, the acknowledgements and the own state under each other */
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns().filter((c) => c.key === 'document') : this.allColumns(),
  );

  /** Sets a filter or the search and goes back to the first page. */
  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  /** Clears the search and every filter, back to the first page. */
  protected clearFilters(): void {
    this.overdue.set(null);
    this.published.set(null);
    this.search.set('');
    this.pager.first();
  }

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
