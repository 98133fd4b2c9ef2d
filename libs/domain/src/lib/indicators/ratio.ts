/**
 * `numerator ÷ denominator` rounded to 4 decimals (0.12345 → 0.1235); `null` when the denominator is 0,
 * so "nothing was planned" never reads as 0 % or 100 %. Not clamped: callers guarantee the range.
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return round4(numerator / denominator);
}

/** Rounds half away from zero to 4 decimals. */
export function round4(value: number): number {
  return Math.sign(value) * (Math.round(Math.abs(value) * 10_000) / 10_000);
}

/**
 * Median of a list (e.g. working days to acknowledge); the mean of the two middle values for an even
 * count; `null` for an empty list.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A row of an SQL `GROUP BY`: `count` is how many items it stands for (1 when absent). */
export interface Weighted {
  readonly count?: number;
}

export const weight = (row: Weighted): number => row.count ?? 1;

/** Sums the weights of rows per key; keys with no rows are absent. */
export function tally<T extends Weighted>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const k = key(row);
    out[k] = (out[k] ?? 0) + weight(row);
  }
  return out;
}
