import type { AgreementResponse, PlanResponse } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
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
import { OrganisationsData } from '../../data-access/organisations.data';
import { PlansData } from '../../data-access/plans.data';
import { CellDef, DataTable, ListShell, listState, type Column } from '../../ui/list';
import { StatusChip } from '../../ui/status-chip/status-chip';
import { agreementLabel, agreementsForYear } from '../plan-agreement';

/** The plans of the chosen academic year (the coordinator sees every school's); a school draws up its own. */
@Component({
  selector: 'admin-plans-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    CellDef,
    DataTable,
    ListShell,
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

  protected readonly list = listState(this.period.year, (academicYear) =>
    this.plans.list({ academicYear, limit: 100 }),
  );
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
  protected readonly columns: Column<PlanResponse>[] = [
    { key: 'title', header: 'plan_plan' },
    { key: 'organisation', header: 'plan_organisation', text: (p) => this.names().get(p.organisationId) ?? '…' },
    { key: 'agreement', header: 'plan_agreement', text: (p) => this.agreementText(p.agreementId) },
    { key: 'activities', header: 'plan_activities_count', text: (p) => p.activitiesCount },
    { key: 'status', header: 'status' },
  ];
  /** A school administrator may draw up the school's plan for the year while it has none. */
  protected readonly canCreate = computed(() => {
    const user = this.auth.user();
    return user?.role === 'school_admin' && !this.list.items().some((p) => p.organisationId === user.organisationId);
  });
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
