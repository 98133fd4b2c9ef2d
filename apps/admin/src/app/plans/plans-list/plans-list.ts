import type { AgreementResponse, PlanResponse } from '@socium/contracts';
import { PLAN_STATUSES, type PlanStatus } from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, signal, WritableSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';

import { showOnForm } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { PeriodService } from '../../core/period.service';
import { AgreementsData } from '../../data-access/agreements.data';
import { organisationOptions, OrganisationsData } from '../../data-access/organisations.data';
import { PlansData } from '../../data-access/plans.data';
import {
  CellDef,
  DataTable,
  FilterSelect,
  keepInUrl,
  ListShell,
  listState,
  ListToolbar,
  Pager,
  phoneWidth,
  settled,
  type Column,
} from '../../ui/list';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { agreementLabel, agreementsForYear } from '../plan-agreement';

/**
 * The plans of the chosen academic year (the coordinator sees every school's) on the list toolbar: search by title,
 * the school (coordinator) and the status, kept in the address; a school draws up its own.
 */
@Component({
  selector: 'admin-plans-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    CellDef,
    DataTable,
    ListShell,
    FilterSelect,
    ListToolbar,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plans-list.html',
})
export class PlansList {
  private readonly plans = inject(PlansData);
  private readonly agreementsData = inject(AgreementsData);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  private readonly names = toSignal(inject(OrganisationsData).names(), { initialValue: new Map<string, string>() });

  protected readonly statuses = PLAN_STATUSES;
  protected readonly search = signal('');
  protected readonly school = signal<string | null>(null);
  protected readonly status = signal<PlanStatus | null>(null);
  protected readonly pager = new Pager();
  /** the search and filters kept in the address (read from it here, before the search box's text settles) */
  protected readonly address = keepInUrl(
    { q: this.search, school: this.school, status: this.status },
    { status: PLAN_STATUSES },
  );
  private readonly query = settled(this.search);
  protected readonly filtered = computed(() => !!(this.school() || this.status() || this.search().trim()));
  protected readonly list = listState(
    () => ({
      academicYear: this.period.year(),
      q: this.query(),
      organisationId: this.school(),
      status: this.status(),
      offset: this.pager.offset(),
      limit: this.pager.size(),
    }),
    (q) => this.plans.list(q),
  );
  /** only the coordinator sees other schools' plans: the school filter is the coordinator's */
  protected readonly showSchoolFilter = computed(() => this.auth.user()?.role === 'coordinator');
  private readonly schools = toSignal(
    inject(OrganisationsData).organisationsWhere((o) => o.kind === 'school'),
    { initialValue: [] },
  );
  protected readonly schoolOptions = computed(() => organisationOptions(this.schools()));
  protected readonly narrow = phoneWidth();
  /** The agreements the user may read (a school: its own), to name each plan's agreement and to choose one. */
  protected readonly agreements = toSignal(
    toObservable(computed(() => this.auth.user())).pipe(
      switchMap((user) =>
        user
          ? this.agreementsData
              .list({ limit: 100, ...(user.role === 'school_admin' ? { schoolId: user.organisationId } : {}) })
              .pipe(
                map((p) => p.items),
                catchError(() => of([] as AgreementResponse[])),
              )
          : of([] as AgreementResponse[]),
      ),
    ),
    { initialValue: [] as AgreementResponse[] },
  );
  /** the school's agreements a plan of the chosen year may annex (in force during part of it) */
  protected readonly agreementChoices = computed(() => agreementsForYear(this.agreements(), this.period.year()));
  private readonly agreementById = computed(() => new Map(this.agreements().map((a) => [a.id, a])));
  private readonly allColumns: Column<PlanResponse>[] = [
    { key: 'title', header: 'plan_plan' },
    { key: 'organisation', header: 'plan_organisation', text: (p) => this.names().get(p.organisationId) ?? '…' },
    { key: 'agreement', header: 'plan_agreement', text: (p) => this.agreementText(p.agreementId) },
    { key: 'activities', header: 'plan_activities_count', text: (p) => p.activitiesCount },
    { key: 'status', header: 'status' },
  ];
  /** on a phone one column: the title, then the school, the agreement, the activities and the status */
  protected readonly columns = computed(() =>
    this.narrow() ? this.allColumns.filter((c) => c.key === 'title') : this.allColumns,
  );
  /**
   * A school administrator may draw up the school's plan for the year while it has none (the unfiltered list of a
   * school is its own plan of the year, if any).
   */
  protected readonly canCreate = computed(() => {
    const user = this.auth.user();
    return (
      user?.role === 'school_admin' &&
      !this.filtered() &&
      !this.list.loading() &&
      !this.list.error() &&
      !this.list.items().some((p) => p.organisationId === user.organisationId)
    );
  });

  /** Sets a filter or the search and goes back to the first page. */
  protected filter<V>(which: WritableSignal<V>, value: V): void {
    which.set(value);
    this.pager.first();
  }

  /** Clears the search and every filter, back to the first page. */
  protected clearFilters(): void {
    this.school.set(null);
    this.status.set(null);
    this.search.set('');
    this.pager.first();
  }

  protected organisationName(p: PlanResponse): string {
    return this.names().get(p.organisationId) ?? '…';
  }
  protected agreementOf(p: PlanResponse): string {
    return this.agreementText(p.agreementId);
  }
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    agreementId: this.fb.control<string | null>(null),
  });

  private agreementText(id: string | null): string {
    if (!id) return this.i18n.t('plan_no_agreement');
    const a = this.agreementById().get(id);
    return a ? agreementLabel(a, this.names(), this.i18n) : '…';
  }
  protected label(a: AgreementResponse): string {
    return agreementLabel(a, this.names(), this.i18n);
  }

  protected open(): void {
    this.createError.set(null);
    this.form.reset({
      title: this.i18n.t('plan_default_title', { year: this.i18n.academicYear(this.period.year()) }),
      agreementId: null,
    });
    this.creating.set(true);
  }

  protected create(): void {
    const orgId = this.auth.user()?.organisationId;
    this.createError.set(null);
    if (!orgId) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.plans
      .create({
        organisationId: orgId,
        academicYear: this.period.year(),
        title: v.title.trim(),
        agreementId: v.agreementId,
      })
      .subscribe({
        next: (p) => {
          this.notify.done(this.i18n.t('plan_created_toast'));
          void this.router.navigate(['/plans', p.id]);
        },
        error: (e: unknown) => this.createError.set(showOnForm(this.form, e, this.i18n)),
      });
  }
}
