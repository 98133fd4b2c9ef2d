import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import type { AgreementResponse, Page } from '@socium/contracts';

import { ApiService } from '../../core/api.service';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { I18nService } from '../../core/i18n.service';
import { LocalizedPaginatorIntl } from '../../core/paginator-intl';
import type { MessageKey } from '../../core/messages';
import { StatusChip } from '../../ui/status-chip/status-chip';

export const AGREEMENT_STATUS_FILTERS = ['draft', 'signed', 'active', 'expiring', 'expired', 'terminated'] as const;
export const AGREEMENT_KIND_FILTERS = ['cooperation', 'social_partnership', 'network_form'] as const;

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function todayIso(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The agreements the user may see: filters as chips, search, pages, signatures. */
@Component({
  selector: 'admin-agreements-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreements-list.html',
  providers: [{ provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }],
})
export class AgreementsList {
  private readonly api = inject(ApiService);
  private readonly snack = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);

  protected readonly statuses = AGREEMENT_STATUS_FILTERS;
  protected readonly kinds = AGREEMENT_KIND_FILTERS;
  protected readonly columns = ['number', 'kind', 'parties', 'term', 'status', 'actions'];

  protected readonly status = signal<string | null>(null);
  protected readonly kind = signal<string | null>(null);
  protected readonly search = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  private readonly reload = signal(0);

  protected readonly canCreate = computed(() => this.auth.user()?.role !== 'partner_rep');
  protected readonly role = computed(() => this.auth.user()?.role);

  private readonly names = toSignal(
    this.api.organisations().pipe(
      map((orgs) => new Map(orgs.map((o) => [o.id, o.shortName || o.name]))),
      catchError(() => of(new Map<string, string>())),
    ),
    { initialValue: new Map<string, string>() },
  );

  private readonly query = computed(() => ({
    status: this.status(),
    kind: this.kind(),
    offset: this.pageIndex() * this.pageSize(),
    limit: this.pageSize(),
    reload: this.reload(),
  }));

  protected readonly page = signal<Page<AgreementResponse> | null>(null);
  protected readonly filtered = computed(() => !!(this.status() || this.kind() || this.search().trim()));

  constructor() {
    const q$ = toObservable(this.search).pipe(debounceTime(300), map((s) => s.trim()), distinctUntilChanged(), startWith(''));
    combineLatest([toObservable(this.query), q$])
      .pipe(
        tap(() => (this.loading.set(true), this.error.set(null))),
        switchMap(([q, search]) =>
          this.api.agreements({ status: q.status, kind: q.kind, offset: q.offset, limit: q.limit, q: search }).pipe(
            catchError((e: unknown) => {
              this.error.set(describeError(e, this.i18n).message);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((p) => {
        this.page.set(p);
        this.loading.set(false);
      });
  }

  protected name(id: string): string {
    return this.names().get(id) ?? '…';
  }
  protected kindLabel(kind: string): string {
    return this.i18n.t(`agr_kind_${kind}` as MessageKey);
  }
  protected statusLabel(status: string): string {
    return this.i18n.t(`agr_status_${status}` as MessageKey);
  }

  protected setStatus(v: string | null | undefined): void {
    this.status.set(v ?? null);
    this.pageIndex.set(0);
  }
  protected setKind(v: string | null | undefined): void {
    this.kind.set(v ?? null);
    this.pageIndex.set(0);
  }
  protected setSearch(v: string): void {
    this.search.set(v);
    this.pageIndex.set(0);
  }
  protected onPage(e: PageEvent): void {
    this.pageSize.set(e.pageSize);
    this.pageIndex.set(e.pageIndex);
  }

  /** The signature buttons this user may press: a school signs for the school, a partner for the partner. */
  protected canSign(a: AgreementResponse, party: 'school' | 'partner'): boolean {
    if (a.status === 'terminated' || a.status === 'expired') return false;
    if (party === 'school' && a.signedBySchoolOn) return false;
    if (party === 'partner' && a.signedByPartnerOn) return false;
    const role = this.role();
    return role === 'coordinator' || (role === 'school_admin' && party === 'school') || (role === 'partner_rep' && party === 'partner');
  }

  protected sign(a: AgreementResponse, party: 'school' | 'partner'): void {
    this.api.signAgreement(a.id, { party, signedOn: todayIso() }).subscribe({
      next: () => {
        this.snack.open(this.i18n.t('agr_signed_toast', { number: a.number }), this.i18n.t('close'), { duration: 4000 });
        this.reload.update((n) => n + 1);
      },
      error: (e: unknown) => this.snack.open(describeError(e, this.i18n).message, this.i18n.t('close'), { duration: 8000 }),
    });
  }
}
