import type { PlacementContextResponse, PlacementResponse } from '@socium/contracts';
import { LocalDate, type Finding, type WorkDay } from '@socium/domain';

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';

import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { apiFailure } from '../../data-access/http';
import { organisationName, OrganisationsData } from '../../data-access/organisations.data';
import { PlacementsData } from '../../data-access/placements.data';
import { changedFields, showPlain, type ShowValue } from '../../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../../ui/conflict/conflict';
import { ConflictPanel } from '../../ui/conflict/conflict-panel';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { timeOfDay } from '../../ui/date-input/time';
import { NumberInput } from '../../ui/number-input';
import { dateError, fieldError } from '../../ui/refusal/form-refusal';
import {
  contextSpan,
  factsCover,
  findingText,
  liveAssessment,
  LOAD_MODES,
  PLACEMENT_CHANNELS,
  PLACEMENT_KINDS,
  STUDENT_SEXES,
  toPlacementInput,
  toRequest,
  WORK_DAYS,
  type PlacementFormValue,
} from '../live-check';

/** The state of the school calendar the live checks need. */
type Facts =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'ready'; facts: PlacementContextResponse };

/** A finding as the form shows it: its sentence in the panel's language and the field it names. */
export interface ShownFinding {
  rule: string;
  field: string | null;
  text: string;
}

/**
 * «Новое трудоустройство» and its edit: every field of `/placements`, with the Labour Code findings computed as the
 * user types by `@socium/domain` (the rules the server runs) over the school's calendar facts from
 * `GET /placements/context`. Hard breaches show as errors under their fields (the server refuses them with 422);
 * missing paperwork as warnings (the placement is saved blocked); values for manual review as notes.
 */
@Component({
  selector: 'admin-placement-form',
  providers: [provideIsoDates()],
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ConflictPanel,
    NumberInput,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './placement-form.html',
  styleUrl: './placement-form.scss',
})
export class PlacementForm {
  private readonly placements = inject(PlacementsData);
  private readonly notify = inject(Notify);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  private readonly organisations = inject(OrganisationsData);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  /** A number field's complaint (no number, out of bounds, missing) in the interface's language. */
  protected readonly numberError = (c: AbstractControl | null): string | null => (c ? fieldError(c, this.i18n) : null);

  /** the placement being edited (`placements/:id/edit`), or none for a new one */
  readonly id = input<string | undefined>(undefined);

