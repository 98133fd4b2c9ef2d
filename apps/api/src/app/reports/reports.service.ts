import type { ReportQuery } from '@socium/contracts';

import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';

import type { Caller } from '../auth/policy.decorator';
import { ReportBuilder } from './report-builder';
import { attachmentDisposition, toCsv } from './report-cells';
import { labelsFor } from './report-labels';
import { renderPdf } from './report-pdf';
import { activitiesOmittedRow, activityCells, buildTables, REPORT_TABLES, ReportTableKey } from './report-tables';
import { renderXlsx } from './report-xlsx';
import type { ReportJson } from './report.model';
import { ACTIVITY_LIST_LIMIT } from './report.queries';

export type ReportOutput =
  | { kind: 'json'; body: ReportJson }
  | {
      kind: 'file';
      contentType: string;
      disposition: string;
      body: Buffer | Readable;
    };

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** The tables of the PDF (the activities list is only in XLSX and CSV). */
const PDF_TABLES: ReportTableKey[] = ['summary', 'indicators', 'schools', 'directions', 'forms', 'partnerTypes'];

/**
 * `GET /reports/summary` as JSON, XLSX, CSV or PDF: every format exports the one model `ReportBuilder`
 * builds, so all carry the same numbers; the files add the activity list, read in chunks.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly builder: ReportBuilder) {}

  async summary(c: Caller, q: ReportQuery): Promise<ReportOutput> {
    const report = await this.builder.build(c, q);
    if (q.format === 'json') return { kind: 'json', body: report };
    const fileName = `socium-report-${report.period.label.replace(/[^0-9A-Za-z_-]/g, '-')}.${q.format}`;
    const file = {
      kind: 'file' as const,
      contentType: CONTENT_TYPES[q.format],
      disposition: attachmentDisposition(fileName),
    };
    const t = labelsFor(q.lang);
    // the activities list stops at its cap; a file cut there says so in its last row
    const total = report.totals.activitiesPlanned;
    const omitted = (shown: number) =>
      shown >= ACTIVITY_LIST_LIMIT && total > shown ? [activitiesOmittedRow(shown, total, t, q.lang)] : [];
    if (q.format === 'csv') {
      const key = (q.table ?? 'summary') as ReportTableKey;
      const activities = key === 'activities' ? await this.builder.queries(report).activityList() : [];
      const [table] = buildTables(report, activities, t, [key]);
      if (key === 'activities') table.rows.push(...omitted(activities.length));
      return { ...file, body: toCsv([table.columns.map((col) => col.header), ...table.rows]) };
    }
    if (q.format === 'xlsx') {
      const tables = buildTables(report, [], t, REPORT_TABLES);
      const queries = this.builder.queries(report);
      const sheet = tables.find((x) => x.key === 'activities');
      if (sheet)
        sheet.more = async function* () {
          let shown = 0;
          for await (const chunk of queries.activityChunks()) {
            shown += chunk.length;
            yield chunk.map((a) => activityCells(a, t));
          }
          yield omitted(shown);
        };
      return { ...file, body: renderXlsx(tables, report, t) };
    }
    return { ...file, body: renderPdf(buildTables(report, [], t, PDF_TABLES), report, t) };
  }
}
