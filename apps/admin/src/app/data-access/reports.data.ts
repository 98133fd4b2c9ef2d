import type { Lang, PeriodsResponse, ReportQuery, ReportSummary } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { Downloads } from './download';
import { ApiHttp, apiUrl } from './http';

/** The files a report can be downloaded as. */
export type ReportFormat = Exclude<ReportQuery['format'], 'json'>;

/** The department's indicators for a period, on screen and as files. */
@Injectable({ providedIn: 'root' })
export class ReportsData {
  private readonly http = inject(ApiHttp);
  private readonly downloads = inject(Downloads);

  /** The report of `period` as JSON, indicator and breakdown names in `lang`. */
  summary(period: string, lang?: Lang): Observable<ReportSummary> {
    return this.http.get<ReportSummary>('/reports/summary', { period, lang });
  }
  /** Every period a report may cover within an academic year: the year, the school's terms, summer, calendar ones. */
  periods(academicYear: string): Observable<PeriodsResponse> {
    return this.http.get<PeriodsResponse>('/periods', { academicYear });
  }
  /** Saves the report of `period` as `socium-report-<period>.<format>` (`2026-2027_q2`: no colon), headings in `lang`. */
  download(period: string, format: ReportFormat, lang: Lang): Promise<void> {
    return this.downloads.withSession(
      apiUrl('/reports/summary', { period, format, lang }),
      `socium-report-${period.replace(/[^\w.-]+/g, '_')}.${format}`,
    );
  }
}
