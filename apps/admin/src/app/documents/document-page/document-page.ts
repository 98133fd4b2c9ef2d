import type {
  CreatedLinkResponse,
  DocumentResponse,
  PlanResponse,
  RecipientResponse,
  SendDocumentRequest,
} from '@socium/contracts';
import {
  canAdvanceRecipient,
  ORGANISATION_KINDS,
  PARTNER_TYPES,
  type OrganisationKind,
  type PartnerType,
  type RecipientState,
} from '@socium/domain';

import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  type WritableSignal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormsModule, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { forkJoin, of, switchMap, type Observable } from 'rxjs';

import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { DocumentsData } from '../../data-access/documents.data';
import { OrganisationsData } from '../../data-access/organisations.data';
import { PlansData } from '../../data-access/plans.data';
import { uploadRefusal, withProgress } from '../../data-access/upload-progress';
import { changedFields } from '../../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../../ui/conflict/conflict';
import { ConflictPanel } from '../../ui/conflict/conflict-panel';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { NumberInput } from '../../ui/number-input';
import { dateError, fieldError } from '../../ui/refusal/form-refusal';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { DOCUMENT_FILE_ACCEPT, DocumentFiles } from '../document-files/document-files';

/** Whom a mailing goes to: every institution (schools and partners), every school, organisations of some kinds, partners of some types, or chosen ones. */
export type SendMode = 'all' | 'schools' | 'kinds' | 'partnerTypes' | 'chosen';

/**
 * One document: its requisites and recipients. The coordinator sends it, closes recipients' lines and issues a
 * new version; a school administrator or partner representative takes their organisation's next step.
 */
