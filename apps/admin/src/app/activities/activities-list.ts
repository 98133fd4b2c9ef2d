import type { ActivityResponse } from '@socium/contracts';
import { ACTIVITY_FORMS, ACTIVITY_STATUSES, type ActivityForm, type ActivityStatus } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormsModule,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';

import { showOnForm } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { PeriodService } from '../core/period.service';
import { ActivitiesData } from '../data-access/activities.data';
import { organisationOptions, OrganisationsData } from '../data-access/organisations.data';
import { provideIsoDates } from '../ui/date-input/provide-iso-dates';
import {
  CellDef,
  DataTable,
  FilterSelect,
  labelOptions,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  settled,
  type Column,
} from '../ui/list';
import { dateError } from '../ui/refusal/form-refusal';
import { StatusChip } from '../ui/status-chip/status-chip';

/**
 * Every activity of the chosen academic year with its school and partner: filters (school, partner, direction, form,
 * status, period) and search, each activity once. Linked to its plan for those who may read plans; a partner
 * representative confirms taking part in the activities of its organisation, with an optional comment.
 */
@Component({
  selector: 'admin-activities-list',
  providers: [provideIsoDates()],
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    CellDef,
    DataTable,
    FilterSelect,
    ListShell,
    ListToolbar,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activities-list.html',
  styleUrl: './activities-list.scss',
})
export class ActivitiesList {
  private readonly activities = inject(ActivitiesData);
  private readonly organisations = inject(OrganisationsData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  /** A date field's complaint (no date, or outside its bounds) in the interface's language. */
  protected readonly dateError = (c: AbstractControl | null): string | null => (c ? dateError(c, this.i18n) : null);
  protected readonly period = inject(PeriodService);

  protected readonly forms = ACTIVITY_FORMS;
  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly school = signal<string | null>(null);
  protected readonly partner = signal<string | null>(null);
  protected readonly direction = signal<string | null>(null);
  protected readonly form = signal<ActivityForm | null>(null);
  protected readonly status = signal<ActivityStatus | null>(null);
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly search = signal('');
  protected readonly pager = new Pager();
  private readonly query = settled(this.search);

  protected readonly list = listState(
    () => ({
      academicYear: this.period.year(),
      organisationId: this.school(),
      partnerId: this.partner(),
      directionId: this.direction(),
      form: this.form(),
      status: this.status(),
      from: this.from() || null,
      to: this.to() || null,
      q: this.query(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) => this.activities.list(q),
  );
  protected readonly filtered = computed(
    () =>
      !!(
        this.school() ||
        this.partner() ||
        this.direction() ||
        this.form() ||
        this.status() ||
        this.from() ||
        this.to() ||
        this.search().trim()
      ),
  );

  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });
  protected readonly schools = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'school'),
    {
      initialValue: [],
    },
  );
  protected readonly partners = toSignal(
    this.organisations.organisationsWhere((o) => o.kind === 'partner'),
    {
      initialValue: [],
    },
  );
  protected readonly directions = toSignal(this.organisations.directions(), { initialValue: [] });
  protected readonly schoolOptions = computed(() => organisationOptions(this.schools()));
  protected readonly partnerOptions = computed(() => organisationOptions(this.partners()));
  protected readonly directionOptions = computed(() => this.directions().map((d) => ({ value: d.id, label: d.name })));
  protected readonly formOptions = computed(() => labelOptions(this.i18n, 'activityForm', this.forms));
  private readonly directionNames = computed(() => new Map(this.directions().map((d) => [d.id, d.name])));

  private readonly role = computed(() => this.auth.user()?.role);
  protected readonly canOpenPlans = computed(() => this.role() !== 'partner_rep');
  /** a school administrator sees its own school's activities only: no school filter */
  protected readonly showSchoolFilter = computed(() => this.role() !== 'school_admin');
  /** a partner representative sees the activities of its own organisation: no partner filter */
  protected readonly showPartnerFilter = computed(() => this.role() !== 'partner_rep');

  private readonly baseColumns: Column<ActivityResponse>[] = [
    { key: 'date', header: 'act_dates' },
    { key: 'school', header: 'agr_school', text: (a) => this.name(a.organisationId) },
    { key: 'title', header: 'act_name' },
    { key: 'partner', header: 'act_partner' },
    { key: 'direction', header: 'act_direction', text: (a) => this.directionNames().get(a.directionId) ?? '' },
    { key: 'form', header: 'act_form', text: (a) => this.i18n.label('activityForm', a.form) },
    { key: 'status', header: 'status' },
  ];
  /** the actions column only for whom it has an action: the partner representative's confirmation */
  protected readonly columns = computed<Column<ActivityResponse>[]>(() =>
    this.role() === 'partner_rep' ? [...this.baseColumns, { key: 'actions', header: 'agr_actions' }] : this.baseColumns,
  );

  protected readonly confirming = signal<ActivityResponse | null>(null);
  protected readonly confirmError = signal<string | null>(null);
  protected readonly confirmForm = this.fb.group({ comment: ['', Validators.maxLength(2000)] });

  protected name(id: string | null): string {
    return id ? (this.names().get(id) ?? '…') : '';
  }

  /** Sets a filter or the search and goes back to the first page. */
  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  protected clearFilters(): void {
    for (const s of [this.school, this.partner, this.direction, this.form, this.status] as WritableSignal<unknown>[])
      s.set(null);
    this.from.set('');
    this.to.set('');
    this.search.set('');
    this.pager.first();
  }

  /** The partner representative may confirm an activity of its organisation that is not cancelled. */
  protected canConfirm(a: ActivityResponse): boolean {
    const user = this.auth.user();
    return user?.role === 'partner_rep' && a.partnerId === user.organisationId && a.status !== 'cancelled';
  }

  protected openConfirm(a: ActivityResponse): void {
    this.confirmError.set(null);
    this.confirmForm.reset({ comment: a.partnerComment ?? '' });
    this.confirming.set(a);
  }

  protected confirm(): void {
    const a = this.confirming();
    if (!a) return;
    this.confirmError.set(null);
    this.activities.confirm(a.id, this.confirmForm.getRawValue().comment.trim()).subscribe({
      next: (updated) => {
        this.list.update((items) => items.map((x) => (x.id === updated.id ? updated : x)));
        this.confirming.set(null);
        this.notify.done(this.i18n.t('act_confirmed_toast', { title: updated.title }));
      },
      error: (e: unknown) => this.confirmError.set(showOnForm(this.confirmForm, e, this.i18n)),
    });
  }
}
