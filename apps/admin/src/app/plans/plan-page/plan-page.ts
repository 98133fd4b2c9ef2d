import type {
  ActivityOutcomeRequest,
  ActivityResponse,
  AgreementResponse,
  CreateActivityRequest,
  PlanResponse,
} from '@socium/contracts';
import {
  AcademicYear,
  ACTIVITY_FORMS,
  areActivitiesOpen,
  canMovePlan,
  canRecordOutcome,
  isPlanEditable,
  LocalDate,
  planActivityWindow,
  SCHOOL_GRADES,
  type PlanStatus,
} from '@socium/domain';

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { catchError, forkJoin, map, Observable, of } from 'rxjs';

import { describeError, showOnForm } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { ActivitiesData } from '../../data-access/activities.data';
import { AgreementsData } from '../../data-access/agreements.data';
import { apiFailure } from '../../data-access/http';
import { OrganisationsData } from '../../data-access/organisations.data';
import { PlansData } from '../../data-access/plans.data';
import { changedFields, showPlain, type ShowValue } from '../../ui/conflict/changed-fields';
import { isStale, VersionConflict } from '../../ui/conflict/conflict';
import { ConflictPanel } from '../../ui/conflict/conflict-panel';
import { provideIsoDates } from '../../ui/date-input/provide-iso-dates';
import { CellDef, DataTable, phoneWidth, type Column } from '../../ui/list';
import { NumberInput } from '../../ui/number-input/number-input';
import { dateError, fieldError } from '../../ui/refusal/form-refusal';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { agreementLabel, agreementsForYear, agreementTerm } from '../plan-agreement';
import { PlanCalendar } from '../plan-calendar/plan-calendar';

type Outcome = ActivityOutcomeRequest['status'];
/** An evidence link: an http(s) address (the contract's `WebUrl`); empty rows are left out. */
const WEB_LINK = /^\s*(https?:\/\/\S+)?\s*$/i;
type View = 'table' | 'calendar';

/** The activity form's values of a stored activity (one day: no separate end). */
const activityFormValue = (a: ActivityResponse) => ({
  title: a.title,
  directionId: a.directionId,
  form: a.form,
  partnerId: a.partnerId,
  startsOn: a.startsOn,
  endsOn: a.endsOn === a.startsOn ? '' : a.endsOn,
  venue: a.venue,
  targetGrades: [...a.targetGrades],
  plannedParticipants: a.plannedParticipants,
  hours: a.hours,
  isPublic: a.isPublic,
});

/**
 * One plan: its title and agreement, its activities (added, edited, postponed, cancelled, deleted while the plan is
 * open; outcomes with hours and evidence links; the partner's confirmation), a calendar of them, and the submit /
 * approve / return steps. What may be done comes from the domain's rules (`canMovePlan`, `isPlanEditable`,
 * `areActivitiesOpen`, `canRecordOutcome`); the server checks the same.
 */
@Component({
  selector: 'admin-plan-page',
  providers: [provideIsoDates()],
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    NumberInput,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    CellDef,
    DataTable,
    PlanCalendar,
    StatusChip,
    ConflictPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-page.html',
  styleUrl: './plan-page.scss',
})
export class PlanPage {
  private readonly plans = inject(PlansData);
  private readonly activitiesData = inject(ActivitiesData);
  private readonly agreementsData = inject(AgreementsData);
  private readonly organisations = inject(OrganisationsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly todayIso = inject(AdminClock).todayIso();
  protected readonly i18n = inject(I18nService);

  /** the plan id from the route */
  readonly id = input.required<string>();

  protected readonly forms = ACTIVITY_FORMS;
  protected readonly grades = SCHOOL_GRADES;
  /** a phone: each activity a card (one column, the rest under its title) */
  protected readonly narrow = phoneWidth();
  private readonly allColumns: Column<ActivityResponse>[] = [
    { key: 'title', header: 'act_name' },
    { key: 'dates', header: 'act_dates' },
    { key: 'form', header: 'act_form', text: (a) => this.formName(a) },
    { key: 'partner', header: 'act_partner' },
    { key: 'public', header: 'act_publish' },
    { key: 'status', header: 'status' },
    { key: 'actions', header: 'agr_actions' },
  ];
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns.filter((c) => c.key === 'title') : this.allColumns,
  );
  protected formName(a: ActivityResponse): string {
    return this.i18n.label('activityForm', a.form);
  }
  protected readonly plan = signal<PlanResponse | null>(null);
  protected readonly activities = signal<ActivityResponse[]>([]);
  protected readonly agreements = signal<AgreementResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  /** a 409: someone else changed the plan or an activity; the page offers to load it again */
  protected readonly stale = signal(false);
  /** `409 version.stale` on the plan's title and agreement, or on the activity being edited */
  protected readonly planConflict = new VersionConflict<PlanResponse>();
  protected readonly activityConflict = new VersionConflict<ActivityResponse>();
  protected readonly view = signal<View>('table');

