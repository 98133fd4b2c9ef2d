import type { ReportSummary, ReportTotals } from '@socium/contracts';

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { describeError } from '../core/api-error';
import { I18nService } from '../core/i18n.service';
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

/** Department indicators for a period: a table, a bar chart, and the same report as XLSX, CSV or PDF. */
@Component({
  selector: 'admin-reports',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.html',
  styleUrl: './reports.scss',
})
export class Reports {
  private readonly reports = inject(ReportsData);
  private readonly notify = inject(Notify);
  protected readonly i18n = inject(I18nService);
  protected readonly formats: ReportFormat[] = ['xlsx', 'csv', 'pdf'];

  protected period = inject(PeriodService).year();
  protected readonly report = signal<ReportSummary | null>(null);
  protected readonly loading = signal(false);
  protected readonly downloading = signal<ReportFormat | null>(null);
  protected readonly error = signal<string | null>(null);

  /** The indicators of the totals row in the order the API sends them (its one list of report columns). */
  protected readonly keys = computed(() => Object.keys(this.report()?.totals ?? {}) as (keyof ReportTotals)[]);
  protected readonly bars = computed(() => {
    const r = this.report();
    if (!r) return [];
    const values = CHART_KEYS.map((k) => ({ key: k, value: Number(r.totals[k] ?? 0) }));
    const max = Math.max(1, ...values.map((v) => v.value));
    return values.map((v) => ({ ...v, label: this.label(v.key), width: (v.value / max) * 100 }));
  });

  constructor() {
    this.show();
  }

  protected label(key: keyof ReportTotals): string {
    return this.i18n.t(`rep_${key}`);
  }

  protected value(totals: ReportTotals, key: keyof ReportTotals): string {
    const v = totals[key];
    if (v === null || v === undefined) return '—';
    return key === 'planExecution'
      ? this.i18n.number(v, { style: 'percent', maximumFractionDigits: 1 })
      : this.i18n.number(v);
  }

  protected show(): void {
    const period = this.period.trim();
    this.loading.set(true);
    this.error.set(null);
    this.reports.summary(period).subscribe({
      next: (r) => {
        this.report.set(r);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.report.set(null);
        const shown = describeError(e, this.i18n);
        this.error.set([shown.message, ...Object.values(shown.fields)].join(' '));
        this.loading.set(false);
      },
    });
  }

  protected async download(format: ReportFormat): Promise<void> {
    this.downloading.set(format);
    try {
      await this.reports.download(this.period.trim(), format, this.i18n.lang());
    } catch {
      this.notify.failed();
    } finally {
      this.downloading.set(null);
    }
  }
}
