import type { AgreementChanges, AgreementResponse, AmendmentResponse } from '@socium/contracts';
import {
  AGREEMENT_PARTIES,
  AMENDABLE_FIELDS,
  AMENDABLE_STATUSES,
  canSignFor,
  MAX_NOTICE_DAYS,
  type AgreementParty,
  type AmendableField,
} from '@socium/domain';

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule, NgForm, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { filter, type Observable } from 'rxjs';

import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { AgreementsData } from '../../data-access/agreements.data';
import { OrganisationsData } from '../../data-access/organisations.data';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { NumberInput } from '../../ui/number-input';
import { dateError, fieldError } from '../../ui/refusal/form-refusal';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { ActionDialog, type ActionDialogData, type ActionDialogResult } from './action-dialog';
import { FIELD_LABELS } from './agreement-history';

/** One changed term of an amendment in words: its name, and its value before (once in force) and after. */
export interface ChangeLine {
  readonly field: AmendableField;
  readonly text: string;
}

/**
 * The amendments of an agreement (дополнительные соглашения): each with its number, date, changed terms and
 * signatures; the school's administrator or the coordinator draws up the next one, each party signs it for itself.
 */
@Component({
  selector: 'admin-agreement-amendments',
  providers: [provideIsoDates()],
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    NumberInput,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreement-amendments.html',
  styleUrl: './agreement-page.scss',
})
export class AgreementAmendments {
  private readonly data = inject(AgreementsData);
  private readonly auth = inject(AuthService);
  private readonly clock = inject(AdminClock);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  /** A field's own complaint (a number that is no number or out of bounds, a missing value) in the interface's language. */
  protected readonly fieldError = (c: AbstractControl | null): string | null => (c ? fieldError(c, this.i18n) : null);
  /** the new amendment's form, whose fields check themselves before anything is sent */
  private readonly ngForm = viewChild(NgForm);

  readonly agreement = input.required<AgreementResponse>();
  /** the user may draw up and delete amendments (the coordinator, the school's administrator) */
  readonly canWrite = input(false);
  /** an amendment came into force: the agreement's text changed */
  readonly amended = output<void>();

  protected readonly fields = AMENDABLE_FIELDS;
  protected readonly parties = AGREEMENT_PARTIES;
  protected readonly maxNoticeDays = MAX_NOTICE_DAYS;
  protected readonly items = signal<AmendmentResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly directions = toSignal(inject(OrganisationsData).directions(), { initialValue: [] });

