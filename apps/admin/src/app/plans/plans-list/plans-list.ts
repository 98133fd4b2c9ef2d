import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { catchError, combineLatest, map, of, switchMap, tap } from 'rxjs';

import type { PlanResponse } from '@socium/contracts';

import { ApiService } from '../../core/api.service';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import type { MessageKey } from '../../core/messages';
import { PeriodService } from '../../core/period.service';
import { StatusChip } from '../../ui/status-chip/status-chip';

/** The plans of the chosen academic year (the coordinator sees every school's). */
@Component({
  selector: 'admin-plans-list',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTableModule, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plans-list.html',
})
export class PlansList {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  protected readonly columns = ['title', 'organisation', 'activities', 'status'];
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly plans = signal<PlanResponse[]>([]);
  private readonly reload = signal(0);
  protected readonly canCreate = computed(() => this.auth.user()?.role === 'school_admin' && !this.plans().some((p) => p.organisationId === this.auth.user()?.organisationId));

  private readonly names = toSignal(
    this.api.organisations().pipe(
      map((orgs) => new Map(orgs.map((o) => [o.id, o.shortName || o.name]))),
      catchError(() => of(new Map<string, string>())),
    ),
    { initialValue: new Map<string, string>() },
  );

  constructor() {
    combineLatest([toObservable(this.period.year), toObservable(this.reload)])
      .pipe(
        tap(() => (this.loading.set(true), this.error.set(null))),
        switchMap(([year]) =>
          this.api.plans({ academicYear: year, limit: 100 }).pipe(
            map((p) => p.items),
            catchError((e: unknown) => {
              this.error.set(describeError(e, this.i18n).message);
              return of([] as PlanResponse[]);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((items) => {
        this.plans.set(items);
        this.loading.set(false);
      });
  }

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }
  protected statusLabel(s: string): string {
    return this.i18n.t(`plan_status_${s}` as MessageKey);
  }

  protected create(): void {
    const orgId = this.auth.user()?.organisationId;
    if (!orgId) return;
    this.api.createPlan(orgId, this.period.year()).subscribe({
      next: (p) => {
        this.snack.open(this.i18n.t('plan_created_toast'), this.i18n.t('close'), { duration: 4000 });
        void this.router.navigate(['/plans', p.id]);
      },
      error: (e: unknown) => this.snack.open(describeError(e, this.i18n).message, this.i18n.t('close'), { duration: 8000 }),
    });
  }
}
