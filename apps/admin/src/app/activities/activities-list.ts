import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, map, of, switchMap, tap } from 'rxjs';

import type { ActivityResponse } from '@socium/contracts';

import { ApiService } from '../core/api.service';
import { describeError } from '../core/api-error';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { PeriodService } from '../core/period.service';
import { StatusChip } from '../ui/status-chip/status-chip';

/** Every activity of the chosen academic year, with a link to its plan. */
@Component({
  selector: 'admin-activities-list',
  imports: [RouterLink, MatProgressBarModule, MatTableModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ i18n.t('act_title') }} · {{ i18n.academicYear(period.year()) }}</h1>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (error(); as message) {
        <p class="error-banner" role="alert">{{ message }}</p>
      }
      @if (!loading() && items().length === 0) {
        <p class="empty">{{ i18n.t('act_empty') }}</p>
      } @else if (items().length > 0) {
        <table mat-table [dataSource]="items()" class="compact-table">
          <ng-container matColumnDef="date">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('act_dates') }}</th>
            <td mat-cell *matCellDef="let a">{{ i18n.date(a.startsOn) }}</td>
          </ng-container>
          <ng-container matColumnDef="title">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('act_name') }}</th>
            <td mat-cell *matCellDef="let a"><a [routerLink]="['/plans', a.planId]">{{ a.title }}</a></td>
          </ng-container>
          <ng-container matColumnDef="form">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('act_form') }}</th>
            <td mat-cell *matCellDef="let a">{{ label('form_' + a.form) }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('status') }}</th>
            <td mat-cell *matCellDef="let a"><admin-status-chip [status]="a.status" [label]="label('act_status_' + a.status)" /></td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      }
    </section>
  `,
})
export class ActivitiesList {
  private readonly api = inject(ApiService);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  protected readonly columns = ['date', 'title', 'form', 'status'];
  protected readonly items = signal<ActivityResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    toObservable(this.period.year)
      .pipe(
        tap(() => (this.loading.set(true), this.error.set(null))),
        switchMap((academicYear) =>
          this.api.activities({ academicYear, limit: 100 }).pipe(
            map((p) => p.items),
            catchError((e: unknown) => (this.error.set(describeError(e, this.i18n).message), of([] as ActivityResponse[]))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((items) => (this.items.set(items), this.loading.set(false)));
  }

  protected label(key: string): string {
    return this.i18n.t(key as MessageKey);
  }
}
