import type { CreateOrganisationRequest, OrganisationResponse } from '@socium/contracts';
import {
  LANGUAGES,
  ORGANISATION_KINDS,
  PARTNER_TYPES,
  PROFMINIMUM_LEVELS,
  STANDARD_TERM_SCHEMES,
  type Language,
  type OrganisationKind,
  type PartnerType,
  type ProfminimumLevel,
  type StandardTermScheme,
} from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';

import { describeError } from '../core/api-error';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { Notify } from '../core/notify';
import { OrganisationsData } from '../data-access/organisations.data';
import { changedFields, showPlain } from '../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../ui/conflict/conflict';
import { ConflictPanel } from '../ui/conflict/conflict-panel';
import { provideIsoDates } from '../ui/date-input/provide-iso-dates';
import { timeOfDay } from '../ui/date-input/time';
import { fieldError, showRefusal, type RuleWords } from '../ui/refusal/form-refusal';

/** The slug pattern of the API: lowercase latin letters, digits and single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ө: 'o',
  ү: 'u',
  җ: 'zh',
  ң: 'n',
  һ: 'h',
};

/** A slug suggested from a name: «РДК Уруссу» → `rdk-urussu`. */
export function suggestSlug(name: string): string {
  return [...name.toLowerCase()]
    .map((c) => CYRILLIC[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The panel's words for the refusals of this form. */
export const ORGANISATION_RULES: RuleWords = {
  'organisation.slug.taken': 'org_err_slug_taken',
  'organisation.partner-type.required': 'org_err_partner_type_required',
  'organisation.partner-type.only-partners': 'org_err_partner_type_only',
  'organisation.lesson-hours.invalid': 'org_err_lessons_invalid',
  'organisation.lesson-hours.only-schools': 'org_err_lessons_only_schools',
};

/** The form's values of a stored organisation. */
export function formValueOf(o: OrganisationResponse) {
  return {
    kind: o.kind,
    name: o.name,
    shortName: o.shortName,
    slug: o.slug,
    partnerType: o.partnerType,
    address: o.address ?? '',
    site: o.site ?? '',
    isPublished: o.isPublished,
    lessonsStartAt: o.lessonsStartAt,
    vettingValidUntil: o.vettingValidUntil ?? '',
    lessonsEndAt: o.lessonsEndAt,
    termScheme: o.termScheme,
    profminimumLevel: o.profminimumLevel,
    language: o.language ?? null,
    contacts: o.contacts.map((c) => ({ role: c.role, phone: c.phone ?? '', email: c.email ?? '' })),
  };
}

/** A contact row of the form: a role (never a private person), a phone and an e-mail. */
export type ContactValue = { role: string; phone: string; email: string };
type ContactControls = { [K in keyof ContactValue]: FormControl<string> };

/** «Новая организация» and its edit: kind, names, address for the public pages, partner type, lesson hours. */
@Component({
  selector: 'admin-organisation-form',
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
    MatProgressBarModule,
    MatSelectModule,
    ConflictPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation-form.html',
  styles: `
    .contacts {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 16px 16px;
      margin: 8px 0;
      min-width: 0;
    }
    .contact {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .contact mat-form-field {
      flex: 1 1 180px;
      min-width: 0;
    }
    .contact button {
      margin-top: 8px;
    }
  `,
})
export class OrganisationForm {
  private readonly organisations = inject(OrganisationsData);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  /** the organisation being edited (route `organisations/:id/edit`); none for a new one */
  readonly id = input<string | undefined>();

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly partnerTypes = PARTNER_TYPES;
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly conflict = new VersionConflict<OrganisationResponse>();
  private readonly record = signal<OrganisationResponse | null>(null);
  /** the user typed a slug of their own: stop suggesting one from the short name */
  private slugTouched = false;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    kind: ['partner' as OrganisationKind, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(300)]],
    shortName: ['', [Validators.required, Validators.maxLength(120)]],
    slug: ['', [Validators.required, Validators.maxLength(80), Validators.pattern(SLUG_PATTERN)]],
    partnerType: [null as PartnerType | null],
    address: ['', Validators.maxLength(300)],
    site: ['', Validators.maxLength(300)],
    isPublished: [true],
    lessonsStartAt: ['08:00', timeOfDay],
    lessonsEndAt: ['14:30', timeOfDay],
    vettingValidUntil: [''],
    termScheme: ['quarters' as StandardTermScheme],
    profminimumLevel: [null as ProfminimumLevel | null],
    language: [null as Language | null],
    contacts: this.fb.array<FormGroup<ContactControls>>([]),
  });
  protected readonly termSchemes = STANDARD_TERM_SCHEMES;
  protected readonly profminimumLevels = PROFMINIMUM_LEVELS;
  protected readonly languages = LANGUAGES;
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });
  protected readonly editing = computed(() => !!this.id());
  protected readonly err = (name: keyof typeof this.form.controls): string | null =>
    fieldError(this.form.controls[name], this.i18n);

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.load(id));
    });
    this.form.controls.shortName.valueChanges.subscribe((v) => {
      if (!this.editing() && !this.slugTouched) this.form.controls.slug.setValue(suggestSlug(v));
    });
  }

  protected slugEdited(): void {
    this.slugTouched = true;
  }

  /** Loads the record (again, after a stale save: the user's edits give way to what is stored now). */
  protected load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.organisations.organisation(id).subscribe({
      next: (o) => {
        this.record.set(o);
        this.fill(o);
        this.loading.set(false);
        this.banner.set(null);
        this.stale.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(describeError(e, this.i18n).message);
      },
    });
  }

  protected reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  /** `409 version.stale`: reads the stored record and shows where the user's values differ; the edits stay. */
  private showConflict(id: string): void {
    this.saving.set(true);
    this.organisations.organisation(id).subscribe({
      next: (o) => {
        this.saving.set(false);
        const show = (field: string, v: unknown): string =>
          field === 'kind' && v
            ? this.i18n.label('organisationKind', v as OrganisationKind)
            : field === 'partnerType' && v
              ? this.i18n.label('partnerType', v as PartnerType)
              : field === 'isPublished'
                ? this.i18n.t(v ? 'yes' : 'no')
                : field === 'termScheme' && v
                  ? this.schemeLabel(v as StandardTermScheme)
                  : field === 'profminimumLevel'
                    ? this.i18n.t(`org_profminimum_${(v as string | null) ?? 'none'}` as MessageKey)
                    : field === 'language'
                      ? v
                        ? this.i18n.label('language', v as Language)
                        : this.i18n.t('org_mail_language_default')
                      : field === 'contacts'
                        ? (v as ContactValue[])
                            .map((c) => [c.role, c.phone, c.email].filter(Boolean).join(' '))
                            .join('; ')
                        : showPlain(field, v);
        const labels = {
          kind: this.i18n.t('org_kind'),
          name: this.i18n.t('org_full_name'),
          shortName: this.i18n.t('org_short_name'),
          slug: this.i18n.t('org_slug'),
          partnerType: this.i18n.t('org_partner_type'),
          address: this.i18n.t('org_address'),
          site: this.i18n.t('org_site'),
          isPublished: this.i18n.t('org_published_check'),
          lessonsStartAt: this.i18n.t('org_lessons_start'),
          lessonsEndAt: this.i18n.t('org_lessons_end'),
          vettingValidUntil: this.i18n.t('org_vetting'),
          termScheme: this.i18n.t('cal_scheme'),
          profminimumLevel: this.i18n.t('org_profminimum'),
          contacts: this.i18n.t('org_contacts'),
          language: this.i18n.t('org_mail_language'),
        };
        this.conflict.show(o, changedFields(this.form.getRawValue(), formValueOf(o), labels, show));
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.banner.set(describeError(e, this.i18n).message);
      },
    });
  }

  /** Puts a stored organisation into the form, a row per contact. */
  private fill(o: OrganisationResponse): void {
    const value = formValueOf(o);
    this.form.controls.contacts.clear();
    for (const c of value.contacts) this.form.controls.contacts.push(this.contactGroup(c));
    this.form.reset(value);
  }

  private contactGroup(c: ContactValue = { role: '', phone: '', email: '' }): FormGroup<ContactControls> {
    return this.fb.group({
      role: [c.role, [Validators.required, Validators.maxLength(120)]],
      phone: [c.phone, Validators.maxLength(40)],
      email: [c.email, [Validators.email, Validators.maxLength(200)]],
    });
  }

  protected addContact(): void {
    this.form.controls.contacts.push(this.contactGroup());
  }

  protected removeContact(i: number): void {
    this.form.controls.contacts.removeAt(i);
  }

  protected contactError(i: number, name: keyof ContactControls): string | null {
    return fieldError(this.form.controls.contacts.at(i).controls[name], this.i18n);
  }

  protected schemeLabel(kind: StandardTermScheme): string {
    return this.i18n.t(`cal_scheme_${kind}` as MessageKey);
  }

  /** Takes the stored record: the user's edits give way. */
  protected conflictReload(): void {
    const o = this.conflict.take();
    if (!o) return;
    this.record.set(o);
    this.fill(o);
  }

  /** Sends the user's values again with the stored record's version, knowingly over the other change. */
  protected conflictOverwrite(): void {
    const o = this.conflict.take();
    if (!o) return;
    this.record.set(o);
    this.save();
  }

  /** The body: every field of the form; lesson hours only for a school, a partner type only for a partner. */
  protected body(): CreateOrganisationRequest {
    const v = this.form.getRawValue();
    return {
      kind: v.kind,
      name: v.name.trim(),
      shortName: v.shortName.trim(),
      slug: v.slug.trim(),
      partnerType: v.kind === 'partner' ? v.partnerType : null,
      address: v.address.trim() || null,
      site: v.site.trim() || null,
      isPublished: v.isPublished,
      language: v.language,
      contacts: v.contacts.map((c) => ({
        role: c.role.trim(),
        ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
        ...(c.email.trim() ? { email: c.email.trim() } : {}),
      })),
      ...(v.kind === 'school'
        ? {
            lessonsStartAt: v.lessonsStartAt,
            lessonsEndAt: v.lessonsEndAt,
            termScheme: v.termScheme,
            profminimumLevel: v.profminimumLevel,
          }
        : {}),
      ...(v.kind === 'partner' ? { vettingValidUntil: v.vettingValidUntil || null } : {}),
    };
  }

  protected save(): void {
    this.form.markAllAsTouched();
    // the partner type's select (and its required check) is only there for a partner: a school loaded into a form
    // that started as a partner's keeps the error the select left on the control
    if (this.kind() !== 'partner') this.form.controls.partnerType.setErrors(null);
    if (this.kind() === 'partner' && !this.form.controls.partnerType.value) {
      this.form.controls.partnerType.setErrors({ required: true });
    }
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.banner.set(null);
    this.stale.set(false);
    this.conflict.clear();
    const record = this.record();
    const call = record
      ? this.organisations.update(record.id, { ...this.body(), version: record.version })
      : this.organisations.create(this.body());
    call.subscribe({
      next: (o) => {
        this.saving.set(false);
        this.notify.done(this.i18n.t(record ? 'org_saved' : 'org_created', { name: o.shortName }));
        void this.router.navigate(['/organisations', o.id]);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        if (record && isStale(e)) return this.showConflict(record.id);
        const r = showRefusal(this.form, e, this.i18n, ORGANISATION_RULES);
        this.banner.set(r.banner);
        this.stale.set(r.stale);
      },
    });
  }
}