  // the new amendment
  protected readonly showForm = signal(false);
  protected readonly effectiveOn = signal('');
  protected readonly chosen = signal<ReadonlySet<AmendableField>>(new Set());
  protected readonly subject = signal('');
  protected readonly goal = signal('');
  protected readonly directionIds = signal<string[]>([]);
  protected readonly schoolObligations = signal('');
  protected readonly partnerObligations = signal('');
  protected readonly endsOn = signal('');
  protected readonly autoRenew = signal(false);
  protected readonly noticeDays = signal<number | null>(30);
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});

  /** The agreement can be amended (signed by both, not terminated or expired) and none awaits signatures or its date. */
  protected readonly canDrawUp = computed(
    () =>
      this.canWrite() &&
      (AMENDABLE_STATUSES as readonly string[]).includes(this.agreement().status) &&
      !this.items().some((a) => a.state === 'pending' || a.state === 'scheduled'),
  );

  constructor() {
    effect(() => {
      const a = this.agreement();
      untracked(() => this.load(a.id));
    });
  }

  protected load(id = this.agreement().id): void {
    this.loading.set(true);
    this.error.set(null);
    this.data.amendments(id).subscribe({
      next: (list) => {
        this.items.set(list);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
  }

  protected fieldLabel(f: AmendableField): string {
    return this.i18n.t(FIELD_LABELS[f] as MessageKey);
  }
  protected partyLabel(party: AgreementParty): string {
    return this.i18n.t(party === 'school' ? 'agr_party_school' : 'agr_party_partner');
  }

  /** A stored value of a term in words. */
  protected value(field: AmendableField, v: unknown): string {
    switch (field) {
      case 'endsOn':
        return v ? this.i18n.date(String(v)) : this.i18n.t('agr_open_ended');
      case 'autoRenew':
        return this.i18n.t(v ? 'agp_yes' : 'agp_no');
      case 'noticeDays':
        return this.i18n.number(Number(v));
      case 'directionIds': {
        const byId = new Map(this.directions().map((d) => [d.id, d.name]));
        return ((v as string[] | undefined) ?? []).map((id) => byId.get(id) ?? id).join(', ');
      }
      case 'obligations':
        return ((v as { party: AgreementParty; text: string }[] | undefined) ?? [])
          .map((o) => `${this.partyLabel(o.party)}: ${o.text}`)
          .join('; ');
      default:
        return String(v ?? '');
    }
  }

  /** The changed terms of an amendment: before and after once in force, the new value while pending. */
  protected changes(a: AmendmentResponse): ChangeLine[] {
    return AMENDABLE_FIELDS.filter((f) => f in a.changes).map((f) => {
      const field = this.fieldLabel(f);
      const after = this.value(f, a.changes[f]);
      return {
        field: f,
        text:
          a.previous && f in a.previous
            ? this.i18n.t('agp_am_change_line', { field, before: this.value(f, a.previous[f]), after })
            : this.i18n.t('agp_am_change_new', { field, after }),
      };
    });
  }

  protected signedOn(a: AmendmentResponse, party: AgreementParty): string | null {
    return party === 'school' ? a.signedBySchoolOn : a.signedByPartnerOn;
  }

  protected canSign(a: AmendmentResponse, party: AgreementParty): boolean {
    const user = this.auth.user();
    return (
      a.state === 'pending' &&
      !this.signedOn(a, party) &&
      (AMENDABLE_STATUSES as readonly string[]).includes(this.agreement().status) &&
      !!user &&
      canSignFor(user, this.agreement(), party)
    );
  }

  protected openForm(): void {
    const a = this.agreement();
    this.effectiveOn.set(this.clock.todayIso());
    this.chosen.set(new Set());
    this.subject.set(a.subject);
    this.goal.set(a.goal);
    this.directionIds.set([...a.directionIds]);
    const lines = (p: AgreementParty) =>
      a.obligations
        .filter((o) => o.party === p)
        .map((o) => o.text)
        .join('\n');
    this.schoolObligations.set(lines('school'));
    this.partnerObligations.set(lines('partner'));
    this.endsOn.set(a.endsOn ?? '');
    this.autoRenew.set(a.autoRenew);
    this.noticeDays.set(a.noticeDays);
    this.formError.set(null);
    this.fieldErrors.set({});
    this.showForm.set(true);
  }

  protected toggle(f: AmendableField, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(f);
    else next.delete(f);
    this.chosen.set(next);
  }

  /** The changes of the ticked terms, as the API takes them. */
  private changeSet(): AgreementChanges {
    const c = this.chosen();
    const obligations = (p: AgreementParty, text: string) =>
      text
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t) => ({ party: p, text: t }));
    return {
      ...(c.has('subject') ? { subject: this.subject().trim() } : {}),
      ...(c.has('goal') ? { goal: this.goal().trim() } : {}),
      ...(c.has('directionIds') ? { directionIds: this.directionIds() } : {}),
      ...(c.has('obligations')
        ? {
            obligations: [
              ...obligations('school', this.schoolObligations()),
              ...obligations('partner', this.partnerObligations()),
            ],
          }
        : {}),
      ...(c.has('endsOn') ? { endsOn: this.endsOn() || null } : {}),
      ...(c.has('autoRenew') ? { autoRenew: this.autoRenew() } : {}),
      ...(c.has('noticeDays') ? { noticeDays: Number(this.noticeDays()) } : {}),
    };
  }

  protected create(): void {
    if (this.busy()) return;
    this.formError.set(null);
    this.fieldErrors.set({});
    if (this.chosen().size === 0) return this.formError.set(this.i18n.t('agp_am_nothing'));
    const form = this.ngForm();
    if (form?.invalid) {
      form.form.markAllAsTouched();
      return this.formError.set(this.i18n.t('err_invalid_form'));
    }
    const a = this.agreement();
    this.busy.set(true);
    this.data.createAmendment(a.id, { effectiveOn: this.effectiveOn(), changes: this.changeSet() }).subscribe({
      next: (m) => {
        this.busy.set(false);
        this.showForm.set(false);
        this.notify.done(this.i18n.t('agp_am_created_toast', { number: m.number }));
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        // a refusal is shown once: under the term it names, else above the form
        const shown = describeError(e, this.i18n);
        const known = Object.keys(shown.fields).filter((f) => f === 'effectiveOn' || f.startsWith('changes.'));
        if (known.length && known.length === Object.keys(shown.fields).length) this.fieldErrors.set(shown.fields);
        else this.formError.set([shown.message, ...Object.values(shown.fields)].join(' '));
      },
    });
  }

  protected sign(m: AmendmentResponse, party: AgreementParty): void {
    const today = this.clock.todayIso();
    this.ask({
      title: this.i18n.t(party === 'school' ? 'agr_sign_school' : 'agr_sign_partner'),
      message: this.i18n.t(party === 'school' ? 'agp_am_sign_confirm_school' : 'agp_am_sign_confirm_partner', {
        number: m.number,
      }),
      confirm: this.i18n.t('agp_sign'),
      date: { label: this.i18n.t('agp_signed_on'), value: today, max: today },
    }).subscribe((r) =>
      this.run(this.data.signAmendment(this.agreement().id, m.number, { party, signedOn: r.date }), (res) => {
        this.notify.done(this.i18n.t('agp_am_signed_toast', { number: m.number }));
        if (res.amendment.state === 'in_force') this.amended.emit();
      }),
    );
  }

  protected remove(m: AmendmentResponse): void {
    this.ask({
      title: this.i18n.t('agp_am_delete'),
      message: this.i18n.t('agp_am_delete_confirm', { number: m.number }),
      confirm: this.i18n.t('agp_am_delete'),
      danger: true,
    }).subscribe(() =>
      this.run(this.data.deleteAmendment(this.agreement().id, m.number), () =>
        this.notify.done(this.i18n.t('agp_am_deleted_toast', { number: m.number })),
      ),
    );
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
      error: (e: unknown) => {
        this.busy.set(false);
        this.actionError.set(describeError(e, this.i18n).message);
      },
    });
  }
}