  protected readonly editingPlan = signal(false);
  protected readonly planError = signal<string | null>(null);
  /** the activity form: closed, a new activity, or the activity being edited */
  protected readonly activityMode = signal<'closed' | 'new' | ActivityResponse>('closed');
  protected readonly activityError = signal<string | null>(null);
  protected readonly outcomeFor = signal<ActivityResponse | null>(null);
  protected readonly outcomeKind = signal<Outcome>('held');
  protected readonly outcomeError = signal<string | null>(null);
  protected readonly deleting = signal<ActivityResponse | null>(null);

  protected readonly role = computed(() => this.auth.user()?.role);
  protected readonly isCoordinator = computed(() => this.role() === 'coordinator');
  protected readonly canEdit = computed(() => this.role() !== 'partner_rep');
  /** The lifecycle's moves this user may make now (the server checks the same). */
  private readonly canMoveTo = (to: PlanStatus) => {
    const p = this.plan();
    return !!p && canMovePlan(p.status, to);
  };
  protected readonly canSubmit = computed(() => this.canEdit() && this.canMoveTo('submitted'));
  protected readonly canDecide = computed(() => this.isCoordinator() && this.canMoveTo('approved'));
  protected readonly canEditPlan = computed(() => {
    const p = this.plan();
    return this.canEdit() && !!p && isPlanEditable(p.status);
  });
  protected readonly activitiesOpen = computed(() => {
    const p = this.plan();
    return this.canEdit() && !!p && areActivitiesOpen(p.status);
  });

