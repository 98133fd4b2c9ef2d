import { ratio } from './ratio';

/** D4: counts below 5 per school, grade or category are never published as such. */
export const SUPPRESSION_THRESHOLD = 5;

/**
 * Small-number suppression for public output (D4, C8 "counts under 5 are suppressed"):
 * 0 is shown as 0 (an absence reveals no person), 1…threshold−1 become `null` (hidden),
 * threshold and above are shown. Only primary suppression: a public figure made of several parts goes through
 * `publicPeopleCount`, which leaves the small parts out of every total.
 */
export function suppressSmall(count: number, threshold = SUPPRESSION_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : count;
}

/**
 * Sums counts of people into cells: one cell per `key` (e.g. school × partner), in order of first appearance.
 * The cells are what suppression looks at, so the same grouping must be used by every public figure.
 */
export function peopleCells<T>(rows: readonly T[], key: (row: T) => string, count: (row: T) => number): number[] {
  const cells = new Map<string, number>();
  for (const row of rows) cells.set(key(row), (cells.get(key(row)) ?? 0) + count(row));
  return [...cells.values()];
}

/**
 * The one rule for every public count of PEOPLE (D4), made to survive subtraction: a public figure is the sum of
 * its cells of `threshold` or more people; a small cell (1…threshold−1) is left out of EVERY figure it belongs to
 * (the school's, the partner's and the district's), so no difference of two published figures can reveal it.
 * When every non-empty cell is small the figure is `null` (hidden) rather than a misleading 0. Counts of
 * activities, agreements, partners or schools are not counts of people and are published as they are.
 */
export function publicPeopleCount(cells: readonly number[], threshold = SUPPRESSION_THRESHOLD): number | null {
  let shown = 0;
  let hidden = false;
  for (const cell of cells) {
    if (suppressSmall(cell, threshold) === null) hidden = true;
    else shown += cell;
  }
  return shown === 0 && hidden ? null : shown;
}

/** A ratio for public output: `null` when its numerator or denominator is suppressed (or the denominator is 0). */
export function suppressedRatio(
  numerator: number,
  denominator: number,
  threshold = SUPPRESSION_THRESHOLD,
): number | null {
  if (suppressSmall(numerator, threshold) === null || suppressSmall(denominator, threshold) === null) return null;
  return ratio(numerator, denominator);
}

/** Keys of `T` whose values are numbers (possibly null). */
export type CountKey<T> = { [K in keyof T]-?: T[K] extends number | null ? K : never }[keyof T];

export type Suppressed<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null };

export interface SuppressOptions<T, K extends keyof T> {
  readonly threshold?: number;
  /** derived ratio fields: each becomes null when its [numerator, denominator] count was suppressed */
  readonly ratios?: Readonly<Partial<Record<CountKey<T>, readonly [K, K]>>>;
}

export interface SuppressionResult<T, K extends keyof T> {
  readonly record: Suppressed<T, K>;
  /** the fields hidden by suppression (counts and derived ratios), in the order checked */
  readonly suppressed: readonly (keyof T)[];
}

/**
 * Applies `suppressSmall` to the selected count fields of a record; a null count stays null and is not
 * listed. Ratios named in `options.ratios` become null when one of their counts was suppressed.
 */
export function suppressRecord<T extends object, K extends CountKey<T>>(
  obj: T,
  keys: readonly K[],
  options: SuppressOptions<T, K> = {},
): SuppressionResult<T, K> {
  const record: Record<PropertyKey, unknown> = { ...(obj as Record<PropertyKey, unknown>) };
  const suppressed: (keyof T)[] = [];
  for (const key of keys) {
    const value = obj[key] as number | null;
    if (value === null) continue;
    const shown = suppressSmall(value, options.threshold);
    record[key] = shown;
    if (shown === null) suppressed.push(key);
  }
  const ratios = Object.entries(options.ratios ?? {}) as [keyof T, readonly [K, K]][];
  for (const [ratioKey, [num, den]] of ratios) {
    if (suppressed.includes(num) || suppressed.includes(den)) {
      record[ratioKey] = null;
      suppressed.push(ratioKey);
    }
  }
  return { record: record as Suppressed<T, K>, suppressed };
}
