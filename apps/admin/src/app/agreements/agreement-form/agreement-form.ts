import type { AgreementResponse, CreateAgreementRequest } from '@socium/contracts';
import { AGREEMENT_KINDS, AGREEMENT_PARTIES, MAX_NOTICE_DAYS, type AgreementParty } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';

import { describeError, showOnForm } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { AgreementsData } from '../../data-access/agreements.data';
import { OrganisationsData } from '../../data-access/organisations.data';
import { changedFields, showPlain } from '../../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../../ui/conflict/conflict';
import { ConflictPanel } from '../../ui/conflict/conflict-panel';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { NumberInput } from '../../ui/number-input';
import { dateError, numberError } from '../../ui/refusal/form-refusal';

/** The form's values of a stored draft. */
const agreementFormValue = (a: AgreementResponse) => ({
  number: a.number,
  kind: a.kind,
  schoolId: a.schoolId,
  partnerId: a.partnerId,
  subject: a.subject,
  goal: a.goal,
  directionIds: [...a.directionIds],
  obligations: a.obligations.map((o) => ({ party: o.party, text: o.text })),
  startsOn: a.startsOn,
  endsOn: a.endsOn ?? '',
  autoRenew: a.autoRenew,
  noticeDays: a.noticeDays,
});

/**
 * A new agreement, or a draft edited (`/agreements/:id/edit`, sent with its `version`): parties, subject, goal,
 * directions, obligations of each party, term and renewal.
 */
@Component({
  selector: 'admin-agreement-form',
  providers: [provideIsoDates()],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ConflictPanel,
    NumberInput,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreement-form.html',
  styleUrl: './agreement-form.scss',
})
export class AgreementForm {
  private readonly agreements = inject(AgreementsData);
  private readonly organisations = inject(OrganisationsData);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly kinds = AGREEMENT_KINDS;
  protected readonly parties = AGREEMENT_PARTIES;
  protected readonly maxNoticeDays = MAX_NOTICE_DAYS;

  /** the agreement's id when a draft is edited (from the route), else undefined */
  readonly id = input<string | undefined>(undefined);
  /** the draft being edited, as loaded */
  protected readonly editing = signal<AgreementResponse | null>(null);
  protected readonly loadError = signal<string | null>(null);
  /** the draft changed under the user (`409 version.stale`): what changed, reload or overwrite */
  protected readonly conflict = new VersionConflict<AgreementResponse>();
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly isSchoolUser = computed(() => this.auth.user()?.role === 'school_admin');

