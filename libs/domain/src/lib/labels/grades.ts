/** Target grades as a short list: [5, 6, 7, 9] → "5–7, 9", [5, 6] → "5, 6"; sorted, each grade once. */
export function gradeRanges(grades: readonly number[]): string {
  const g = [...new Set(grades)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < g.length; ) {
    let j = i;
    while (j + 1 < g.length && g[j + 1] === (g[j] as number) + 1) j++;
    parts.push(j > i + 1 ? `${g[i]}–${g[j]}` : j === i + 1 ? `${g[i]}, ${g[j]}` : `${g[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
