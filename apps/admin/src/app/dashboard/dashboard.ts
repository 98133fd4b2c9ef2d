import type { ReportSummary } from '@socium/contracts';
import { DEFAULT_DIRECTION_CODES, type DirectionCode } from '@socium/domain';

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, map, Observable, of, startWith, switchMap } from 'rxjs';

import { describeError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { AdminClock } from '../core/clock';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { PeriodService } from '../core/period.service';
import { DashboardData, type AgreementItem, type Rows } from '../data-access/dashboard.data';
import { OrganisationsData } from '../data-access/organisations.data';
import { listState, type ListState } from '../ui/list';
import { StatusChip } from '../ui/status-chip/status-chip';
import { DashCard } from './dash-card';

/** The headline figures: a report total each (the plan's execution as a percentage). */
const FIGURES = [
  'agreementsActive',
  'partners',
  'activitiesHeld',
  'planExecution',
  'participants',
  'careerGuidanceHours',
  'placements',
  'documentsOverdue',
] as const;

/** The list of a card the role does not see. */
const NONE = { items: [], total: 0, limit: 0, offset: 0 };

/** Rows a card shows; the rest are counted under it. */
const SHOWN = 8;

/** A bar of the chart: held and planned activities of a school (or of a direction, for a school). */
export interface ChartRow {
  readonly key: string;
  readonly name: string;
  readonly planned: number;
  readonly held: number;
}

type SummaryState =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ready'; readonly report: ReportSummary };

/**
 * The landing page: for the coordinator the district's headline figures and chart for the year of the period
 * picker, and what needs attention (agreements ending or past their notice date, agreements without a plan, plans
 * not approved, documents overdue, placements blocked); the same for the own school for a school administrator; the
 * own agreements and coming activities for a partner representative. Every row links to its record.
 */
@Component({
  selector: 'admin-dashboard',
  imports: [RouterLink, NgTemplateOutlet, MatProgressBarModule, DashCard, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
})
export class Dashboard {
  private readonly data = inject(DashboardData);
  private readonly clock = inject(AdminClock);
  private readonly organisations = inject(OrganisationsData);
  protected readonly i18n = inject(I18nService);
  protected readonly period = inject(PeriodService);
  private readonly user = inject(AuthService).user;

  protected readonly role = computed(() => this.user()?.role ?? null);
  protected readonly partner = computed(() => this.role() === 'partner_rep');
  protected readonly coordinator = computed(() => this.role() === 'coordinator');
  protected readonly figures = FIGURES;
  private readonly today = this.clock.today();
  protected readonly todayIso = this.today.toString();
  private readonly names = toSignal(this.organisations.names(), { initialValue: new Map<string, string>() });

  /** The report of the chosen year: the district's, or the own school's (the API scopes it). */
  protected readonly summary = toSignal(
    this.partner()
      ? of<SummaryState>({ state: 'loading' })
      : combineLatest([toObservable(this.period.year), toObservable(this.i18n.lang)]).pipe(
          switchMap(([year, lang]) =>
            this.data.summary(year, lang).pipe(
              map((report): SummaryState => ({ state: 'ready', report })),
              catchError((e: unknown) =>
                of<SummaryState>({ state: 'error', message: describeError(e, this.i18n).message }),
              ),
              startWith<SummaryState>({ state: 'loading' }),
            ),
          ),
        ),
    { initialValue: { state: 'loading' } as SummaryState },
  );
  protected readonly report = computed(() => {
    const s = this.summary();
    return s.state === 'ready' ? s.report : null;
  });
  /** Held against planned activities by school (coordinator) or by direction (school). */
  protected readonly chart = computed((): ChartRow[] => {
    const r = this.report();
    if (!r) return [];
    const source = this.coordinator()
      ? r.schools.map((s) => ({
          key: s.organisationId,
          name: s.name,
          planned: s.activitiesPlanned,
          held: s.activitiesHeld,
        }))
      : (
          (r['byDirection'] ?? []) as { key: string; name: string; activitiesPlanned: number; activitiesHeld: number }[]
        ).map((d) => ({ key: d.key, name: d.name, planned: d.activitiesPlanned, held: d.activitiesHeld }));
    return source.filter((x) => x.planned > 0 || x.held > 0).sort((a, b) => b.planned - a.planned);
  });
  protected readonly chartMax = computed(() => Math.max(1, ...this.chart().map((c) => Math.max(c.planned, c.held))));

  private readonly staff = !this.partner();
  private readonly once = () => 0;
  private readonly when = <T>(show: boolean, load: () => Observable<Rows<T>>) =>
    listState(show ? this.once : () => null, (q) => (q === null ? of(NONE) : load()));

  protected readonly attention = this.when(this.staff, () => this.data.agreementsNeedingAttention(this.today));
  protected readonly withoutPlan = this.when(this.staff, () => this.data.agreementsWithoutPlan());
  protected readonly plans = listState(
    () => (this.staff ? this.period.year() : null),
    (year) =>
      year === null ? of(NONE) : this.schoolIds().pipe(switchMap((ids) => this.data.plansNeedingAttention(year, ids))),
  );
  protected readonly documents = this.when(this.staff, () => this.data.documentsOverdue());
  protected readonly placements = this.when(this.staff, () => this.data.placementsBlocked());
  protected readonly ownAgreements = this.when(this.partner(), () => this.data.agreements());
  protected readonly coming = listState(
    () => (this.coordinator() ? null : this.period.year()),
    (year) => (year === null ? of(NONE) : this.data.comingActivities(year, this.today)),
  );

  /** The schools that should have a plan: every school for the coordinator, the own school for its administrator. */
  private schoolIds(): Observable<string[]> {
    const user = this.user();
    if (!user) return of([]);
    if (user.role === 'school_admin') return of([user.organisationId]);
    return this.organisations.organisationsWhere((o) => o.kind === 'school').pipe(map((l) => l.map((o) => o.id)));
  }

  /** A seeded direction in the interface's language; one a coordinator added under its own name. */
  private directionName(code: string, name: string): string {
    return (DEFAULT_DIRECTION_CODES as readonly string[]).includes(code)
      ? this.i18n.label('direction', code as DirectionCode)
      : name;
  }

  protected name(id: string | null | undefined): string {
    return (id && this.names().get(id)) || '…';
  }

  protected figure(r: ReportSummary, key: (typeof FIGURES)[number]): string {
    const v = r.totals[key];
    if (v === null || v === undefined) return '—';
    return key === 'planExecution'
      ? this.i18n.number(v, { style: 'percent', maximumFractionDigits: 0 })
      : this.i18n.number(v);
  }

  protected figureLabel(key: (typeof FIGURES)[number]): string {
    return this.i18n.t(`rep_${key}`);
  }

  protected attentionText(item: AgreementItem): string {
    const keys: Record<AgreementItem['reason'], MessageKey> = {
      expiring: 'dash_agr_expiring',
      notice_soon: 'dash_agr_notice_soon',
      notice_passed: 'dash_agr_notice_passed',
    };
    return this.i18n.t(keys[item.reason], { date: this.i18n.date(item.date) });
  }

  protected parties(a: { schoolId: string; partnerId: string }): string {
    return this.i18n.t('dash_parties', { school: this.name(a.schoolId), partner: this.name(a.partnerId) });
  }

  /** The first rows of a card. */
  protected shown<T>(list: ListState<T>): readonly T[] {
    return list.items().slice(0, SHOWN);
  }

  /** «ещё N не показаны» when the card shows fewer rows than there are. */
  protected more(list: ListState<unknown>): string | null {
    const rest = list.total() - Math.min(SHOWN, list.items().length);
    return rest > 0 ? this.i18n.t('dash_more', { count: rest }) : null;
  }

  protected barWidth(n: number): number {
    return (n / this.chartMax()) * 100;
  }
}
