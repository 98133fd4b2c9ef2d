import type { PeriodResponse, PeriodsResponse, ReportIndicator, ReportSummary, ReportTotals } from '@socium/contracts';
import {
  DEFAULT_DIRECTION_CODES,
  INDICATOR_KEYS,
  SHARE_INDICATOR_KEYS,
  type DirectionCode,
  type IndicatorKey,
} from '@socium/domain';

import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';

import { describeError } from '../core/api-error';
import { I18nService } from '../core/i18n.service';
import type { MessageKey } from '../core/messages';
import { Notify } from '../core/notify';
import { PeriodService } from '../core/period.service';
import { ReportsData, type ReportFormat } from '../data-access/reports.data';

/** The counts drawn as bars (participants and hours would dwarf them, so they stay in the table). */
export const CHART_KEYS: (keyof ReportTotals)[] = [
  'agreementsActive',
  'partners',
  'activitiesPlanned',
  'activitiesHeld',
  'activitiesCancelled',
  'placements',
  'documentsAcknowledged',
];

/**
 * The flags of a row (issue 14 items 3 and 4): agreements in force without a plan or activity, placements blocked by
 * missing paperwork and those already started blocked; a count above zero is marked in the tables.
 */
export const FLAG_KEYS: (keyof ReportTotals)[] = [
  'agreementsWithoutPlan',
  'placementsBlocked',
  'placementsBlockedStarted',
];

/** A row of a breakdown (by direction, form of activity, partner type) as the report sends it. */
export interface BreakdownRow {
  key: string;
  name: string;
  activitiesPlanned: number;
  activitiesHeld: number;
  planExecution: number | null;
  participants: number;
  hours: number;
}

/** A choice of the period picker: the report's period code and its words. */
export interface PeriodOption {
  value: string;
  text: string;
}
export interface PeriodGroup {
  label: MessageKey;
  options: PeriodOption[];
}

type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ready'; readonly value: T };

const BREAKDOWNS = [
  { key: 'byDirection', label: 'rep_by_direction' },
  { key: 'byForm', label: 'rep_by_form' },
  { key: 'byPartnerType', label: 'rep_by_partner_type' },
] as const satisfies readonly { key: string; label: MessageKey }[];

/**
 * Department indicators for a period chosen from `/periods` of the year in the top bar (the year, the school's terms,
 * the summer campaign, calendar years, quarters and halves): the totals with a bar chart, the per-school table, the
 * fourteen indicators (a missing value with its reason in words), the breakdowns, and the same report as XLSX, CSV
 * or PDF.
 */
@Component({
  selector: 'admin-reports',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.html',
  styleUrl: './reports.scss',
})
export class Reports {
  private readonly reports = inject(ReportsData);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  protected readonly year = inject(PeriodService).year;
  protected readonly formats: ReportFormat[] = ['xlsx', 'csv', 'pdf'];
  protected readonly downloading = signal<ReportFormat | null>(null);

