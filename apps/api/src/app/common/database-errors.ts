import {
  DriverException,
  EntityManager,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';

import { amendmentNumberTaken } from '../agreements/amendments.service';
import { enrolmentDuplicate } from '../enrolment/enrolment.service';
import { AppError, conflict, staleVersion } from '../http/app-error';
import { slugTaken } from '../organisations/organisations.service';
import { planDuplicate } from '../plans/plans.service';
import { directionCodeTaken } from '../registry/directions.service';
import { emailTaken } from '../registry/users.service';

/** A unique index (its name without `_unique`) and the refusal its service gives when it finds the clash itself. */
interface UniqueClash {
  index: string;
  refuse: () => AppError;
}

/** Each unique index and its service's own refusal (one builder each, so a race and a sequential check read alike). */
const UNIQUE_CLASHES: readonly UniqueClash[] = [
  { index: 'app_user_email', refuse: () => emailTaken() },
  { index: 'organisation_slug', refuse: () => slugTaken() },
  { index: 'direction_code', refuse: () => directionCodeTaken() },
  // an expression index (migration 0008): one plan per organisation, academic year and agreement
  { index: 'plan_organisation_year_agreement', refuse: planDuplicate },
  // one enrolment record per school and academic year (migration 0011)
  { index: 'enrolment_organisation_year', refuse: enrolmentDuplicate },
  // one number per agreement's amendment (migration 0018): PostgreSQL names the index, SQLite its first column
  { index: 'agreement_amendment_number', refuse: amendmentNumberTaken },
  { index: 'agreement_amendment_agreement_id', refuse: amendmentNumberTaken },
];

/**
 * The index a unique violation names: PostgreSQL gives the constraint (`app_user_email_unique`), SQLite ends
 * its message with `UNIQUE constraint failed: app_user.email` (a column index) or `… failed: index 'plan_…_unique'`
 * (an expression index). They become `app_user_email` and `plan_…`.
 */
function violatedIndex(e: UniqueConstraintViolationException): string {
  const constraint = (e as { constraint?: unknown }).constraint;
  if (typeof constraint === 'string') return constraint.replace(/_unique$/, '');
  const named = /UNIQUE constraint failed: index '(\w+)'/.exec(e.message);
  if (named) return (named[1] as string).replace(/_unique$/, '');
  const m = /UNIQUE constraint failed: ([\w.]+)/.exec(e.message);
  return (m?.[1] ?? '').replace('.', '_');
}

/**
 * A uniqueness clash the database caught (two simultaneous creates passed the service's own check) answers
 * as the sequential check does: 409 with the same rule code and field; an index without a mapping gives
 * `record.duplicate`.
 */
export function uniqueClash(e: UniqueConstraintViolationException) {
  const index = violatedIndex(e);
  const known = UNIQUE_CLASHES.find((c) => index === c.index);
  return known
    ? known.refuse()
    : conflict('record.duplicate', 'The record already exists', 'Такая запись уже существует', 'Мондый язма бар инде');
}

/**
 * What may be logged of an error. A driver error's message starts with the SQL and its parameters (an e-mail,
 * a password hash) and PostgreSQL's detail repeats the values (`Key (email)=(…)`): only the class, the
 * database's code, the table, column and constraint it names (SQLite: its `… constraint failed: table.column`)
 * and the stack frames are kept.
 */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (!(e instanceof DriverException)) return e.stack ?? e.message;
  const fields = e as { code?: unknown; table?: unknown; column?: unknown; constraint?: unknown };
  const named = (['table', 'column', 'constraint'] as const)
    .filter((k) => typeof fields[k] === 'string')
    .map((k) => `${k} ${String(fields[k])}`);
  const sqlite = /(?:UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?:: [\w., ']+)?$/.exec(e.message)?.[0];
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .join('\n');
  const what = [...named, ...(sqlite ? [sqlite] : [])];
  return `${e.name} [${String(fields.code ?? '?')}]${what.length ? ` (${what.join(', ')})` : ''}\n${frames}`;
}

/**
 * Turns the database's verdicts on a write into the API's refusals, for every route in one place: a versioned
 * UPDATE that matched no row (someone else saved first) → 409 `version.stale` with the version now stored; a
 * unique index violation → 409 as the service's own check would answer.
 */
@Injectable()
export class DatabaseErrorsInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((e: unknown) => from(this.translate(e)).pipe(mergeMap((err) => throwError(() => err)))));
  }

  private async translate(e: unknown): Promise<unknown> {
    if (e instanceof UniqueConstraintViolationException) return uniqueClash(e);
    if (e instanceof OptimisticLockError) return staleVersion(await this.storedVersion(e.getEntity()));
    return e;
  }

  private async storedVersion(entity: unknown): Promise<number> {
    const r = entity as { constructor: new () => object; id?: unknown } | undefined;
    if (!r || typeof r.id !== 'string') return 0;
    const stored = await this.em.fork().findOne(r.constructor, { id: r.id } as never, { fields: ['version'] as never });
    return (stored as { version?: number } | null)?.version ?? 0;
  }
}
