import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { catchError, map, of, switchMap, tap } from 'rxjs';

import type { PlacementResponse } from '@socium/contracts';

import { ApiService } from '../core/api.service';
import { describeError } from '../core/api-error';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { PeriodService } from '../core/period.service';

/** Student placements that start in the chosen academic year (pseudonymous codes only). */
@Component({
  selector: 'admin-placements-list',
  imports: [MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ i18n.t('plc_title') }} · {{ i18n.academicYear(period.year()) }}</h1>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (error(); as message) {
        <p class="error-banner" role="alert">{{ message }}</p>
      }
      @if (!loading() && items().length === 0) {
        <p class="empty">{{ i18n.t('plc_empty') }}</p>
      } @else if (items().length > 0) {
        <table mat-table [dataSource]="items()" class="compact-table">
          <ng-container matColumnDef="dates">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('act_dates') }}</th>
            <td mat-cell *matCellDef="let p">{{ i18n.date(p.startsOn) }} — {{ i18n.date(p.endsOn) }}</td>
          </ng-container>
          <ng-container matColumnDef="student">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('plc_student_code') }}</th>
            <td mat-cell *matCellDef="let p" class="mono">{{ p.studentCode }}</td>
          </ng-container>
          <ng-container matColumnDef="job">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('plc_job_title') }}</th>
            <td mat-cell *matCellDef="let p">{{ p.jobTitle }}</td>
          </ng-container>
          <ng-container matColumnDef="channel">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('plc_channel') }}</th>
            <td mat-cell *matCellDef="let p">{{ label('plc_channel_' + p.channel) }}</td>
          </ng-container>
          <ng-container matColumnDef="hours">
            <th mat-header-cell *matHeaderCellDef>{{ i18n.t('plc_hours_per_day') }}</th>
            <td mat-cell *matCellDef="let p">{{ p.hoursPerDay }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      }
    </section>
  `,
})
export class PlacementsList {
  private readonly api = inject(ApiService);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  protected readonly columns = ['dates', 'student', 'job', 'channel', 'hours'];
  protected readonly items = signal<PlacementResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    toObservable(this.period.year)
      .pipe(
        tap(() => (this.loading.set(true), this.error.set(null))),
        switchMap((year) => {
          const [from, to] = year.split('-');
          return this.api.placements({ from: `${from}-09-01`, to: `${to}-08-31`, limit: 100 }).pipe(
            map((p) => p.items),
            catchError((e: unknown) => (this.error.set(describeError(e, this.i18n).message), of([] as PlacementResponse[]))),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((items) => (this.items.set(items), this.loading.set(false)));
  }

  protected label(key: string): string {
    return this.i18n.t(key as MessageKey);
  }
}
