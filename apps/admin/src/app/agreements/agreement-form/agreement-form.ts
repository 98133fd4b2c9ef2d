import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { catchError, of } from 'rxjs';

import type { CreateAgreementRequest, OrganisationResponse } from '@socium/contracts';

import { ApiService } from '../../core/api.service';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { AGREEMENT_KIND_FILTERS, todayIso } from '../agreements-list/agreements-list';

type Party = 'school' | 'partner';

/** A new agreement: parties, subject, goal, directions, obligations of each party, term and renewal. */
@Component({
  selector: 'admin-agreement-form',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreement-form.html',
  styleUrl: './agreement-form.scss',
})
export class AgreementForm {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly kinds = AGREEMENT_KIND_FILTERS;
  protected readonly parties: Party[] = ['school', 'partner'];

  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly isSchoolUser = computed(() => this.auth.user()?.role === 'school_admin');

  private readonly orgs = toSignal(this.api.organisations().pipe(catchError(() => of([] as OrganisationResponse[]))), { initialValue: [] });
  protected readonly schools = computed(() => this.orgs().filter((o) => o.kind === 'school'));
  protected readonly partners = computed(() => this.orgs().filter((o) => o.kind === 'partner'));
  protected readonly directions = toSignal(this.api.directions().pipe(catchError(() => of([]))), { initialValue: [] });

  protected readonly form = this.fb.group({
    number: ['', [Validators.required, Validators.maxLength(60)]],
    kind: this.fb.control<CreateAgreementRequest['kind']>('cooperation', Validators.required),
    schoolId: [this.auth.user()?.role === 'school_admin' ? (this.auth.user()?.organisationId ?? '') : '', Validators.required],
    partnerId: ['', Validators.required],
    subject: [''],
    goal: [''],
    directionIds: this.fb.control<string[]>([]),
    obligations: this.fb.array([this.obligation('school'), this.obligation('partner')]),
    startsOn: [todayIso(), Validators.required],
    endsOn: [''],
    autoRenew: [false],
    noticeDays: [30, [Validators.min(0), Validators.max(365)]],
  });

  protected get obligations(): FormArray {
    return this.form.controls.obligations;
  }

  private obligation(party: Party) {
    return this.fb.group({ party: this.fb.control<Party>(party), text: ['', Validators.required] });
  }

  protected addObligation(party: Party): void {
    this.form.controls.obligations.push(this.obligation(party));
  }
  protected removeObligation(i: number): void {
    this.form.controls.obligations.removeAt(i);
  }
  protected kindLabel(kind: string): string {
    return this.i18n.t(`agr_kind_${kind}` as MessageKey);
  }
  protected partyLabel(party: Party): string {
    return this.i18n.t(party === 'school' ? 'agr_party_school' : 'agr_party_partner');
  }

  /** The message to show under a control: the server's word first, then the local check. */
  protected errorOf(control: AbstractControl | null): string | null {
    if (!control || !control.errors) return null;
    if (control.errors['server']) return control.errors['server'] as string;
    if (control.errors['required']) return this.i18n.t('required');
    return this.i18n.t('err_field_invalid', { detail: Object.keys(control.errors).join(', ') });
  }

  protected submit(): void {
    this.formError.set(null);
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
    this.api.createAgreement(body).subscribe({
      next: (a) => {
        this.busy.set(false);
        this.snack.open(this.i18n.t('agr_created_toast', { number: a.number }), this.i18n.t('close'), { duration: 4000 });
        void this.router.navigateByUrl('/agreements');
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const shown = describeError(e, this.i18n);
        const unplaced: string[] = [];
        for (const [field, message] of Object.entries(shown.fields)) {
          const control = this.form.get(field);
          if (control) {
            control.setErrors({ ...(control.errors ?? {}), server: message });
            control.markAsTouched();
          } else {
            unplaced.push(message);
          }
        }
        this.formError.set([shown.message, ...unplaced].join(' '));
      },
    });
  }
}