  protected readonly channels = PLACEMENT_CHANNELS;
  protected readonly kinds = PLACEMENT_KINDS;
  protected readonly sexes = STUDENT_SEXES;
  protected readonly loadModes = LOAD_MODES;
  protected readonly days = WORK_DAYS;
  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly schools = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'school'),
    {
      initialValue: [],
    },
  );
  protected readonly employers = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    {
      initialValue: [],
    },
  );
  protected readonly orgName = organisationName;

  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  /** `409 version.stale`: what changed since the placement was opened; reload or overwrite */
  protected readonly versionConflict = new VersionConflict<PlacementResponse>();
  protected readonly loadingRecord = signal(false);
  protected readonly loadError = signal<string | null>(null);
  private version = 0;

  protected readonly form = this.fb.group({
    schoolId: [
      this.auth.user()?.role === 'school_admin' ? (this.auth.user()?.organisationId ?? '') : '',
      Validators.required,
    ],
    employerId: ['', Validators.required],
    channel: this.fb.control<PlacementFormValue['channel']>('employment_centre'),
    kind: this.fb.control<PlacementFormValue['kind']>('employment_contract'),
    jobTitle: ['', [Validators.required, Validators.maxLength(200)]],
    studentCode: ['', [Validators.required, Validators.pattern(/^[A-Za-z0-9-]{3,40}$/)]],
    studentBirthDate: ['', Validators.required],
    studentSex: this.fb.control<PlacementFormValue['studentSex']>('male'),
    startsOn: ['', Validators.required],
    endsOn: ['', Validators.required],
    workDays: this.fb.group({ mon: true, tue: true, wed: true, thu: true, fri: true, sat: false, sun: false }),
    shiftStartsAt: ['09:00', [Validators.required, timeOfDay]],
    shiftEndsAt: ['13:00', [Validators.required, timeOfDay]],
    // the hours' and the load's bounds are their fields' (`NumberInput`)
    hoursPerDay: this.fb.control<number | string | null>(4, Validators.required),
    hoursPerWeek: this.fb.control<number | string | null>(20, Validators.required),
    harmful: false,
    maxLoadKg: this.fb.control<number | string | null>(null),
    loadMode: this.fb.control<PlacementFormValue['loadMode']>('constant'),
    parentConsent: false,
    guardianshipConsent: false,
    weekendWorkConsent: false,
    medicalClearanceOn: '',
    hasGeneralEducation: false,
    orphan: false,
    studentDetachment: false,
    probationClause: false,
  });

  protected readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue() as PlacementFormValue),
    ),
    { requireSync: true },
  );
  /** the typed placement as the domain's input, or null while the schedule is incomplete */
  protected readonly input = computed(() => toPlacementInput(this.value()));

  /** The span of days whose calendar facts the checks need: the school and the academic years of the dates. */
  private readonly span = computed(() => {
    const v = this.value();
    const start = LocalDate.parse(v.startsOn);
    const end = LocalDate.parse(v.endsOn);
    if (!v.schoolId || !start.ok || !end.ok) return null;
    const span = contextSpan(start.value, end.value);
    return span ? { schoolId: v.schoolId, ...span } : null;
  });
  protected readonly facts = toSignal(
    toObservable(this.span).pipe(
      debounceTime(250),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      switchMap((q) =>
        q
          ? this.placements.context(q).pipe(
              map((facts): Facts => ({ state: 'ready', facts })),
              catchError(() => of<Facts>({ state: 'error' })),
              startWith<Facts>({ state: 'loading' }),
            )
          : of<Facts>({ state: 'idle' }),
      ),
    ),
    { initialValue: { state: 'idle' } as Facts },
  );

  /** The live assessment, once the schedule is typed and the school's calendar for its dates is known. */
  protected readonly assessment = computed(() => {
    const input = this.input();
    const f = this.facts();
    if (!input || f.state !== 'ready' || !factsCover(f.facts, input, this.value().schoolId)) return null;
    return liveAssessment(input, f.facts);
  });
  protected readonly checking = computed(() => !!this.input() && this.facts().state === 'loading');
  protected readonly calendarFailed = computed(() => this.facts().state === 'error');

  private readonly shown = (list: readonly Finding[]): ShownFinding[] =>
    list.map((f) => ({ rule: f.rule, field: f.field ?? null, text: findingText(f, this.i18n.lang()) }));
  protected readonly hard = computed(() => this.shown(this.assessment()?.hard ?? []));
  protected readonly paperwork = computed(() => this.shown(this.assessment()?.paperwork ?? []));
  protected readonly review = computed(() => this.shown(this.assessment()?.review ?? []));
  /** the server's refusals the live check did not foresee (shown once, by field or in the banner) */
  protected readonly serverFindings = signal<ShownFinding[]>([]);

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) this.load(id);
    });
    // a change to the form makes the last refusal stale
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.serverFindings().length) this.serverFindings.set([]);
    });
  }

  /** The hard findings (live, else the server's) that name the field, as one sentence under it. */
  protected fieldErrors(field: string): string[] {
    const live = this.hard().filter((f) => f.field === field);
    const server = this.serverFindings().filter((f) => f.field === field);
    return [...live, ...server].map((f) => f.text);
  }

  /** The paperwork the field lacks: a warning under it. */
  protected fieldWarnings(field: string): string[] {
    return this.paperwork()
      .filter((f) => f.field === field)
      .map((f) => f.text);
  }

  protected fieldLabel(field: string | null): string {
    const key = field ? FIELD_LABELS[field] : undefined;
    return key ? this.i18n.t(key) : '';
  }

  protected dayLabel(day: WorkDay): string {
    return this.i18n.t(`plf_day_${day}` as MessageKey);
  }

  private load(id: string): void {
    this.loadingRecord.set(true);
    this.placements.get(id).subscribe({
      next: (p) => {
        this.fill(p);
        this.loadingRecord.set(false);
      },
      error: (e: unknown) => {
        this.loadingRecord.set(false);
        this.loadError.set(describeError(e, this.i18n).message);
      },
    });
  }

  private fill(p: PlacementResponse): void {
    this.version = p.version;
    this.form.reset({
      ...p,
      workDays: Object.fromEntries(WORK_DAYS.map((d) => [d, p.workDays.includes(d)])) as Record<WorkDay, boolean>,
      medicalClearanceOn: p.medicalClearanceOn ?? '',
      maxLoadKg: p.maxLoadKg,
    });
    this.conflict.set(false);
    this.versionConflict.clear();
  }

  protected reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) {
      this.error.set(this.i18n.t('err_invalid_form'));
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.conflict.set(false);
    this.versionConflict.clear();
    const body = toRequest(this.form.getRawValue() as PlacementFormValue);
    const id = this.id();
    const call = id ? this.placements.update(id, { ...body, version: this.version }) : this.placements.create(body);
    call.subscribe({
      next: (p) => {
        this.notify.done(this.i18n.t(p.status === 'blocked' ? 'plf_saved_blocked' : 'plf_saved_cleared'));
        void this.router.navigate(['/placements', p.id]);
      },
      error: (e: unknown) => this.refused(e),
    });
  }

  /** The stored placement read again after a stale save: where the user's values differ from it; the edits stay. */
  private showConflict(id: string): void {
    this.placements.get(id).subscribe({
      next: (stored) => {
        const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, key]) => [k, this.i18n.t(key)]));
        const show: ShowValue = (field, v) => {
          if (field === 'schoolId' || field === 'employerId')
            return [...this.schools(), ...this.employers()].find((o) => o.id === v)?.shortName ?? showPlain(field, v);
          if (field === 'workDays')
            return showPlain(
              field,
              (v as WorkDay[]).map((d) => this.dayLabel(d)),
            );
          if (typeof v === 'boolean') return this.i18n.t(v ? 'yes' : 'no');
          if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return this.i18n.date(v);
          return showPlain(field, v);
        };
        const mine = toRequest(this.form.getRawValue() as PlacementFormValue);
        this.versionConflict.show(stored, changedFields(mine, { ...stored }, labels, show));
      },
      error: (e: unknown) => this.error.set(describeError(e, this.i18n).message),
    });
  }

  /** Takes the stored placement: the user's edits give way. */
  protected conflictReload(): void {
    const stored = this.versionConflict.take();
    if (stored) this.fill(stored);
  }

  /** Sends the user's values again with the stored placement's version, knowingly over the other change. */
  protected conflictOverwrite(): void {
    const stored = this.versionConflict.take();
    if (!stored) return;
    this.version = stored.version;
    this.save();
  }

  /**
   * A refusal shown once: the hard findings the live check already shows stay where they are; others go under their
   * field, or in the banner when they name none; a 409 offers to reload.
   */
  private refused(e: unknown): void {
    this.saving.set(false);
    const failure = apiFailure(e);
    const id = this.id();
    if (id && isStale(e)) {
      this.showConflict(id);
      return;
    }
    if (failure?.status === 409) {
      this.conflict.set(true);
      return;
    }
    const details = failure?.status === 422 ? (failure.body.details ?? []) : [];
    if (details.length) {
      const liveRules = new Set(this.hard().map((f) => `${f.rule}|${f.field}`));
      const unseen = details
        .filter((d) => !liveRules.has(`${d.rule}|${d.field ?? null}`))
        .map((d) => ({
          rule: d.rule ?? '',
          field: d.field && FIELD_LABELS[d.field] ? d.field : null,
          text: d.message,
        }));
      this.serverFindings.set(unseen);
      const banner = unseen.filter((f) => !f.field).map((f) => f.text);
      this.error.set(banner.length ? banner.join(' ') : unseen.length ? null : this.i18n.t('plf_refused_hard'));
      return;
    }
    this.error.set(describeError(e, this.i18n).message);
  }
}

/** The field names findings and refusals use, with the label of their input. */
export const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  schoolId: 'plf_school',
  employerId: 'plf_employer',
  studentCode: 'plc_student_code',
  jobTitle: 'plc_job_title',
  studentBirthDate: 'plf_birth_date',
  startsOn: 'plf_starts_on',
  endsOn: 'plf_ends_on',
  workDays: 'plf_work_days',
  shiftStartsAt: 'plf_shift_starts',
  shiftEndsAt: 'plf_shift_ends',
  hoursPerDay: 'plc_hours_per_day',
  hoursPerWeek: 'plf_hours_per_week',
  harmful: 'plf_harmful',
  maxLoadKg: 'plf_max_load',
  parentConsent: 'plf_parent_consent',
  guardianshipConsent: 'plf_guardianship_consent',
  weekendWorkConsent: 'plf_weekend_consent',
  medicalClearanceOn: 'plf_medical_on',
  probationClause: 'plf_probation',
};
