import type { PlanResponse } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';

import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import { Notify } from '../../core/notify';
import { PeriodService } from '../../core/period.service';
import { OrganisationsData } from '../../data-access/organisations.data';
import { PlansData } from '../../data-access/plans.data';
import { CellDef, DataTable, ListShell, listState, type Column } from '../../ui/list';
import { StatusChip } from '../../ui/status-chip/status-chip';

/** The plans of the chosen academic year (the coordinator sees every school's). */
@Component({
  selector: 'admin-plans-list',
  imports: [RouterLink, MatButtonModule, CellDef, DataTable, ListShell, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plans-list.html',
})
export class PlansList {
  private readonly plans = inject(PlansData);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  private readonly names = toSignal(inject(OrganisationsData).names(), { initialValue: new Map<string, string>() });

  protected readonly list = listState(this.period.year, (academicYear) =>
    this.plans.list({ academicYear, limit: 100 }),
  );
  protected readonly columns: Column<PlanResponse>[] = [
    { key: 'title', header: 'plan_plan' },
    { key: 'organisation', header: 'plan_organisation', text: (p) => this.names().get(p.organisationId) ?? '…' },
    { key: 'activities', header: 'plan_activities_count', text: (p) => p.activitiesCount },
    { key: 'status', header: 'status' },
  ];
  /** A school administrator may draw up the school's plan for the year while it has none. */
  protected readonly canCreate = computed(() => {
    const user = this.auth.user();
    return user?.role === 'school_admin' && !this.list.items().some((p) => p.organisationId === user.organisationId);
  });

  protected create(): void {
    const orgId = this.auth.user()?.organisationId;
    if (!orgId) return;
    this.plans.create(orgId, this.period.year()).subscribe({
      next: (p) => {
        this.notify.done(this.i18n.t('plan_created_toast'));
        void this.router.navigate(['/plans', p.id]);
      },
      error: (e: unknown) => this.notify.failed(e),
    });
  }
}