  protected readonly schools = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'school'),
    { initialValue: [] },
  );
  protected readonly partners = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    { initialValue: [] },
  );
  protected readonly directions = toSignal(this.organisations.directions(), { initialValue: [] });

  protected readonly form = this.fb.group({
    number: ['', [Validators.required, Validators.maxLength(60)]],
    kind: this.fb.control<CreateAgreementRequest['kind']>('cooperation', Validators.required),
    schoolId: [
      this.auth.user()?.role === 'school_admin' ? (this.auth.user()?.organisationId ?? '') : '',
      Validators.required,
    ],
    partnerId: ['', Validators.required],
    subject: [''],
    goal: [''],
    directionIds: this.fb.control<string[]>([]),
    obligations: this.fb.array([this.obligation('school'), this.obligation('partner')]),
    startsOn: [inject(AdminClock).todayIso(), Validators.required],
    endsOn: [''],
    autoRenew: [false],
    noticeDays: [30, Validators.required], // its bounds are the field's (`NumberInput`)
  });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.load(id));
    });
  }

  /** Loads the draft into the form (again after a 409, dropping the user's changes). */
  protected load(id = this.id()): void {
    if (!id) return;
    this.loadError.set(null);
    this.agreements.get(id).subscribe({
      next: (a) => {
        this.fill(a);
      },
      error: (e: unknown) => this.loadError.set(describeError(e, this.i18n).message),
    });
  }

  /** Puts a stored draft into the form. */
  private fill(a: AgreementResponse): void {
    this.editing.set(a);
    this.form.controls.obligations.clear();
    for (const o of a.obligations) this.form.controls.obligations.push(this.obligation(o.party, o.text));
    this.form.reset(agreementFormValue(a));
  }

  /** `409 version.stale`: reads the stored draft and shows where the user's values differ; the edits stay. */
  private showConflict(id: string): void {
    this.busy.set(true);
    this.agreements.get(id).subscribe({
      next: (a) => {
        this.busy.set(false);
        const orgName = (oid: unknown) =>
          [...this.schools(), ...this.partners()].find((o) => o.id === oid)?.shortName ?? showPlain('', oid);
        const show = (field: string, v: unknown): string => {
          if (field === 'kind') return this.i18n.label('agreementKind', v as AgreementResponse['kind']);
          if (field === 'schoolId' || field === 'partnerId') return orgName(v);
          if (field === 'autoRenew') return this.i18n.t(v ? 'yes' : 'no');
          if (field === 'directionIds')
            return showPlain(
              field,
              (v as string[]).map((d) => this.directions().find((x) => x.id === d)?.name ?? d),
            );
          if (field === 'obligations')
            return (v as { party: AgreementParty; text: string }[])
              .map((o) => `${this.partyLabel(o.party)}: ${o.text.trim()}`)
              .join('; ');
          return showPlain(field, v);
        };
        const labels = {
          number: this.i18n.t('agr_number'),
          kind: this.i18n.t('agr_kind'),
          schoolId: this.i18n.t('agr_school'),
          partnerId: this.i18n.t('agr_partner'),
          subject: this.i18n.t('agr_subject'),
          goal: this.i18n.t('agr_goal'),
          directionIds: this.i18n.t('agr_directions'),
          obligations: this.i18n.t('agr_obligations'),
          startsOn: this.i18n.t('agr_start_date'),
          endsOn: this.i18n.t('agr_end_date'),
          noticeDays: this.i18n.t('agr_notice_period'),
          autoRenew: this.i18n.t('agr_auto_renewal'),
        };
        const mine = { ...this.form.getRawValue(), noticeDays: Number(this.form.getRawValue().noticeDays) };
        this.conflict.show(a, changedFields(mine, agreementFormValue(a), labels, show));
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.formError.set(describeError(e, this.i18n).message);
      },
    });
  }

  /** Takes the stored draft: the user's edits give way. */
  protected conflictReload(): void {
    const a = this.conflict.take();
    if (a) this.fill(a);
  }

  /** Sends the user's values again with the stored draft's version, knowingly over the other change. */
  protected conflictOverwrite(): void {
    const a = this.conflict.take();
    if (!a) return;
    this.editing.set(a);
    this.submit();
  }

  /** Where «Back» and «Cancel» lead: the agreement when editing, else the list. */
  protected readonly backLink = computed(() => (this.id() ? `/agreements/${this.id()}` : '/agreements'));

  protected get obligations(): FormArray {
    return this.form.controls.obligations;
  }

  private obligation(party: AgreementParty, text = '') {
    return this.fb.group({ party: this.fb.control<AgreementParty>(party), text: [text, Validators.required] });
  }

  protected addObligation(party: AgreementParty): void {
    this.form.controls.obligations.push(this.obligation(party));
  }
  protected removeObligation(i: number): void {
    this.form.controls.obligations.removeAt(i);
  }
  protected partyLabel(party: AgreementParty): string {
    return this.i18n.t(party === 'school' ? 'agr_party_school' : 'agr_party_partner');
  }

  /** The message to show under a control: the server's word first, then the local check. */
  protected errorOf(control: AbstractControl | null): string | null {
    if (!control || !control.errors) return null;
    if (control.errors['server']) return control.errors['server'] as string;
    const date = dateError(control, this.i18n);
    if (date) return date;
    const number = numberError(control, this.i18n);
    if (number) return number;
    if (control.errors['required']) return this.i18n.t('required');
    return this.i18n.t('err_field_invalid', { detail: Object.keys(control.errors).join(', ') });
  }

  protected submit(): void {
    if (this.id() && !this.editing()) return;
    this.formError.set(null);
    this.conflict.clear();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.i18n.t('err_invalid_form'));
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateAgreementRequest = {
      number: v.number.trim(),
      kind: v.kind,
      schoolId: v.schoolId,
      partnerId: v.partnerId,
      subject: v.subject,
      goal: v.goal,
      directionIds: v.directionIds,
      obligations: v.obligations.map((o) => ({ party: o.party, text: o.text })),
      startsOn: v.startsOn,
      endsOn: v.endsOn || null,
      autoRenew: v.autoRenew,
      noticeDays: Number(v.noticeDays),
    };
    this.busy.set(true);
    const editing = this.editing();
    const save = editing
      ? this.agreements.update(editing.id, { ...body, version: editing.version })
      : this.agreements.create(body);
    save.subscribe({
      next: (a) => {
        this.busy.set(false);
        this.notify.done(this.i18n.t(editing ? 'agp_saved_toast' : 'agr_created_toast', { number: a.number }));
        void this.router.navigateByUrl(`/agreements/${a.id}`);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        if (editing && isStale(e)) this.showConflict(editing.id);
        else this.formError.set(showOnForm(this.form, e, this.i18n));
      },
    });
  }
}
