import type { OrganisationResponse, UserResponse } from '@socium/contracts';
import { ROLES, type OrganisationKind, type Role } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';

import { describeError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { OrganisationsData } from '../data-access/organisations.data';
import { UsersData } from '../data-access/users.data';
import { changedFields, showPlain } from '../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../ui/conflict/conflict';
import { ConflictPanel } from '../ui/conflict/conflict-panel';
import { fieldError, showRefusal, type RuleWords } from '../ui/refusal/form-refusal';

/** The organisation kind each role belongs to (the API's rule `user.role.organisation-mismatch`). */
export const ROLE_KIND: Readonly<Record<Role, OrganisationKind>> = {
  coordinator: 'department',
  school_admin: 'school',
  partner_rep: 'partner',
};

/** The shortest password the API accepts. */
export const MIN_PASSWORD = 10;

/** The profile form's values of a stored account (an existing account keeps its password: none is typed). */
const userFormValue = (u: UserResponse) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  organisationId: u.organisationId,
  password: '',
});

export const USER_RULES: RuleWords = {
  'user.email.taken': 'usr_err_email_taken',
  'user.organisation.not-found': 'usr_err_org_not_found',
  'user.role.organisation-mismatch': 'usr_err_role_org',
  'user.disable.self': 'usr_err_disable_self',
};

/**
 * «Новый пользователь» and an account's page (coordinator): e-mail, name, role, organisation, the first password;
 * later a new password set by the coordinator (told to the user in person), disable and enable.
 */