@Component({
  selector: 'admin-document-page',
  providers: [provideIsoDates()],
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    StatusChip,
    ConflictPanel,
    DocumentFiles,
    NumberInput,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './document-page.html',
  styleUrl: './document-page.scss',
})
export class DocumentPage {
  private readonly documents = inject(DocumentsData);
  private readonly organisationsData = inject(OrganisationsData);
  private readonly plansData = inject(PlansData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  /** A number field's complaint (not a whole number, out of its bounds) in the interface's language. */
  protected readonly fieldError = (c: AbstractControl): string | null => fieldError(c, this.i18n);
  private readonly page = inject(DOCUMENT);

  /** the document id from the route */
  readonly id = input.required<string>();

  protected readonly kinds = ORGANISATION_KINDS.filter((k) => k !== 'department');
  protected readonly partnerTypes = PARTNER_TYPES;
  protected readonly doc = signal<DocumentResponse | null>(null);
  protected readonly recipients = signal<RecipientResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly isRecipientRole = computed(() =>
    ['school_admin', 'partner_rep'].includes(this.auth.user()?.role ?? ''),
  );
  /** The caller's own recipient row, when the document was sent to their organisation. */
  protected readonly mine = computed(() => {
    const org = this.auth.user()?.organisationId;
    return this.isRecipientRole() ? this.recipients().find((r) => r.organisationId === org) : undefined;
  });

  // the send dialog
  protected readonly showSend = signal(false);
  protected readonly sendMode = signal<SendMode>('schools');
  protected readonly sendKinds = signal<OrganisationKind[]>([]);
  protected readonly sendPartnerTypes = signal<PartnerType[]>([]);
  protected readonly sendChosen = signal<string[]>([]);
  protected readonly sendError = signal<string | null>(null);
  protected readonly organisations = toSignal(
    this.organisationsData.organisationsWhere((o) => o.kind !== 'department'),
    {
      initialValue: [],
    },
  );

  // the new version
  protected readonly showReissue = signal(false);
  protected readonly reissueReason = signal('');
  protected readonly reissueTitle = signal('');
  protected readonly reissueSummary = signal('');
  /** The new version's deadline: kept as it is, a new date, or N working days from the day it is issued again. */
  protected readonly reissueDueKind = signal<'keep' | 'date' | 'days'>('keep');
  protected readonly reissueDueOn = signal('');
  protected readonly reissueWorkingDays = new FormControl<number | null>(10, [
    Validators.required,
    Validators.min(1),
    Validators.max(60),
  ]);
  protected readonly reissueError = signal<string | null>(null);
  /** `409 version.stale` on a new version: what another user changed meanwhile; reload or overwrite */
  protected readonly reissueConflict = new VersionConflict<DocumentResponse>();

  /** the single-use links made on this page, by organisation: shown once (the API keeps only their hash) */
  protected readonly links = signal<Partial<Record<string, CreatedLinkResponse>>>({});

  // the recipient's step
  protected readonly incomingNumber = signal('');
  /** the day the organisation registered the document; empty: today */
  protected readonly receivedOn = signal('');
  /** a document cannot be received after today */
  protected readonly todayIso = inject(AdminClock).todayIso();
  protected readonly comment = signal('');
  protected readonly responseText = signal('');
  /** the organisation's own plan the response names ('' for none) and the file it carries */
  protected readonly responsePlanId = signal('');
  protected readonly responseFile = signal<File | null>(null);
  /** the caller's organisation's plans, asked for once its line can respond */
  protected readonly ownPlans = signal<PlanResponse[] | null>(null);
  protected readonly accept = DOCUMENT_FILE_ACCEPT;
  protected readonly stepError = signal<string | null>(null);
  /** a response or recipient file that could not be downloaded */
  protected readonly downloadError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected load(id = this.id()): void {
    this.loading.set(true);
    this.error.set(null);
    forkJoin({ doc: this.documents.get(id), recipients: this.documents.recipients(id) }).subscribe({
      next: ({ doc, recipients }) => {
        this.doc.set(doc);
        this.recipients.set(recipients.items);
        this.loading.set(false);
        this.loadOwnPlans();
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
  }

  protected can(r: RecipientResponse | undefined, to: RecipientState): boolean {
    return !!r && canAdvanceRecipient(r.state, to);
  }

  protected deadline(d: DocumentResponse): string | null {
    if (d.dueOn) return this.i18n.date(d.dueOn);
    if (d.dueWorkingDays) return this.i18n.t('doc_due_after', { count: d.dueWorkingDays });
    return null;
  }

  /** The request of the send dialog, or null when nothing is chosen. */
  protected sendBody(): SendDocumentRequest | null {
    switch (this.sendMode()) {
      case 'all':
        return { audience: { kinds: this.kinds } };
      case 'schools':
        return { audience: { schools: true } };
      case 'kinds':
        return this.sendKinds().length ? { audience: { kinds: this.sendKinds() } } : null;
      case 'partnerTypes':
        return this.sendPartnerTypes().length ? { audience: { partnerTypes: this.sendPartnerTypes() } } : null;
      case 'chosen':
        return this.sendChosen().length ? { recipientIds: this.sendChosen() } : null;
    }
  }

  protected send(): void {
    const body = this.sendBody();
    if (!body) {
      this.sendError.set(this.i18n.t('doc_send_nothing'));
      return;
    }
    this.run(this.documents.send(this.id(), body), this.sendError, (r) => {
      this.notify.done(this.i18n.t('doc_sent_toast', { count: r.total }));
      this.showSend.set(false);
    });
  }

  protected close(r: RecipientResponse): void {
    this.run(this.documents.close(this.id(), r.organisationId), null, () =>
      this.notify.done(this.i18n.t('doc_closed_toast')),
    );
  }

  /** A single-use link for the recipient to acknowledge without an account (its partner has no log-in). */
  protected makeLink(r: RecipientResponse): void {
    this.run(this.documents.link(this.id(), r.organisationId), null, (link) => {
      // without a public address configured the API answers a path: shown as a full address, ready to copy
      const url = new URL(link.url, this.page.baseURI).href;
      this.links.update((all) => ({ ...all, [r.organisationId]: { ...link, url } }));
      this.notify.done(this.i18n.t('doc_link_made_toast'));
    });
  }

  protected openReissue(d: DocumentResponse): void {
    this.reissueTitle.set(d.title);
    this.reissueSummary.set(d.summary);
    this.reissueReason.set('');
    this.reissueDueKind.set('keep');
    this.reissueDueOn.set(d.dueOn ?? '');
    this.reissueWorkingDays.reset(d.dueWorkingDays ?? 10);
    this.reissueError.set(null);
    this.reissueConflict.clear();
    this.showReissue.set(true);
  }

  protected reissue(d: DocumentResponse): void {
    const reason = this.reissueReason().trim();
    if (!reason) {
      this.reissueError.set(this.i18n.t('err_field_empty'));
      return;
    }
    const title = this.reissueTitle().trim();
    const summary = this.reissueSummary().trim();
    const deadline = this.reissueDeadline();
    if (deadline === undefined) {
      // a number of working days out of bounds is told under its field; a missing date here
      if (this.reissueDueKind() !== 'days') this.reissueError.set(this.i18n.t('err_field_empty'));
      return;
    }
    const body = {
      reason,
      version: d.version,
      ...(title && title !== d.title ? { title } : {}),
      ...(summary !== d.summary ? { summary } : {}),
      ...deadline,
    };
    this.reissueConflict.clear();
    this.run(
      this.documents.reissue(this.id(), body),
      this.reissueError,
      () => {
        this.notify.done(this.i18n.t('doc_reissued_toast'));
        this.showReissue.set(false);
      },
      () => this.showReissueConflict(),
    );
  }

  /** The stored document read again after a stale new version: where the user's title and summary differ. */
  private showReissueConflict(): void {
    this.documents.get(this.id()).subscribe({
      next: (stored) => {
        const labels = { title: this.i18n.t('doc_name'), summary: this.i18n.t('doc_summary') };
        const mine = { title: this.reissueTitle(), summary: this.reissueSummary() };
        this.reissueConflict.show(stored, changedFields(mine, stored, labels));
      },
      error: (e: unknown) => this.reissueError.set(describeError(e, this.i18n).message),
    });
  }

  /** Takes the stored document: the new version's title and summary start again from it. */
  protected reissueConflictReload(): void {
    const stored = this.reissueConflict.take();
    if (!stored) return;
    this.doc.set(stored);
    this.reissueTitle.set(stored.title);
    this.reissueSummary.set(stored.summary);
  }

  /** Sends the new version again over the stored one (its version), knowingly. */
  protected reissueConflictOverwrite(): void {
    const stored = this.reissueConflict.take();
    if (!stored) return;
    this.doc.set(stored);
    this.reissue(stored);
  }

  /** The deadline part of the new version's request; `undefined` when the chosen kind lacks its value. */
  private reissueDeadline(): { dueOn?: string; dueWorkingDays?: number } | undefined {
    switch (this.reissueDueKind()) {
      case 'keep':
        return {};
      case 'date':
        return this.reissueDueOn() ? { dueOn: this.reissueDueOn() } : undefined;
      case 'days': {
        const days = this.reissueWorkingDays;
        days.markAsTouched();
        return days.valid && days.value !== null ? { dueWorkingDays: days.value } : undefined;
      }
    }
  }

  protected receive(): void {
    const incomingNumber = this.incomingNumber().trim();
    const receivedOn = this.receivedOn();
    const body = { ...(incomingNumber ? { incomingNumber } : {}), ...(receivedOn ? { receivedOn } : {}) };
    this.run(this.documents.receive(this.id(), body), this.stepError, () =>
      this.notify.done(this.i18n.t('doc_received_toast')),
    );
  }

  protected acknowledge(): void {
    this.run(this.documents.acknowledge(this.id(), this.comment().trim() || undefined), this.stepError, () =>
      this.notify.done(this.i18n.t('doc_acknowledged_toast')),
    );
  }

  /** The plans a response may name: the caller's organisation's own, once its line can still respond. */
  private loadOwnPlans(): void {
    const r = this.mine();
    if (this.ownPlans() !== null || !r || !this.can(r, 'responded')) return;
    this.ownPlans.set([]);
    this.plansData.list({ organisationId: r.organisationId, limit: 100 }).subscribe({
      next: (page) => this.ownPlans.set(page.items.filter((p) => p.organisationId === r.organisationId)),
      // without its plans the response is still given as a text (and a file)
      error: () => this.ownPlans.set([]),
    });
  }

  protected chooseResponseFile(input: HTMLInputElement): void {
    this.responseFile.set(input.files?.[0] ?? null);
    input.value = '';
  }

  /** Sends the response: the file first (refused files stop it there), then the text with the chosen plan. */
  protected respond(r: RecipientResponse): void {
    const response = this.responseText().trim();
    if (!response) {
      this.stepError.set(this.i18n.t('err_field_empty'));
      return;
    }
    const planId = this.responsePlanId();
    const file = this.responseFile();
    const attached: Observable<unknown> = file
      ? withProgress(this.documents.attachResponseFile(this.id(), r.organisationId, file))
      : of(null);
    const answer = attached.pipe(
      switchMap(() => this.documents.respond(this.id(), { response, ...(planId ? { planId } : {}) })),
    );
    this.run(
      answer,
      this.stepError,
      () => {
        this.responseFile.set(null);
        this.notify.done(this.i18n.t('doc_responded_toast'));
      },
      undefined,
      (e) => uploadRefusal(e, this.i18n),
    );
  }

  protected async downloadResponse(r: RecipientResponse): Promise<void> {
    this.downloadError.set(null);
    try {
      await this.documents.downloadResponseFile(this.id(), r);
    } catch {
      this.downloadError.set(this.i18n.t('docf_download_failed'));
    }
  }

  /**
   * Runs one action, then reloads the page; a refusal is shown once: in `errorTo` (in the words `describe` gives),
   * or in the snack bar; a stale version goes to `onStale` when the action offers a conflict panel.
   */
  private run<T>(
    action: Observable<T>,
    errorTo: WritableSignal<string | null> | null,
    done: (v: T) => void,
    onStale?: () => void,
    describe = (e: unknown) => describeError(e, this.i18n).message,
  ) {
    if (this.busy()) return;
    this.busy.set(true);
    errorTo?.set(null);
    action.subscribe({
      next: (v) => {
        this.busy.set(false);
        done(v);
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        if (onStale && isStale(e)) onStale();
        else if (errorTo) errorTo.set(describe(e));
        else this.notify.failed(e);
      },
    });
  }
}
