import { PassThrough, Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';

import { Cell, safeCell } from './report-cells';
import type { ColumnType, Table } from './report-tables';
import type { ReportJson } from './report.model';

const NUM_FORMATS: Record<ColumnType, string | undefined> = {
  text: '@',
  int: '0',
  num: '0.0',
  pct: '0.0%',
  any: undefined,
};

const PERCENT = { numFmt: NUM_FORMATS.pct };

/** Excel forbids `[]:*?/\` in sheet names and caps them at 31 characters. */
const sheetName = (title: string): string => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * Streams the report as XLSX (exceljs WorkbookWriter): one sheet per table, the header row frozen and
 * bold, column widths and number formats set, every text cell neutralised against formula injection.
 */
export function renderXlsx(tables: readonly Table[], report: ReportJson, t: (key: string) => string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Socium';
  wb.title = `${t('reportTitle')} ${report.period.label}`;
  const write = async () => {
    for (const table of tables) {
      const ws = wb.addWorksheet(sheetName(table.title), {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      ws.columns = table.columns.map((c) => ({
        key: c.key,
        width: c.width,
        style: NUM_FORMATS[c.type] ? { numFmt: NUM_FORMATS[c.type] } : {},
      }));
      const header = ws.addRow(table.columns.map((c) => safeCell(c.header)));
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: 'top' };
      header.commit();
      // One style object per column, shared by its cells: exceljs identifies a style it has seen by the
      // object, so a shared one is resolved once instead of serialised again for every cell.
      const styles = table.columns.map((c) => {
        const numFmt = NUM_FORMATS[c.type];
        return numFmt ? { numFmt } : {};
      });
      const addRow = (cells: readonly Cell[]) => {
        const row = ws.addRow(cells.map(safeCell));
        styles.forEach((style, i) => {
          row.getCell(i + 1).style = style;
        });
        return row;
      };
      for (const cells of table.rows) {
        const row = addRow(cells);
        // the summary's mixed value column: a share is a percentage
        if (table.key === 'summary' && cells[0] === 'planExecution') row.getCell(3).style = PERCENT;
        row.commit();
      }
      if (table.more) {
        for await (const chunk of table.more()) for (const cells of chunk) addRow(cells).commit();
      }
      ws.commit();
    }
    await wb.commit();
  };
  write().catch((e: unknown) => {
    new Logger('Reports').error(`XLSX export failed: ${String(e)}`);
    out.destroy(e as Error);
  });
  return out;
}
