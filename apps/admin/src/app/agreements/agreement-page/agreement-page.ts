import type { AgreementResponse, AuditEntryResponse } from '@socium/contracts';
import { AGREEMENT_PARTIES, canSignFor, type AgreementParty } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { filter, type Observable } from 'rxjs';

import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { AgreementsData } from '../../data-access/agreements.data';
import { apiFailure } from '../../data-access/http';
import { OrganisationsData } from '../../data-access/organisations.data';
import { uploadRefusal, withProgress } from '../../data-access/upload-progress';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { ActionDialog, type ActionDialogData, type ActionDialogResult } from './action-dialog';
import { AgreementAmendments } from './agreement-amendments';
import { FIELD_LABELS, historyEvents, type HistoryEvent } from './agreement-history';

/** The statuses of an agreement in force, which may be terminated and amended. */
const IN_FORCE = ['signed', 'active', 'renewed', 'expiring'];

/**
 * One agreement as every role that may read it sees it: its text, term, signatures, scan and history, with the
 * actions the user may take (edit and delete a draft, sign for a party, terminate, upload the scan).
 */
@Component({
  selector: 'admin-agreement-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, StatusChip, AgreementAmendments],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreement-page.html',
  styleUrl: './agreement-page.scss',
})
export class AgreementPage {
  private readonly agreements = inject(AgreementsData);
  private readonly organisations = inject(OrganisationsData);
  private readonly auth = inject(AuthService);
  private readonly clock = inject(AdminClock);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  /** the agreement id from the route */
  readonly id = input.required<string>();

