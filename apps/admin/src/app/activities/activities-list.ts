import type { ActivityResponse } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { PeriodService } from '../core/period.service';
import { ActivitiesData } from '../data-access/activities.data';
import { OrganisationsData } from '../data-access/organisations.data';
import { CellDef, DataTable, ListShell, listState, type Column } from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';

/**
 * Every activity of the chosen academic year with its school, linked to its plan for those who may read plans (a
 * partner representative reads the activities it takes part in, not the school's plan).
 */
@Component({
  selector: 'admin-activities-list',
  imports: [RouterLink, CellDef, DataTable, ListShell, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ i18n.t('act_title') }} · {{ i18n.academicYear(period.year()) }}</h1>
      <admin-list-shell [list]="list" [emptyText]="i18n.t('act_empty')">
        <admin-data-table [rows]="list.items()" [columns]="columns">
          <ng-template adminCell="title" let-a>
            @if (canOpenPlans()) {
              <a [routerLink]="['/plans', a.planId]">{{ a.title }}</a>
            } @else {
              {{ a.title }}
            }
          </ng-template>
          <ng-template adminCell="status" let-a
            ><admin-status-chip [status]="a.status" [label]="i18n.label('activityStatus', a.status)"
          /></ng-template>
        </admin-data-table>
      </admin-list-shell>
    </section>
  `,
})
export class ActivitiesList {
  private readonly activities = inject(ActivitiesData);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  protected readonly list = listState(this.period.year, (academicYear) =>
    this.activities.list({ academicYear, limit: 100 }),
  );
  private readonly names = toSignal(inject(OrganisationsData).names(), { initialValue: new Map<string, string>() });
  private readonly auth = inject(AuthService);
  protected readonly canOpenPlans = computed(() => this.auth.user()?.role !== 'partner_rep');
  protected readonly columns: Column<ActivityResponse>[] = [
    { key: 'date', header: 'act_dates', text: (a) => this.i18n.date(a.startsOn) },
    { key: 'school', header: 'agr_school', text: (a) => this.names().get(a.organisationId) ?? '' },
    { key: 'title', header: 'act_name' },
    { key: 'form', header: 'act_form', text: (a) => this.i18n.label('activityForm', a.form) },
    { key: 'status', header: 'status' },
  ];
}
