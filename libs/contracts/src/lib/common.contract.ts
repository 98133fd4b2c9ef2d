import { isSupportedYear, LANGUAGES, LocalDate, SUPPORTED_YEARS } from '@socium/domain';

import { z } from 'zod';

const SUPPORTED = `a year from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}`;

/** Calendar date `YYYY-MM-DD`, a real date (no 2019-02-29), in a supported year (1900–2199). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => LocalDate.parse(s).ok, 'not a calendar date')
  .refine((s) => isSupportedYear(Number(s.slice(0, 4))), `expected ${SUPPORTED}`);
export const IsoTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const Id = z.string().min(1).max(64);
export const AcademicYearLabel = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'expected YYYY-YYYY')
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'the second year must follow the first')
  .refine(
    (s) => isSupportedYear(Number(s.slice(0, 4))) && isSupportedYear(Number(s.slice(5))),
    `expected ${SUPPORTED}`,
  );
/**
 * A web link (an organisation's site, an outcome's evidence): `http:` or `https:` only, so a stored link
 * can never run script when shown (`javascript:`, `data:`, `vbscript:` are refused). Every URL field uses it.
 */
export const WebUrl = (max = 500) => z.url({ protocol: /^https?$/, error: 'expected an http(s) link' }).max(max);
export const Text = (max = 500) => z.string().trim().max(max);
export const RequiredText = (max = 500) => z.string().trim().min(1).max(max);
export const Version = z.number().int().min(1);

/** `?limit&offset&q` — limit 1..100 (default 20). */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().trim().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const ErrorDetail = z.object({ field: z.string().optional(), rule: z.string().optional(), message: z.string() });
export const ErrorResponse = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  rule: z.string().optional(),
  details: z.array(ErrorDetail).optional(),
  currentVersion: z.number().int().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Lang = z.enum(LANGUAGES);
export type Lang = z.infer<typeof Lang>;