@Component({
  selector: 'admin-user-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ConflictPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.html',
})
export class UserForm {
  private readonly users = inject(UsersData);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  private readonly me = inject(AuthService).user;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);

  /** the account (route `users/:id`); none for a new one */
  readonly id = input<string | undefined>();
  /** `?organisationId=` from an organisation's page: the new user's organisation */
  readonly organisationId = input<string | undefined>();

  protected readonly roles = ROLES;
  protected readonly user = signal<UserResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly conflict = new VersionConflict<UserResponse>();
  protected readonly passwordBanner = signal<string | null>(null);
  protected readonly editing = computed(() => !!this.id());
  protected readonly isMe = computed(() => !!this.user() && this.user()?.id === this.me()?.id);

  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(200)]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    role: ['school_admin' as Role, Validators.required],
    organisationId: ['', Validators.required],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD), Validators.maxLength(200)]],
  });
  protected readonly passwordForm = this.fb.group({
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD), Validators.maxLength(200)]],
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  private readonly allOrganisations = toSignal(
    inject(OrganisationsData).organisationsWhere(() => true),
    {
      initialValue: [] as OrganisationResponse[],
    },
  );
  /** the organisations the chosen role may belong to */
  protected readonly organisations = computed(() =>
    this.allOrganisations().filter((o) => o.kind === ROLE_KIND[this.role()]),
  );
  protected readonly err = (name: keyof typeof this.form.controls): string | null =>
    fieldError(this.form.controls[name], this.i18n);
  protected readonly passwordErr = (): string | null => fieldError(this.passwordForm.controls.password, this.i18n);

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.load(id));
    });
    // a new user for an organisation's page: its role follows the organisation's kind
    effect(() => {
      const orgId = this.organisationId();
      const org = this.allOrganisations().find((o) => o.id === orgId);
      if (!org || this.editing()) return;
      const role = ROLES.find((r) => ROLE_KIND[r] === org.kind);
      untracked(() => {
        if (role) this.form.controls.role.setValue(role);
        this.form.controls.organisationId.setValue(org.id);
      });
    });
    // another role: an organisation of the wrong kind is cleared
    this.form.controls.role.valueChanges.subscribe((r) => {
      const org = this.allOrganisations().find((o) => o.id === this.form.controls.organisationId.value);
      if (org && org.kind !== ROLE_KIND[r]) this.form.controls.organisationId.setValue('');
    });
  }

  protected roleName(r: Role): string {
    return this.i18n.t(`role_${r}`);
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.users.user(id).subscribe({
      next: (u) => this.show(u),
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(describeError(e, this.i18n).message);
      },
    });
  }

  private show(u: UserResponse): void {
    this.user.set(u);
    this.form.reset(userFormValue(u));
    // an existing account keeps its password; a new one is set below
    this.form.controls.password.disable();
    this.loading.set(false);
    this.banner.set(null);
    this.stale.set(false);
  }

  protected reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.banner.set(null);
    this.stale.set(false);
    this.conflict.clear();
    const v = this.form.getRawValue();
    const fields = { email: v.email.trim(), name: v.name.trim(), role: v.role, organisationId: v.organisationId };
    const u = this.user();
    const call = u
      ? this.users.update(u.id, { ...fields, version: u.version })
      : this.users.create({ ...fields, password: v.password });
    call.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.notify.done(this.i18n.t(u ? 'usr_saved' : 'usr_created', { name: saved.name }));
        if (u) this.show(saved);
        else void this.router.navigate(['/users', saved.id]);
      },
      error: (e: unknown) => (u && isStale(e) ? this.showConflict(u.id) : this.refused(e)),
    });
  }

  /** `409 version.stale` on save: reads the stored account and shows where the user's values differ; edits stay. */
  private showConflict(id: string): void {
    this.users.user(id).subscribe({
      next: (stored) => {
        this.saving.set(false);
        const orgName = (oid: unknown) =>
          this.allOrganisations().find((o) => o.id === oid)?.shortName ?? showPlain('', oid);
        const show = (field: string, v: unknown): string =>
          field === 'role' ? this.roleName(v as Role) : field === 'organisationId' ? orgName(v) : showPlain(field, v);
        const labels = {
          email: this.i18n.t('email'),
          name: this.i18n.t('usr_name'),
          role: this.i18n.t('usr_role'),
          organisationId: this.i18n.t('usr_organisation'),
        };
        this.conflict.show(stored, changedFields(this.form.getRawValue(), userFormValue(stored), labels, show));
      },
      error: (e: unknown) => this.refused(e),
    });
  }

  /** Takes the stored account: the user's edits give way. */
  protected conflictReload(): void {
    const stored = this.conflict.take();
    if (stored) this.show(stored);
  }

  /** Sends the user's values again with the stored account's version, knowingly over the other change. */
  protected conflictOverwrite(): void {
    const stored = this.conflict.take();
    if (!stored) return;
    this.user.set(stored);
    this.save();
  }

  private refused(e: unknown): void {
    this.saving.set(false);
    const r = showRefusal(this.form, e, this.i18n, USER_RULES);
    this.banner.set(r.banner);
    this.stale.set(r.stale);
  }

  /** Disables or enables the account. */
  protected toggle(): void {
    const u = this.user();
    if (!u || this.saving()) return;
    this.saving.set(true);
    this.banner.set(null);
    this.users.update(u.id, { version: u.version, disabled: !u.disabled }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.notify.done(this.i18n.t(saved.disabled ? 'usr_disabled_toast' : 'usr_enabled_toast', { name: u.name }));
        this.show(saved);
      },
      error: (e: unknown) => this.refused(e),
    });
  }

  /** Sets a new password chosen by the coordinator; the user's sessions end and they log in with it. */
  protected setPassword(): void {
    const u = this.user();
    this.passwordForm.markAllAsTouched();
    if (!u || this.passwordForm.invalid || this.saving()) return;
    this.saving.set(true);
    this.passwordBanner.set(null);
    this.users.update(u.id, { version: u.version, password: this.passwordForm.controls.password.value }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.passwordForm.reset({ password: '' });
        this.notify.done(this.i18n.t('usr_password_set', { name: u.name }), 8000);
        this.show(saved);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const r = showRefusal(this.passwordForm, e, this.i18n, USER_RULES);
        this.passwordBanner.set(r.banner);
        this.stale.set(r.stale);
      },
    });
  }
}
