import type { DeliveryResponse, ReminderRunResponse } from '@socium/contracts';
import type { EmailState } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';

import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { Notify } from '../core/notify';
import { NotificationsData } from '../data-access/notifications.data';
import { CellDef, DataTable, ListShell, listState, Pager, phoneWidth, type Column } from '../ui/list';

/** The delivery states the coordinator looks into: what failed and what still waits. */
const STATES: readonly EmailState[] = ['failed', 'pending'];

/**
 * The coordinator's tools on the notifications page: run the reminders now (with what the run did, and whether
 * e-mail is on) and the e-mail deliveries that failed or wait, with their attempts and last error.
 */
@Component({
  selector: 'admin-reminder-tools',
  imports: [CellDef, DataTable, ListShell, MatButtonModule, MatButtonToggleModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .run {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 16px 0;
    }
    .run p {
      margin: 0;
    }
    .address,
    .card-line {
      display: block;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <div class="run">
      <button mat-flat-button type="button" (click)="run()" [disabled]="running()" data-testid="ntf-run">
        <mat-icon aria-hidden="true">notifications_active</mat-icon> {{ i18n.t('ntf_run') }}
      </button>
      <div role="status" data-testid="ntf-run-result">
        @if (result(); as r) {
          @if (r.ran) {
            <p>
              {{
                i18n.t('ntf_run_done', {
                  reminders: r.reminders,
                  created: r.notificationsCreated,
                  sent: r.emailsSent,
                  failed: r.emailsFailed,
                })
              }}
            </p>
          } @else {
            <p>{{ i18n.t('ntf_run_busy') }}</p>
          }
          @if (!r.emailEnabled) {
            <p class="muted" data-testid="ntf-email-off">{{ i18n.t('ntf_email_off') }}</p>
          }
        }
      </div>
    </div>
    <h2>{{ i18n.t('ntf_deliveries') }}</h2>
    <mat-button-toggle-group
      [value]="state()"
      (change)="setState($event.value)"
      [attr.aria-label]="i18n.t('ntf_state')"
      data-testid="ntf-delivery-state"
    >
      @for (s of states; track s) {
        <mat-button-toggle [value]="s">{{ stateLabel(s) }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    <admin-list-shell [list]="deliveries" [emptyText]="i18n.t('ntf_deliveries_empty')">
      <admin-data-table
        [rows]="deliveries.items()"
        [columns]="columns()"
        [pager]="pager"
        [total]="deliveries.total()"
        testId="ntf-deliveries"
      >
        <ng-template adminCell="recipient" let-d>
          <span data-testid="ntf-delivery-organisation">{{ d.organisationName ?? '' }}</span>
          <span class="address muted" data-testid="ntf-delivery-address">{{ d.recipientEmail ?? '' }}</span>
          @if (narrow()) {
            <!-- a phone: the row is a card, the other columns under the recipient -->
            <span class="card-line">{{ d.subject }}</span>
            <span class="card-line muted">
              {{ i18n.date(d.createdAt) }} · {{ stateLabel(d.emailState) }} · {{ i18n.t('ntf_attempts') }}:
              {{ d.emailAttempts }}
            </span>
            @if (d.emailNextAt) {
              <span class="card-line muted">{{ i18n.t('ntf_next_at') }}: {{ i18n.date(d.emailNextAt) }}</span>
            }
            @if (d.emailError) {
              <span class="card-line muted">{{ d.emailError }}</span>
            }
          }
        </ng-template>
      </admin-data-table>
    </admin-list-shell>
  `,
})
export class ReminderTools {
  private readonly data = inject(NotificationsData);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  readonly ran = output<ReminderRunResponse>();
  protected readonly states = STATES;
  protected readonly state = signal<EmailState>('failed');
  protected readonly running = signal(false);
  protected readonly result = signal<ReminderRunResponse | null>(null);
  protected readonly pager = new Pager();
  protected readonly deliveries = listState(
    () => ({ state: this.state(), limit: this.pager.size(), offset: this.pager.offset() }),
    (q) => this.data.deliveries(q),
  );
  /** a phone: each e-mail a card (the recipient, the rest under it) */
  protected readonly narrow = phoneWidth();
  private readonly allColumns: Column<DeliveryResponse>[] = [
    { key: 'date', header: 'ntf_date', text: (d) => this.i18n.date(d.createdAt) },
    { key: 'recipient', header: 'ntf_recipient' },
    { key: 'subject', header: 'ntf_subject', text: (d) => d.subject },
    { key: 'state', header: 'ntf_state', text: (d) => this.stateLabel(d.emailState) },
    { key: 'attempts', header: 'ntf_attempts', text: (d) => d.emailAttempts },
    { key: 'next', header: 'ntf_next_at', text: (d) => this.i18n.date(d.emailNextAt) },
    { key: 'error', header: 'ntf_error', text: (d) => d.emailError ?? '' },
  ];
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns.filter((c) => c.key === 'recipient') : this.allColumns,
  );

  protected stateLabel(s: EmailState): string {
    return this.i18n.t(`ntf_state_${s}` as MessageKey);
  }

  protected setState(s: EmailState): void {
    this.state.set(s);
    this.pager.first();
  }

  protected run(): void {
    this.running.set(true);
    this.data.run().subscribe({
      next: (r) => {
        this.running.set(false);
        this.result.set(r);
        this.deliveries.reload();
        this.ran.emit(r);
      },
      error: (e: unknown) => (this.running.set(false), this.notify.failed(e)),
    });
  }
}
