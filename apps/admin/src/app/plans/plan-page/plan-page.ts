import type { ActivityOutcomeRequest, ActivityResponse, CreateActivityRequest, PlanResponse } from '@socium/contracts';
import { ACTIVITY_FORMS, canMovePlan, canRecordOutcome, SCHOOL_GRADES, type PlanStatus } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { forkJoin, Observable } from 'rxjs';

import { describeError, showOnForm } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminClock } from '../../core/clock';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { Notify } from '../../core/notify';
import { ActivitiesData } from '../../data-access/activities.data';
import { OrganisationsData } from '../../data-access/organisations.data';
import { PlansData } from '../../data-access/plans.data';
import { CellDef, DataTable, type Column } from '../../ui/list';
import { StatusChip } from '../../ui/status-chip/status-chip';

type Outcome = ActivityOutcomeRequest['status'];

/** One plan: its activities, publishing, outcomes, and the submit / approve / return steps. */
@Component({
  selector: 'admin-plan-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    CellDef,
    DataTable,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-page.html',
  styleUrl: './plan-page.scss',
})
export class PlanPage {
  private readonly plans = inject(PlansData);
  private readonly activitiesData = inject(ActivitiesData);
  private readonly organisations = inject(OrganisationsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly today = inject(AdminClock).todayIso();
  protected readonly i18n = inject(I18nService);

  /** the plan id from the route */
  readonly id = input.required<string>();

  protected readonly forms = ACTIVITY_FORMS;
  protected readonly grades = SCHOOL_GRADES;
  protected readonly canRecordOutcome = canRecordOutcome;
  protected readonly columns: Column<ActivityResponse>[] = [
    { key: 'title', header: 'act_name' },
    { key: 'dates', header: 'act_dates' },
    { key: 'form', header: 'act_form', text: (a) => this.i18n.label('activityForm', a.form) },
    { key: 'public', header: 'act_publish' },
    { key: 'status', header: 'status' },
    { key: 'outcome', header: 'act_outcome' },
  ];
  protected readonly plan = signal<PlanResponse | null>(null);
  protected readonly activities = signal<ActivityResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly activityError = signal<string | null>(null);
  protected readonly outcomeError = signal<string | null>(null);
  protected readonly showAdd = signal(false);
  protected readonly outcomeFor = signal<ActivityResponse | null>(null);
  protected readonly outcomeKind = signal<Outcome>('held');

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

  protected readonly directions = toSignal(this.organisations.directions(), { initialValue: [] });
  protected readonly partners = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    { initialValue: [] },
  );
  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  protected readonly organisation = computed(() => {
    const p = this.plan();
    return (p && this.names().get(p.organisationId)) ?? '';
  });

  protected readonly returnComment = this.fb.control('', Validators.required);
  protected readonly activityForm = this.fb.group({
    title: ['', Validators.required],
    directionId: ['', Validators.required],
    form: this.fb.control<CreateActivityRequest['form']>('excursion', Validators.required),
    partnerId: this.fb.control<string | null>(null),
    startsOn: [this.today, Validators.required],
    endsOn: [''],
    venue: [''],
    targetGrades: this.fb.control<number[]>([8, 9], Validators.required),
    plannedParticipants: [20],
    hours: [2],
    isPublic: [false],
  });
  protected readonly outcomeForm = this.fb.group({
    heldOn: [this.today],
    actualParticipants: [0],
    result: [''],
    reason: [''],
    startsOn: [this.today],
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    forkJoin([this.plans.get(id), this.plans.activities(id)]).subscribe({
      next: ([plan, acts]) => {
        this.plan.set(plan);
        this.activities.set(acts.items);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(describeError(e, this.i18n).message);
        this.loading.set(false);
      },
    });
  }

  protected errorOf(control: AbstractControl | null): string | null {
    if (!control?.errors) return null;
    return (control.errors['server'] as string | undefined) ?? this.i18n.t('required');
  }

  private toast(message: string): void {
    this.notify.done(message);
  }
  private fail(e: unknown): void {
    this.notify.failed(e);
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

  protected addActivity(): void {
    const p = this.plan();
    this.activityError.set(null);
    if (!p) return;
    if (this.activityForm.invalid) {
      this.activityForm.markAllAsTouched();
      this.activityError.set(this.i18n.t('err_invalid_form'));
      return;
    }
    const v = this.activityForm.getRawValue();
    const body: CreateActivityRequest = {
      title: v.title.trim(),
      directionId: v.directionId,
      form: v.form,
      partnerId: v.partnerId || null,
      startsOn: v.startsOn,
      ...(v.endsOn ? { endsOn: v.endsOn } : {}),
      venue: v.venue,
      targetGrades: v.targetGrades,
      plannedParticipants: Number(v.plannedParticipants),
      hours: Number(v.hours),
      isPublic: v.isPublic,
      professions: [],
      description: '',
    };
    this.plans.addActivity(p.id, body).subscribe({
      next: (a) => {
        this.activities.update((list) => [...list, a]);
        this.toast(this.i18n.t('act_added_toast', { title: a.title }));
        this.activityForm.reset();
        this.showAdd.set(false);
      },
      error: (e: unknown) => this.activityError.set(showOnForm(this.activityForm, e, this.i18n)),
    });
  }

  protected openOutcome(a: ActivityResponse): void {
    this.outcomeFor.set(a);
    this.outcomeError.set(null);
    this.outcomeForm.reset({
      heldOn: a.startsOn,
      actualParticipants: a.plannedParticipants,
      result: '',
      reason: '',
      startsOn: a.startsOn,
    });
  }

  protected saveOutcome(): void {
    const a = this.outcomeFor();
    if (!a) return;
    const v = this.outcomeForm.getRawValue();
    const kind = this.outcomeKind();
    const body: ActivityOutcomeRequest =
      kind === 'held'
        ? {
            status: 'held',
            heldOn: v.heldOn,
            actualParticipants: Number(v.actualParticipants),
            result: v.result.trim(),
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
        const shown = describeError(e, this.i18n);
        this.outcomeError.set([shown.message, ...Object.values(shown.fields)].join(' '));
      },
    });
  }
}