  protected readonly directions = toSignal(this.organisations.directions(), { initialValue: [] });
  protected readonly partners = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    { initialValue: [] },
  );
  protected readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  protected readonly organisation = computed(() => {
    const p = this.plan();
    return (p && this.names().get(p.organisationId)) ?? '';
  });
  protected readonly agreement = computed(() => {
    const p = this.plan();
    return p?.agreementId ? this.agreements().find((a) => a.id === p.agreementId) : undefined;
  });
  /** the agreements this plan may annex: in force during part of its year (and the one it has) */
  protected readonly agreementChoices = computed(() => {
    const p = this.plan();
    if (!p) return [];
    return this.agreements().filter((a) => a.id === p.agreementId || agreementsForYear([a], p.academicYear).length > 0);
  });
  protected readonly agreementText = computed(() => {
    const p = this.plan();
    if (!p?.agreementId) return this.i18n.t('plan_no_agreement');
    const a = this.agreement();
    return a ? agreementLabel(a, this.names(), this.i18n) : '…';
  });
  /** The days the plan's activities may fall on: its academic year, cut to the agreement's term (domain). */
  protected readonly window = computed(() => {
    const p = this.plan();
    const year = p ? AcademicYear.parse(p.academicYear) : null;
    if (!year?.ok) return null;
    const range = year.value.range;
    return planActivityWindow(range, agreementTerm(this.agreement(), range)) ?? range;
  });
  protected readonly windowFirst = computed(() => this.window()?.start.toString() ?? '');
  protected readonly windowLast = computed(() => this.window()?.last.toString() ?? '');
  /** A new activity's date: today when the plan's window holds it, else the window's first day (not today). */
  protected readonly defaultDate = computed(() => {
    const w = this.window();
    const today = LocalDate.iso(this.todayIso);
    if (!w || w.contains(today)) return this.todayIso;
    return (today.isBefore(w.start) ? w.start : w.last).toString();
  });

  protected readonly returnComment = this.fb.control('', Validators.required);
  protected readonly planForm = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    agreementId: this.fb.control<string | null>(null),
  });
  protected readonly activityForm = this.fb.group({
    title: ['', Validators.required],
    directionId: ['', Validators.required],
    form: this.fb.control<CreateActivityRequest['form']>('excursion', Validators.required),
    partnerId: this.fb.control<string | null>(null),
    startsOn: [this.todayIso, Validators.required],
    endsOn: [''],
    venue: [''],
    targetGrades: this.fb.control<number[]>([8, 9], Validators.required),
    plannedParticipants: [20],
    hours: [2],
    isPublic: [false],
  });
  protected readonly outcomeForm = this.fb.group({
    heldOn: [this.todayIso],
    actualParticipants: [0],
    hours: [0],
    result: [''],
    evidenceLinks: this.fb.array<FormControl<string>>([]),
    reason: [''],
    startsOn: [this.todayIso],
  });
  protected get links(): FormArray<FormControl<string>> {
    return this.outcomeForm.controls.evidenceLinks;
  }

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected reload(): void {
    this.load(this.id());
  }

  private load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.stale.set(false);
    forkJoin([this.plans.get(id), this.plans.activities(id)]).subscribe({
      next: ([plan, acts]) => {
        this.plan.set(plan);
        this.activities.set(acts.items);
        this.loading.set(false);
        this.loadAgreements(plan.organisationId);
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
  }

  /** The school's agreements: to name the plan's and to choose another (a partner sees only its own). */
  private loadAgreements(schoolId: string): void {
    this.agreementsData
      .list({ schoolId, limit: 100 })
      .pipe(
        map((p) => p.items),
        catchError(() => of([] as AgreementResponse[])),
      )
      .subscribe((list) => this.agreements.set(list));
  }

  protected errorOf(control: AbstractControl | null): string | null {
    if (!control?.errors) return null;
    const server = control.errors['server'] as string | undefined;
    if (server) return server;
    const date = this.outsideAgreement(control) ?? dateError(control, this.i18n);
    if (date) return date;
    if (control.errors['number']) return fieldError(control, this.i18n);
    return control.errors['pattern'] ? this.i18n.t('act_evidence_invalid') : this.i18n.t('required');
  }

  /**
   * A date outside the plan's window where the agreement's term (not the academic year) draws the bound: the message
   * names the agreement, since the hint that explains the window is hidden while the field shows its error.
   */
  private outsideAgreement(control: AbstractControl): string | null {
    const w = this.window();
    const year = AcademicYear.parse(this.plan()?.academicYear ?? '');
    if (!w || !year.ok || !this.agreement()) return null;
    const errors = control.errors ?? {};
    if (errors['matDatepickerMin'] && w.start.isAfter(year.value.range.start))
      return this.i18n.t('act_date_before_agreement', { date: this.i18n.date(w.start.toString()) });
    if (errors['matDatepickerMax'] && w.last.isBefore(year.value.range.last))
      return this.i18n.t('act_date_after_agreement', { date: this.i18n.date(w.last.toString()) });
    return null;
  }

  private toast(message: string): void {
    this.notify.done(message);
  }
  /** A failure as a banner (`into`) or the snack bar; a stale version as the offer to reload. */
  private fail(e: unknown, into?: (message: string) => void): void {
    if (apiFailure(e)?.status === 409) {
      this.stale.set(true);
      return;
    }
    if (into) into(describeError(e, this.i18n).message);
    else this.notify.failed(e);
  }

  /** A step of the plan's lifecycle: the plan as the server returns it, then the word that it is done. */
  private step(call: (id: string) => Observable<PlanResponse>, done: MessageKey, after?: () => void): void {
    const p = this.plan();
    if (!p) return;
    call(p.id).subscribe({
      next: (x) => {
        this.plan.set(x);
        after?.();
        this.toast(this.i18n.t(done));
      },
      error: (e) => this.fail(e),
    });
  }
  protected submitPlan(): void {
    this.step((id) => this.plans.submit(id), 'plan_submitted_toast');
  }
  protected approve(): void {
    this.step((id) => this.plans.approve(id), 'plan_approved_toast');
  }
  protected returnPlan(): void {
    if (this.returnComment.invalid) {
      this.returnComment.markAsTouched();
      return;
    }
    const comment = this.returnComment.value.trim();
    this.step(
      (id) => this.plans.returnWithComment(id, comment),
      'plan_returned_toast',
      () => this.returnComment.reset(''),
    );
  }

  // — the plan's title and agreement —

  protected editPlan(): void {
    const p = this.plan();
    if (!p) return;
    this.planError.set(null);
    this.planForm.reset({ title: p.title, agreementId: p.agreementId });
    this.editingPlan.set(true);
  }

  protected savePlan(): void {
    const p = this.plan();
    this.planError.set(null);
    if (!p) return;
    if (this.planForm.invalid) {
      this.planForm.markAllAsTouched();
      return;
    }
    this.planConflict.clear();
    const v = this.planForm.getRawValue();
    this.plans.update(p.id, { version: p.version, title: v.title.trim(), agreementId: v.agreementId }).subscribe({
      next: (x) => {
        this.plan.set(x);
        this.editingPlan.set(false);
        this.toast(this.i18n.t('saved'));
      },
      error: (e: unknown) =>
        isStale(e)
          ? this.showPlanConflict(p.id)
          : apiFailure(e)?.status === 409
            ? this.stale.set(true)
            : this.planError.set(showOnForm(this.planForm, e, this.i18n)),
    });
  }

  /** The stored plan read again after a stale save: where the user's title and agreement differ from it. */
  private showPlanConflict(id: string): void {
    this.plans.get(id).subscribe({
      next: (stored) => {
        const labels = { title: this.i18n.t('plan_title_field'), agreementId: this.i18n.t('plan_agreement') };
        const show: ShowValue = (field, v) =>
          field === 'agreementId'
            ? v
              ? (() => {
                  const a = this.agreements().find((x) => x.id === v);
                  return a ? this.label(a) : String(v);
                })()
              : this.i18n.t('plan_no_agreement')
            : showPlain(field, v);
        const theirs = { title: stored.title, agreementId: stored.agreementId };
        this.planConflict.show(stored, changedFields(this.planForm.getRawValue(), theirs, labels, show));
      },
      error: (e: unknown) => this.planError.set(describeError(e, this.i18n).message),
    });
  }

  protected planConflictReload(): void {
    const stored = this.planConflict.take();
    if (!stored) return;
    this.plan.set(stored);
    this.planForm.reset({ title: stored.title, agreementId: stored.agreementId });
  }

  protected planConflictOverwrite(): void {
    const stored = this.planConflict.take();
    if (!stored) return;
    this.plan.set(stored);
    this.savePlan();
  }

  // — activities —

  protected togglePublic(a: ActivityResponse, isPublic: boolean): void {
    this.activitiesData.setPublic(a, isPublic).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.toast(this.i18n.t(isPublic ? 'act_public_on' : 'act_public_off', { title: updated.title }));
      },
      error: (e) => {
        this.replace({ ...a });
        this.fail(e);
      },
    });
  }

  private replace(a: ActivityResponse): void {
    this.activities.update((list) => list.map((x) => (x.id === a.id ? a : x)));
  }

  protected isEditing(): ActivityResponse | null {
    const m = this.activityMode();
    return typeof m === 'object' ? m : null;
  }

  protected newActivity(): void {
    this.closePanels();
    this.activityError.set(null);
    this.activityForm.reset({
      title: '',
      directionId: '',
      form: 'excursion',
      partnerId: this.agreement()?.partnerId ?? null,
      startsOn: this.defaultDate(),
      endsOn: '',
      venue: '',
      targetGrades: [8, 9],
      plannedParticipants: 20,
      hours: 2,
      isPublic: false,
    });
    this.activityMode.set('new');
  }

  protected editActivity(a: ActivityResponse): void {
    this.closePanels();
    this.activityError.set(null);
    this.activityForm.reset(activityFormValue(a));
    this.activityMode.set(a);
  }

  private closePanels(): void {
    this.activityConflict.clear();
    this.planConflict.clear();
    this.activityMode.set('closed');
    this.outcomeFor.set(null);
    this.deleting.set(null);
  }

  protected saveActivity(): void {
    const p = this.plan();
    this.activityError.set(null);
    if (!p) return;
    if (this.activityForm.invalid) {
      this.activityForm.markAllAsTouched();
      this.activityError.set(this.i18n.t('err_invalid_form'));
      return;
    }
    this.activityConflict.clear();
    const v = this.activityForm.getRawValue();
    const fields = {
      title: v.title.trim(),
      directionId: v.directionId,
      form: v.form,
      partnerId: v.partnerId || null,
      startsOn: v.startsOn,
      venue: v.venue,
      targetGrades: v.targetGrades,
      plannedParticipants: Number(v.plannedParticipants),
      hours: Number(v.hours),
      isPublic: v.isPublic,
    };
    const editing = this.isEditing();
    const call = editing
      ? this.activitiesData.update(editing.id, {
          ...fields,
          endsOn: v.endsOn || v.startsOn,
          version: editing.version,
        })
      : this.plans.addActivity(p.id, {
          ...fields,
          ...(v.endsOn ? { endsOn: v.endsOn } : {}),
          professions: [],
          description: '',
        });
    call.subscribe({
      next: (a) => {
        if (editing) this.replace(a);
        else this.activities.update((list) => [...list, a].sort((x, y) => x.startsOn.localeCompare(y.startsOn)));
        this.toast(this.i18n.t(editing ? 'act_saved_toast' : 'act_added_toast', { title: a.title }));
        this.activityMode.set('closed');
      },
      error: (e: unknown) =>
        editing && isStale(e)
          ? this.showActivityConflict(editing.id)
          : apiFailure(e)?.status === 409
            ? this.stale.set(true)
            : this.activityError.set(showOnForm(this.activityForm, e, this.i18n)),
    });
  }

  /** The stored activity read again after a stale save: where the user's values differ from it; the edits stay. */
  private showActivityConflict(id: string): void {
    this.activitiesData.get(id).subscribe({
      next: (stored) => {
        const labels = {
          title: this.i18n.t('act_name'),
          directionId: this.i18n.t('act_direction'),
          form: this.i18n.t('act_form'),
          partnerId: this.i18n.t('act_partner'),
          startsOn: this.i18n.t('act_starts'),
          endsOn: this.i18n.t('act_ends'),
          venue: this.i18n.t('act_venue'),
          targetGrades: this.i18n.t('act_target_grades'),
          plannedParticipants: this.i18n.t('act_planned_participants'),
          hours: this.i18n.t('act_hours'),
          isPublic: this.i18n.t('act_publish'),
        };
        const show: ShowValue = (field, v) => {
          if (field === 'form' && v) return this.i18n.label('activityForm', v as ActivityResponse['form']);
          if (field === 'directionId') return this.directions().find((d) => d.id === v)?.name ?? showPlain(field, v);
          if (field === 'partnerId')
            return v ? (this.names().get(v as string) ?? String(v)) : this.i18n.t('act_no_partner');
          if (field === 'startsOn' || field === 'endsOn') return v ? this.i18n.date(v as string) : showPlain(field, v);
          if (field === 'isPublic') return this.i18n.t(v ? 'yes' : 'no');
          return showPlain(field, v);
        };
        const v = this.activityForm.getRawValue();
        const mine = { ...v, plannedParticipants: Number(v.plannedParticipants), hours: Number(v.hours) };
        this.activityConflict.show(stored, changedFields(mine, activityFormValue(stored), labels, show));
      },
      error: (e: unknown) => this.activityError.set(describeError(e, this.i18n).message),
    });
  }

  protected activityConflictReload(): void {
    const stored = this.activityConflict.take();
    if (!stored) return;
    this.replace(stored);
    this.activityForm.reset(activityFormValue(stored));
    this.activityMode.set(stored);
  }

  protected activityConflictOverwrite(): void {
    const stored = this.activityConflict.take();
    if (!stored) return;
    this.replace(stored);
    this.activityMode.set(stored);
    this.saveActivity();
  }

  /** Postponing and cancelling (and holding) are open to a planned or postponed activity (domain). */
  protected canOutcome(a: ActivityResponse): boolean {
    return this.activitiesOpen() && canRecordOutcome(a.status, 'postponed');
  }
  /** "Held" is offered once the activity has begun: a held date cannot be in the future. */
  protected canHold(a: ActivityResponse): boolean {
    return this.canOutcome(a) && a.startsOn <= this.todayIso;
  }
  /** Held activities are evidence: the server refuses to delete them, so the panel does not offer it. */
  protected canDelete(a: ActivityResponse): boolean {
    return this.activitiesOpen() && a.status !== 'held';
  }

  protected openOutcome(a: ActivityResponse, kind: Outcome = 'held'): void {
    this.closePanels();
    this.outcomeError.set(null);
    this.outcomeKind.set(kind);
    const start = LocalDate.iso(a.startsOn);
    const today = LocalDate.iso(this.todayIso);
    const later = start.addDays(7);
    const last = this.window()?.last;
    this.links.clear();
    this.outcomeForm.reset({
      // held: not in the future; postponed: a week later, inside the plan's window
      heldOn: (start.isAfter(today) ? today : start).toString(),
      actualParticipants: a.plannedParticipants,
      hours: a.hours,
      result: '',
      reason: '',
      startsOn: (last && later.isAfter(last) ? last : later).toString(),
    });
    this.addLink();
    this.outcomeFor.set(a);
  }

  protected addLink(value = ''): void {
    this.links.push(this.fb.control(value, Validators.pattern(WEB_LINK)));
  }
  protected removeLink(i: number): void {
    this.links.removeAt(i);
    if (this.links.length === 0) this.addLink();
  }

  protected saveOutcome(): void {
    const a = this.outcomeFor();
    if (!a) return;
    const v = this.outcomeForm.getRawValue();
    const kind = this.outcomeKind();
    // an evidence link is a web address: `javascript:` and the like are refused here, in the user's words (and by the server)
    if (kind === 'held' && this.links.invalid) {
      this.links.markAllAsTouched();
      this.outcomeError.set(null);
      return;
    }
    const links = v.evidenceLinks.map((l) => l.trim()).filter((l) => l);
    const body: ActivityOutcomeRequest =
      kind === 'held'
        ? {
            status: 'held',
            heldOn: v.heldOn,
            actualParticipants: Number(v.actualParticipants),
            hours: Number(v.hours),
            result: v.result.trim(),
            evidenceLinks: links,
          }
        : kind === 'cancelled'
          ? { status: 'cancelled', reason: v.reason.trim() }
          : { status: 'postponed', startsOn: v.startsOn };
    this.activitiesData.recordOutcome(a.id, body).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.outcomeFor.set(null);
        this.toast(this.i18n.t('act_outcome_toast', { title: updated.title }));
      },
      error: (e: unknown) => {
        if (apiFailure(e)?.status === 409) {
          this.stale.set(true);
          return;
        }
        // the empty link rows were left out: the server's index counts the links sent
        if (kind === 'held') this.alignLinks(links);
        this.outcomeError.set(showOnForm(this.outcomeForm, e, this.i18n));
      },
    });
  }

  /** The link rows as sent (without the empty ones), so that `evidenceLinks.1` names the row the server refused. */
  private alignLinks(links: string[]): void {
    this.links.clear();
    for (const l of links.length ? links : ['']) this.addLink(l);
  }

  protected askDelete(a: ActivityResponse): void {
    this.closePanels();
    this.deleting.set(a);
  }

  protected confirmDelete(): void {
    const a = this.deleting();
    if (!a) return;
    this.activitiesData.remove(a.id).subscribe({
      next: () => {
        this.activities.update((list) => list.filter((x) => x.id !== a.id));
        this.deleting.set(null);
        this.toast(this.i18n.t('act_deleted_toast', { title: a.title }));
      },
      error: (e: unknown) => {
        this.deleting.set(null);
        this.fail(e);
      },
    });
  }

  protected label(a: AgreementResponse): string {
    return agreementLabel(a, this.names(), this.i18n);
  }

  protected partnerName(a: ActivityResponse): string {
    return a.partnerId ? (this.names().get(a.partnerId) ?? '…') : this.i18n.t('act_no_partner');
  }
}
