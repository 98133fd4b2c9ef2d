import { ratio } from '../indicators/ratio';

/**
 * The matching key of a profession name: trimmed, inner whitespace collapsed, lower case, ё → е
 * («Сварщик », «сварщик» and «СВАРЩИК» match; «Водитель погрузчика» matches «водитель  погрузчика»).
 */
export function normaliseProfession(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
}

export interface DemandedProfession {
  readonly profession: string;
  /** people needed (labour-market need, E7) */
  readonly demand: number;
}

/** Demanded professions merged by matching key: demands summed, the first spelling kept. */
function mergeDemand(demanded: readonly DemandedProfession[]): Map<string, DemandedProfession> {
  const merged = new Map<string, DemandedProfession>();
  for (const need of demanded) {
    const key = normaliseProfession(need.profession);
    if (key === '') continue;
    const seen = merged.get(key);
    merged.set(key, {
      profession: seen?.profession ?? need.profession.trim(),
      demand: (seen?.demand ?? 0) + need.demand,
    });
  }
  return merged;
}

/**
 * C4/E7: in-demand professions that no activity or partner touched (`covered` are the profession tags of
 * the period's activities). Needs for the same profession are merged (demand summed); sorted by demand,
 * highest first, then by name.
 */
export function uncoveredProfessions(
  demanded: readonly DemandedProfession[],
  covered: readonly string[],
): DemandedProfession[] {
  const touched = new Set(covered.map(normaliseProfession));
  return [...mergeDemand(demanded)]
    .filter(([key]) => !touched.has(key))
    .map(([, need]) => need)
    .sort((a, b) => b.demand - a.demand || a.profession.localeCompare(b.profession, 'ru'));
}

export interface ProfessionCoverage {
  /** distinct demanded professions */
  readonly demanded: number;
  /** distinct demanded professions featured in at least one activity */
  readonly covered: number;
  /** covered ÷ demanded; null when nothing is demanded */
  readonly ratio: number | null;
}

/** Indicator #10 (academic year): distinct demanded professions featured in events ÷ distinct demanded. */
export function professionCoverage(
  demanded: readonly DemandedProfession[],
  covered: readonly string[],
): ProfessionCoverage {
  const all = mergeDemand(demanded).size;
  const coveredCount = all - uncoveredProfessions(demanded, covered).length;
  return { demanded: all, covered: coveredCount, ratio: ratio(coveredCount, all) };
}