  /** The periods of the academic year in the top bar. */
  protected readonly periods = toSignal(
    toObservable(this.year).pipe(
      switchMap((y) =>
        this.reports.periods(y).pipe(
          map((value): Loaded<PeriodsResponse> => ({ state: 'ready', value })),
          catchError(() => of<Loaded<PeriodsResponse>>({ state: 'error', message: this.i18n.t('rep_periods_failed') })),
          startWith<Loaded<PeriodsResponse>>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded<PeriodsResponse> },
  );
  private readonly periodsValue = computed(() => {
    const p = this.periods();
    return p.state === 'ready' ? p.value : null;
  });

  /** The picker's groups, in the order of the domain's period kinds. */
  protected readonly groups = computed((): PeriodGroup[] => {
    const p = this.periodsValue();
    if (!p) return [];
    const option = (period: PeriodResponse, text: string): PeriodOption => ({
      value: period.label,
      text: this.i18n.t('rep_option', {
        name: text,
        from: this.i18n.date(period.startsOn),
        to: this.i18n.date(period.endsOn),
      }),
    });
    const n = (label: string) => label.slice(-1);
    const groups: PeriodGroup[] = [
      {
        label: 'rep_group_academic_year',
        options: [option(p.academicYear, this.i18n.academicYear(p.academicYear.label))],
      },
      {
        label: 'rep_group_terms',
        options: p.terms.map((t) => option(t, this.i18n.t(this.termKey(t.code), { n: t.code.slice(1) }))),
      },
      {
        label: 'rep_group_summer',
        options: [option(p.summerCampaign, this.i18n.t('rep_summer', { year: p.summerCampaign.startsOn.slice(0, 4) }))],
      },
      {
        label: 'rep_group_calendar_years',
        options: p.calendarYears.map((y) => option(y, this.i18n.t('rep_calendar_year', { year: y.label }))),
      },
      {
        label: 'rep_group_quarters',
        options: (p.calendarQuarters ?? []).map((q) =>
          option(q, this.i18n.t('rep_quarter', { n: n(q.label), year: q.label.slice(0, 4) })),
        ),
      },
      {
        label: 'rep_group_half_years',
        options: (p.halfYears ?? []).map((h) =>
          option(h, this.i18n.t('rep_half_year', { n: n(h.label), year: h.label.slice(0, 4) })),
        ),
      },
    ];
    return groups.filter((g) => g.options.length > 0);
  });

  /** The chosen period: the academic year until the user picks another one of the same year. */
  protected readonly period = linkedSignal<PeriodGroup[], string | null>({
    source: this.groups,
    computation: (groups, previous) => {
      const values = groups.flatMap((g) => g.options.map((o) => o.value));
      if (previous?.value && values.includes(previous.value)) return previous.value;
      return values[0] ?? null;
    },
  });

  protected readonly summary = toSignal(
    combineLatest([toObservable(this.period), toObservable(this.i18n.lang)]).pipe(
      switchMap(([period, lang]) =>
        period === null
          ? of<Loaded<ReportSummary>>({ state: 'loading' })
          : this.reports.summary(period, lang).pipe(
              map((value): Loaded<ReportSummary> => ({ state: 'ready', value })),
              catchError((e: unknown) =>
                of<Loaded<ReportSummary>>({ state: 'error', message: describeError(e, this.i18n).message }),
              ),
              startWith<Loaded<ReportSummary>>({ state: 'loading' }),
            ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded<ReportSummary> },
  );
  protected readonly report = computed(() => {
    const s = this.summary();
    return s.state === 'ready' ? s.value : null;
  });
  protected readonly error = computed(() => {
    const p = this.periods();
    if (p.state === 'error') return p.message;
    const s = this.summary();
    return s.state === 'error' ? s.message : null;
  });
  protected readonly loading = computed(
    () => this.periods().state === 'loading' || this.summary().state === 'loading' || this.downloading() !== null,
  );

  /** The indicators of the totals row in the order the API sends them (its one list of report columns). */
  protected readonly keys = computed(() => Object.keys(this.report()?.totals ?? {}) as (keyof ReportTotals)[]);
  protected readonly bars = computed(() => {
    const r = this.report();
    if (!r) return [];
    const values = CHART_KEYS.map((k) => ({ key: k, value: Number(r.totals[k] ?? 0) }));
    const max = Math.max(1, ...values.map((v) => v.value));
    return values.map((v) => ({ ...v, label: this.label(v.key), width: (v.value / max) * 100 }));
  });
  /** The fourteen indicators in the domain's order. */
  protected readonly indicators = computed(() => {
    const r = this.report();
    if (!r) return [];
    return INDICATOR_KEYS.map((key) => ({ key, indicator: r.indicators[key] as ReportIndicator })).filter(
      (x) => !!x.indicator,
    );
  });
  /** The breakdowns that have rows, each with its heading. */
  protected readonly breakdownRows = computed(() => {
    const r = this.report();
    return r ? BREAKDOWNS.map((b) => ({ ...b, rows: this.breakdown(r, b.key) })).filter((b) => b.rows.length > 0) : [];
  });
  protected readonly uncovered = computed(
    () => (this.report()?.['uncoveredProfessions'] ?? []) as { profession: string; demand: number }[],
  );

  private termKey(code: string): MessageKey {
    const letter = code.charAt(0);
    return letter === 't' ? 'rep_term_t' : letter === 'h' ? 'rep_term_h' : 'rep_term_q';
  }

  protected label(key: keyof ReportTotals): string {
    return this.i18n.t(`rep_${key}`);
  }

  /** A flag (see `FLAG_KEYS`) with a count above zero: something to act on. */
  protected flagged(totals: ReportTotals, key: keyof ReportTotals): boolean {
    return FLAG_KEYS.includes(key) && Number(totals[key] ?? 0) > 0;
  }

  protected value(totals: ReportTotals, key: keyof ReportTotals): string {
    const v = totals[key];
    if (v === null || v === undefined) return '—';
    return key === 'planExecution' ? this.percent(v) : this.i18n.number(v);
  }

  protected percent(v: number | null | undefined): string {
    return v === null || v === undefined ? '—' : this.i18n.number(v, { style: 'percent', maximumFractionDigits: 1 });
  }

  /** A number, a share as a percentage, or why there is none in the report's language («Нет данных о …»). */
  protected indicatorValue(key: IndicatorKey, i: ReportIndicator): string {
    if (i.value === null) return i.message || this.i18n.t('rep_no_value');
    return SHARE_INDICATOR_KEYS.includes(key) ? this.percent(i.value) : this.i18n.number(i.value);
  }

  /** A breakdown's rows; a seeded direction named in the interface's language (the report names it as stored). */
  private breakdown(r: ReportSummary, key: (typeof BREAKDOWNS)[number]['key']): BreakdownRow[] {
    const rows = (r[key] ?? []) as BreakdownRow[];
    if (key !== 'byDirection') return rows;
    const seeded = DEFAULT_DIRECTION_CODES as readonly string[];
    return rows.map((row) =>
      seeded.includes(row.key) ? { ...row, name: this.i18n.label('direction', row.key as DirectionCode) } : row,
    );
  }

  protected async download(format: ReportFormat): Promise<void> {
    const period = this.period();
    if (!period) return;
    this.downloading.set(format);
    try {
      await this.reports.download(period, format, this.i18n.lang());
    } catch {
      this.notify.failed();
    } finally {
      this.downloading.set(null);
    }
  }
}
