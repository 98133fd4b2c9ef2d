import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import {
  AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { switchMap, tap } from 'rxjs';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { SessionData } from '../data-access/session.data';
import { fieldError, showRefusal } from '../ui/refusal/form-refusal';

/** The repeated new password must equal the new one. */
export function samePassword(group: AbstractControl): ValidationErrors | null {
  const repeat = group.get('repeat');
  if (!repeat || !repeat.value) return null;
  const mismatch = group.get('newPassword')?.value !== repeat.value;
  repeat.setErrors(mismatch ? { ...(repeat.errors ?? {}), mismatch: true } : null);
  return null;
}

/**
 * «Сменить пароль» for every user: the current password, the new one twice. The server ends every session of the
 * user, so the panel logs in again with the new password at once (or sends the user to the log-in page).
 */
@Component({
  selector: 'admin-change-password',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ i18n.t('pwd_title') }}</h1>
      <p class="muted">{{ i18n.t('pwd_hint', { count: 10 }) }}</p>
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" data-testid="pwd-form" novalidate>
        @if (banner(); as b) {
          <p class="error-banner wide" role="alert" data-testid="pwd-error">{{ b }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>{{ i18n.t('pwd_current') }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="currentPassword"
            autocomplete="current-password"
            data-testid="pwd-current"
            required
          />
          @if (err('currentPassword'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('pwd_new') }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="newPassword"
            autocomplete="new-password"
            data-testid="pwd-new"
            required
          />
          @if (err('newPassword'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('pwd_repeat') }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="repeat"
            autocomplete="new-password"
            data-testid="pwd-repeat"
            required
          />
          @if (err('repeat'); as m) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <p class="wide">
          <button mat-flat-button type="submit" [disabled]="saving()" data-testid="pwd-save">
            {{ i18n.t('pwd_save') }}
          </button>
        </p>
      </form>
    </section>
  `,
})
export class ChangePassword {
  private readonly session = inject(SessionData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(200)]],
      repeat: ['', Validators.required],
    },
    { validators: samePassword },
  );
  protected readonly err = (name: keyof typeof this.form.controls): string | null =>
    fieldError(this.form.controls[name], this.i18n);

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const email = this.auth.user()?.email;
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.banner.set(null);
    let changed = false;
    this.session
      .changePassword({ currentPassword, newPassword })
      .pipe(
        tap(() => (changed = true)),
        switchMap(() => this.auth.login(email ?? '', newPassword)),
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          // a fresh form: no "fill in this field" under the emptied fields
          this.formDirective()?.resetForm();
          this.notify.done(this.i18n.t('pwd_changed'));
        },
        error: (e: unknown) => {
          this.saving.set(false);
          if (!changed) {
            const r = showRefusal(this.form, e, this.i18n, { 'auth.password.wrong-current': 'pwd_err_wrong_current' });
            this.banner.set(r.banner);
          } else {
            // changed, but the new log-in failed: the old session is gone
            this.auth.clear();
            this.notify.done(this.i18n.t('pwd_changed_login'));
            void this.router.navigateByUrl('/login');
          }
        },
      });
  }
}
