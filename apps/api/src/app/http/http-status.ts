import { assertNever, categoryOf, ErrorCategory, RuleCode } from '@socium/domain';

import { STATUS_CODES } from 'node:http';

/** Exhaustive map from a domain error category to an HTTP status: a new category without one does not compile. */
export function statusOf(category: ErrorCategory): number {
  switch (category) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'unsupported_media':
      return 415;
    case 'rule':
      return 422;
    case 'throttled':
      return 429;
    case 'unavailable':
      return 503;
    default:
      return assertNever(category);
  }
}

/** The HTTP status of a code: every code of the list has a category, every category a status. */
export function statusOfCode(code: RuleCode): number {
  return statusOf(categoryOf(code));
}

/** The reason phrase of an HTTP status (`Unprocessable Entity`), one table for every answer the API writes. */
export function reasonOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
