import * as D from '@socium/domain';

import { z } from 'zod';

/** What a spreadsheet import can bring in (the domain's list). */
export const IMPORT_KINDS = D.IMPORT_KINDS;
export type ImportKind = D.ImportKind;

/** `?dryRun=true|false` (true when absent: a dry run validates and writes nothing); `?lang=` for the messages. */
export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  lang: z.enum(['ru', 'tt', 'en']).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** One refused row: its 1-based spreadsheet row (header = 1), the header of the column, a stable rule code. */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** `?lang=ru|en|tt` — the template's header language (Russian by default; Tatar uses the Russian headers). */
export const ImportTemplateQuery = z.object({ lang: z.enum(['ru', 'tt', 'en']).optional() });
export type ImportTemplateQuery = z.infer<typeof ImportTemplateQuery>;

/** The content types an import accepts as its raw body. */
export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
