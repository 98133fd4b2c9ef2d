import type { CompareOp, Condition } from '@socium/domain';

import { FilterQuery, raw, UnderscoreNamingStrategy } from '@mikro-orm/core';

const OPERATORS = {
  '=': '$eq',
  '<>': '$ne',
  '<': '$lt',
  '<=': '$lte',
  '>': '$gt',
  '>=': '$gte',
} as const satisfies Record<CompareOp, string>;

/** The records name no column of their own: a property's column is the ORM's default (underscore) name. */
const naming = new UnderscoreNamingStrategy();
const column = (property: string): string => naming.propertyToColumnName(property);

/** Selects no row (an `any` of nothing). */
const nothing = () => ({ [raw('1 = 0')]: [] });

/**
 * A domain `Condition` as a MikroORM filter on records of `T`: the value `holds` evaluates in memory and the report
 * turns into SQL (`sqlCondition`). Fields are the record's properties, unless `properties` renames some. As in SQL,
 * a comparison with null never holds. Two fields compared with each other become a raw fragment on their columns.
 */
export function conditionFilter<T, F extends string>(
  c: Condition<F>,
  properties: Partial<Readonly<Record<F, string>>> = {},
): FilterQuery<T> {
  const nested = (parts: readonly Condition<F>[]) => parts.map((x) => conditionFilter<T, F>(x, properties));
  if ('all' in c) return { $and: nested(c.all) } as FilterQuery<T>;
  if ('any' in c) return (c.any.length ? { $or: nested(c.any) } : nothing()) as FilterQuery<T>;
  const p = properties[c.field] ?? c.field;
  let filter: object;
  if ('isNull' in c) filter = { [p]: c.isNull ? null : { $ne: null } };
  else if ('isTrue' in c) filter = { [p]: c.isTrue };
  else if ('oneOf' in c) filter = c.oneOf.length ? { [p]: { $in: [...c.oneOf] } } : nothing();
  else if ('value' in c) filter = { [p]: { [OPERATORS[c.op]]: c.value } };
  else {
    const [a, b] = [column(p), column(properties[c.otherField] ?? c.otherField)];
    filter = { [raw((alias: string) => `${alias}.${a} ${c.op} ${alias}.${b}`)]: [] };
  }
  return filter as FilterQuery<T>;
}
