/**
 * Expected failures carry a stable code (e.g. `agreement.obligations.both-parties`), a category the
 * HTTP edge maps exhaustively, and a human message in Russian and English (Tatar where translated).
 */
export type ErrorCategory =
  /** malformed or invalid input: 400 */
  | 'invalid'
  /** a domain rule refused the operation: 422 */
  | 'rule'
  /** the object does not exist or is not the caller's: 404 */
  | 'not_found'
  /** stale version or a uniqueness clash: 409 */
  | 'conflict'
  /** the caller may see the object but not do this: 403 */
  | 'forbidden'
  /** too many attempts: 429 */
  | 'throttled';

export interface Message {
  readonly ru: string;
  readonly en: string;
  readonly tt?: string;
}

/** One broken rule; several findings can be reported together (e.g. a placement). */
export interface Finding {
  readonly rule: string;
  readonly message: Message;
  readonly field?: string;
  /** the limit that was broken, e.g. 24 (hours a week) or '06:00' */
  readonly limit?: number | string;
  /** the value that broke it */
  readonly actual?: number | string;
}

export interface DomainError {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly message: Message;
  readonly field?: string;
  readonly details?: readonly Finding[];
}

export function domainError(
  code: string,
  category: ErrorCategory,
  message: Message,
  extra: { field?: string; details?: readonly Finding[] } = {},
): DomainError {
  return { code, category, message, ...extra };
}

/** A rule refusal (422) built from one or more findings; the first finding names the error. */
export function ruleError(findings: readonly Finding[]): DomainError {
  const [first] = findings;
  if (!first) throw new Error('ruleError needs at least one finding');
  return { code: first.rule, category: 'rule', message: first.message, field: first.field, details: findings };
}

export function finding(rule: string, message: Message, extra: Omit<Finding, 'rule' | 'message'> = {}): Finding {
  return { rule, message, ...extra };
}
