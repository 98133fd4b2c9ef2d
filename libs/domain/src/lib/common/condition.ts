// A rule's condition on a row's fields, written once in the domain and read two ways: `holds` evaluates
// it in memory, and the API translates the same value into SQL (the department report's queries). Fields
// hold ISO dates, codes or flags, so comparisons are plain text comparisons in both places.

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A condition on the fields `F` of a row. No negation: as in SQL, a comparison with null never holds. */
export type Condition<F extends string> =
  | { readonly all: readonly Condition<F>[] }
  | { readonly any: readonly Condition<F>[] }
  | { readonly field: F; readonly isNull: boolean }
  | { readonly field: F; readonly isTrue: boolean }
  | { readonly field: F; readonly oneOf: readonly string[] }
  | { readonly field: F; readonly op: CompareOp; readonly value: string }
  | { readonly field: F; readonly op: CompareOp; readonly otherField: F };

export type ConditionValue = string | number | boolean | null | undefined;

const compare = (a: string, op: CompareOp, b: string): boolean => {
  switch (op) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
};

const present = (v: ConditionValue): v is string | number | boolean => v !== null && v !== undefined;

/** Whether the row satisfies the condition (null compares as SQL does: never). */
export function holds<F extends string>(condition: Condition<F>, row: Readonly<Record<F, ConditionValue>>): boolean {
  const c = condition;
  if ('all' in c) return c.all.every((x) => holds(x, row));
  if ('any' in c) return c.any.some((x) => holds(x, row));
  const v = row[c.field];
  if ('isNull' in c) return present(v) !== c.isNull;
  if ('isTrue' in c) return present(v) && (v === true || v === 1) === c.isTrue;
  if ('oneOf' in c) return present(v) && c.oneOf.includes(String(v));
  const other = 'value' in c ? c.value : row[c.otherField];
  return present(v) && present(other) && compare(String(v), c.op, String(other));
}
