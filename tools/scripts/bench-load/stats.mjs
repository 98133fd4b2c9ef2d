// Small statistics helpers for the load benchmark: percentiles, a least-squares slope, number formatting.

/** The p-th percentile (0..100) of `values` by the nearest-rank method; NaN for an empty list. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50/p95/p99/max and the count of a list of latencies in milliseconds. */
export function latencySummary(latencies) {
  const s = Float64Array.from(latencies).sort();
  return {
    count: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/**
 * Least-squares line through the points (x seconds, y): slope per second, the fitted change over the span
 * (slope × (last x − first x)) and the standard deviation of the residuals (the noise around the line).
 */
export function linearTrend(points) {
  const n = points.length;
  if (n < 3) return { slope: NaN, change: NaN, noise: NaN, n };
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const residuals = points.map((p) => p.y - (my + slope * (p.x - mx)));
  const noise = Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / (n - 2));
  return { slope, change: slope * (points[n - 1].x - points[0].x), noise, n };
}

export const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : Math.round(v).toString()) : '—');
export const mb = (bytes) => Math.round(bytes / 2 ** 20);
export const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');
