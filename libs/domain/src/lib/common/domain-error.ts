import { CategoryOf, categoryOf, RuleCode } from './rule-codes';

/**
 * Expected failures carry a stable code from the one list (`rule-codes.ts`, e.g.
 * `agreement.obligations.both-parties`), the category that list files it under (the HTTP edge maps
 * categories exhaustively), and a human message in Russian and English (Tatar where translated).
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
  | 'throttled'
  /** no valid session: 401 */
  | 'unauthenticated'
  /** the route exists for other methods: 405 */
  | 'method_not_allowed'
  /** the request body is too large: 413 */
  | 'too_large'
  /** the request body has a content type the route does not take: 415 */
  | 'unsupported_media'
  /** a dependency (the database) is down: 503 */
  | 'unavailable';

export interface Message {
  readonly ru: string;
  readonly en: string;
  readonly tt: string;
}

/** One broken rule; several findings can be reported together (e.g. a placement). */
export interface Finding {
  readonly rule: RuleCode;
  readonly message: Message;
  readonly field?: string;
  /** the limit that was broken, e.g. 24 (hours a week) or '06:00' */
  readonly limit?: number | string;
  /** the value that broke it */
  readonly actual?: number | string;
}

export interface DomainError {
  readonly code: RuleCode;
  readonly category: ErrorCategory;
  readonly message: Message;
  readonly field?: string;
  readonly details?: readonly Finding[];
}

/** An error with details; `category` must be the one the list files `code` under. */
export function domainError<C extends RuleCode>(
  code: C,
  category: CategoryOf<C>,
  message: Message,
  extra: { field?: string; details?: readonly Finding[] } = {},
): DomainError {
  return { code, category, message, ...extra };
}

/**
 * The one builder of a single refusal: the code, its listed category, the message and the field it is about.
 * Services use it for the checks only they can make (references, ownership, uniqueness).
 */
export function refusal(code: RuleCode, message: Message, field?: string): DomainError {
  return { code, category: categoryOf(code), message, ...(field ? { field } : {}) };
}

/** A refusal built from one or more findings; the first finding names the error (a rule code: 422). */
export function ruleError(findings: readonly Finding[]): DomainError {
  const [first] = findings;
  if (!first) throw new Error('ruleError needs at least one finding');
  return {
    code: first.rule,
    category: categoryOf(first.rule),
    message: first.message,
    field: first.field,
    details: findings,
  };
}

export function finding(rule: RuleCode, message: Message, extra: Omit<Finding, 'rule' | 'message'> = {}): Finding {
  return { rule, message, ...extra };
}
