import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';

import type { Cell } from './report-cells';
import type { Table } from './report-tables';
import type { ReportJson } from './report.model';

const FONT_FILE = 'DejaVuSans.ttf';

/** The Cyrillic font (Russian and Tatar letters): next to the bundle in dist, else the source assets. */
export function reportFontPath(): string {
  const candidates = [
    join(__dirname, 'assets', 'fonts', FONT_FILE),
    join(__dirname, '..', '..', 'assets', 'fonts', FONT_FILE),
    join(process.cwd(), 'apps', 'api', 'src', 'assets', 'fonts', FONT_FILE),
    join('/usr/share/fonts/truetype/dejavu', FONT_FILE),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Report font ${FONT_FILE} not found (looked in ${candidates.join(', ')})`);
  return found;
}

const MARGIN = 36;

const fmt = (v: Cell, pct: boolean): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return pct ? `${(v * 100).toFixed(1)} %` : String(Math.round(v * 10) / 10);
  return v;
};

/**
 * The report as PDF (pdfkit, A4 landscape): the department, the period, the tables and a bar chart of
 * planned vs held activities by direction, drawn with vector graphics. Returns the document stream.
 */
export function renderPdf(tables: readonly Table[], report: ReportJson, t: (key: string) => string): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: {
      Title: `${t('reportTitle')} ${report.period.label}`,
      Author: 'Socium',
    },
  });
  doc.registerFont('body', reportFontPath());
  doc.font('body');
  const width = doc.page.width - 2 * MARGIN;

  doc
    .fontSize(9)
    .fillColor('#555')
    .text(report.department ?? '', { width });
  doc.moveDown(0.3).fontSize(16).fillColor('#000').text(t('reportTitle'), { width });
  doc
    .fontSize(11)
    .text(`${t('period')}: ${report.period.label} (${report.period.startsOn} – ${report.period.endsOn})`, { width });
  doc.moveDown(0.8);

  for (const table of tables) drawTable(doc, table, width);
  drawChart(doc, report, t, width);
  doc.end();
  return doc as unknown as Readable;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

function drawTable(doc: PDFKit.PDFDocument, table: Table, width: number): void {
  // the summary's code column is for machines: leave it out of the printed table
  const columns = table.key === 'summary' || table.key === 'indicators' ? table.columns.slice(1) : table.columns;
  const offset = table.columns.length - columns.length;
  const first = Math.min(220, width * 0.3);
  const rest = columns.length > 1 ? (width - first) / (columns.length - 1) : 0;
  const widths = columns.map((_, i) => (i === 0 ? (columns.length === 1 ? width : first) : rest));
  const size = columns.length > 8 ? 7 : 9;
  ensureSpace(doc, 60);
  doc.fontSize(12).fillColor('#000').text(table.title, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  const drawRow = (cells: string[], header: boolean) => {
    doc.fontSize(size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] as number) - 4 }))) + 4;
    ensureSpace(doc, height);
    const y = doc.y;
    if (header) doc.rect(MARGIN, y, width, height).fill('#e8eef6');
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i] as number;
      doc.fillColor('#000').text(c, x + 2, y + 2, {
        width: w - 4,
        align: i === 0 || header || columns[i]?.type === 'text' ? 'left' : 'right',
      });
      x += w;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  if (table.rows.length === 0) drawRow(['—'], false);
  for (const row of table.rows) {
    const cells = row.slice(offset);
    const pctRow = table.key === 'summary' && row[0] === 'planExecution';
    drawRow(
      cells.map((v, i) => fmt(v, pctRow || columns[i]?.type === 'pct')),
      false,
    );
  }
  doc.moveDown(1);
}

/** Grouped bars: planned (light) and held (dark) activities per direction, with a value axis. */
function drawChart(doc: PDFKit.PDFDocument, report: ReportJson, t: (key: string) => string, width: number): void {
  const rows = report.byDirection.slice(0, 12);
  const chartHeight = 180;
  ensureSpace(doc, chartHeight + 80);
  doc.fontSize(12).fillColor('#000').text(t('chartTitle'), MARGIN, doc.y, { width });
  doc.moveDown(0.5);
  const top = doc.y;
  const left = MARGIN + 30;
  const plotWidth = width - 40;
  const max = Math.ceil(Math.max(1, ...rows.map((r) => r.activitiesPlanned)) / 4) * 4;
  const baseY = top + chartHeight;
  doc
    .lineWidth(0.5)
    .strokeColor('#333')
    .moveTo(left, top)
    .lineTo(left, baseY)
    .lineTo(left + plotWidth, baseY)
    .stroke();
  doc.fontSize(7).fillColor('#333');
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((max * i) / 4);
    const y = baseY - (chartHeight * i) / 4;
    doc.text(String(v), MARGIN, y - 4, { width: 26, align: 'right' });
    if (i > 0)
      doc
        .moveTo(left, y)
        .lineTo(left + plotWidth, y)
        .lineWidth(0.2)
        .strokeColor('#ccc')
        .stroke();
  }
  if (rows.length === 0) {
    doc
      .fontSize(9)
      .fillColor('#555')
      .text(t('noData'), left + 10, top + chartHeight / 2);
  }
  const slot = rows.length ? plotWidth / rows.length : plotWidth;
  const bar = Math.min(24, slot / 3);
  rows.forEach((r, i) => {
    const x = left + i * slot + slot / 2 - bar;
    const hp = (chartHeight * r.activitiesPlanned) / max;
    const hh = (chartHeight * r.activitiesHeld) / max;
    doc.rect(x, baseY - hp, bar, hp).fill('#9ec5e8');
    doc.rect(x + bar, baseY - hh, bar, hh).fill('#1f5f99');
    const name = t(`dir_${r.key}`) === `dir_${r.key}` ? r.name : t(`dir_${r.key}`);
    doc
      .fontSize(7)
      .fillColor('#000')
      .text(name, left + i * slot + 2, baseY + 4, {
        width: slot - 4,
        align: 'center',
      });
  });
  const legendY = baseY + 30;
  doc.rect(left, legendY, 10, 8).fill('#9ec5e8');
  doc
    .fillColor('#000')
    .fontSize(8)
    .text(t('activitiesPlanned'), left + 14, legendY, { lineBreak: false });
  doc.rect(left + 160, legendY, 10, 8).fill('#1f5f99');
  doc.fillColor('#000').text(t('activitiesHeld'), left + 174, legendY, { lineBreak: false });
  doc.x = MARGIN;
  doc.y = legendY + 20;
}