  protected readonly parties = AGREEMENT_PARTIES;
  protected readonly agreement = signal<AgreementResponse | null>(null);
  protected readonly audit = signal<AuditEntryResponse[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  /** a refusal of an action, shown once at the top of the page */
  protected readonly actionError = signal<string | null>(null);
  /** the record changed under the user (409): offer to reload */
  protected readonly stale = signal(false);
  protected readonly busy = signal(false);
  protected readonly uploadPercent = signal<number | null>(null);

  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  private readonly directions = toSignal(this.organisations.directions(), { initialValue: [] });

  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  /** The coordinator, or the administrator of the agreement's school (partners only sign). */
  protected readonly canWrite = computed(() => {
    const a = this.agreement();
    const user = this.auth.user();
    if (!a || !user) return false;
    return user.role === 'coordinator' || (user.role === 'school_admin' && user.organisationId === a.schoolId);
  });
  protected readonly isDraft = computed(() => {
    const a = this.agreement();
    return !!a && !a.signedBySchoolOn && !a.signedByPartnerOn;
  });
  protected readonly inForce = computed(() => IN_FORCE.includes(this.agreement()?.status ?? ''));
  protected readonly directionNames = computed(() => {
    const byId = new Map(this.directions().map((d) => [d.id, d.name]));
    return (this.agreement()?.directionIds ?? []).map((id) => byId.get(id) ?? id);
  });
  protected readonly obligationsOf = (party: AgreementParty) =>
    (this.agreement()?.obligations ?? []).filter((o) => o.party === party);
  protected readonly history = computed<HistoryEvent[]>(() => {
    const a = this.agreement();
    return a ? historyEvents(a, this.audit()) : [];
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected load(id = this.id()): void {
    this.loading.set(true);
    this.error.set(null);
    this.stale.set(false);
    this.agreements.get(id).subscribe({
      next: (a) => {
        this.agreement.set(a);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
    // the audit log is the coordinator's (`GET /audit`); the others see the history the agreement itself records
    if (this.isCoordinator())
      this.agreements.history(id).subscribe({
        next: (page) => this.audit.set(page.items),
        error: () => this.audit.set(null),
      });
  }

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }
  protected partyLabel(party: AgreementParty): string {
    return this.i18n.t(party === 'school' ? 'agr_party_school' : 'agr_party_partner');
  }
  protected signedOn(a: AgreementResponse, party: AgreementParty): string | null {
    return party === 'school' ? a.signedBySchoolOn : a.signedByPartnerOn;
  }

  /** A signature button for an unsigned party of a live agreement, to whom `canSignFor` allows. */
  protected canSign(a: AgreementResponse, party: AgreementParty): boolean {
    if (a.status === 'terminated' || a.status === 'expired' || this.signedOn(a, party)) return false;
    const user = this.auth.user();
    return !!user && canSignFor(user, a, party);
  }

  protected sign(a: AgreementResponse, party: AgreementParty): void {
    const today = this.clock.todayIso();
    this.ask({
      title: this.i18n.t(party === 'school' ? 'agr_sign_school' : 'agr_sign_partner'),
      message: this.i18n.t(party === 'school' ? 'agp_sign_confirm_school' : 'agp_sign_confirm_partner', {
        number: a.number,
      }),
      confirm: this.i18n.t('agp_sign'),
      date: { label: this.i18n.t('agp_signed_on'), value: today, max: today },
    }).subscribe((r) =>
      this.run(this.agreements.sign(a.id, { party, signedOn: r.date }), () =>
        this.notify.done(this.i18n.t('agr_signed_toast', { number: a.number })),
      ),
    );
  }

  protected terminate(a: AgreementResponse): void {
    this.ask({
      title: this.i18n.t('agp_terminate'),
      message: this.i18n.t('agp_terminate_confirm', { number: a.number }),
      confirm: this.i18n.t('agp_terminate'),
      danger: true,
      date: { label: this.i18n.t('agp_terminated_on'), value: this.clock.todayIso(), min: a.startsOn },
      reason: { label: this.i18n.t('agp_termination_reason') },
    }).subscribe((r) =>
      this.run(this.agreements.terminate(a.id, { terminatedOn: r.date, reason: r.reason }), () =>
        this.notify.done(this.i18n.t('agp_terminated_toast', { number: a.number })),
      ),
    );
  }

  protected remove(a: AgreementResponse): void {
    this.ask({
      title: this.i18n.t('agp_delete'),
      message: this.i18n.t('agp_delete_confirm', { number: a.number }),
      confirm: this.i18n.t('agp_delete'),
      danger: true,
    }).subscribe(() => {
      this.busy.set(true);
      this.agreements.remove(a.id).subscribe({
        next: () => {
          this.busy.set(false);
          this.notify.done(this.i18n.t('agp_deleted_toast', { number: a.number }));
          void this.router.navigateByUrl('/agreements');
        },
        error: (e: unknown) => this.failed(e),
      });
    });
  }

  protected upload(a: AgreementResponse, input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    withProgress(this.agreements.uploadScan(a.id, file), (p) => this.uploadPercent.set(p)).subscribe({
      next: () => {
        this.busy.set(false);
        this.notify.done(this.i18n.t('agp_scan_uploaded'));
        this.load();
      },
      // the API refuses the raw file as `body`: its own sentence (the kind, the size) says what is wrong
      error: (e: unknown) => {
        this.busy.set(false);
        this.actionError.set(uploadRefusal(e, this.i18n));
      },
    });
  }

  protected async download(a: AgreementResponse): Promise<void> {
    try {
      await this.agreements.downloadScan(a.id, `agreement-${a.number.replace(/[^\p{L}\p{N}-]+/gu, '_')}`);
    } catch {
      this.actionError.set(this.i18n.t('agp_scan_failed'));
    }
  }

  /** The amendments changed the agreement (one came into force): show its new text. */
  protected amended(): void {
    this.load();
  }

  private ask(data: ActionDialogData): Observable<ActionDialogResult> {
    return this.dialog
      .open<ActionDialog, ActionDialogData, ActionDialogResult>(ActionDialog, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((r): r is ActionDialogResult => !!r));
  }

  /** Runs an action, then reloads the agreement; a refusal is shown once, at the top of the page. */
  private run<T>(action: Observable<T>, done: (v: T) => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    action.subscribe({
      next: (v) => {
        this.busy.set(false);
        done(v);
        this.load();
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  private failed(e: unknown): void {
    this.busy.set(false);
    if (apiFailure(e)?.status === 409) this.stale.set(true);
    else this.actionError.set(describeError(e, this.i18n).message);
  }

  /** A history line's words, with the changed fields named as the form names them. */
  protected describe(e: HistoryEvent): string {
    const text = this.i18n.t(e.what, e.params);
    if (!e.fields.length) return text;
    const fields = e.fields.map((f) => (f in FIELD_LABELS ? this.i18n.t(FIELD_LABELS[f]) : f)).join(', ');
    return this.i18n.t('agp_h_fields', { what: text, fields });
  }
}
