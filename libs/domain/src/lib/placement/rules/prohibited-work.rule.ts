import { placementFinding, PlacementRule } from '../placement.model';

/** B5, ТК ст. 265: harmful or dangerous work, underground work and the listed sectors are closed to under-18s. */
export const prohibitedWorkRule: PlacementRule = {
  code: 'prohibited-work',
  source: 'B5 · ТК ст. 265',
  scope: 'minor_employment',
  emits: ['placement.prohibited-work'],
  evaluate(input) {
    if (!input.harmful) return [];
    return [
      placementFinding(
        'placement.prohibited-work',
        {
          ru: `Работа «${input.jobTitle}» с вредными или опасными условиями запрещена для лиц моложе 18 лет`,
          en: `"${input.jobTitle}" is harmful or dangerous work, prohibited for anyone under 18`,
          tt: `«${input.jobTitle}» — зарарлы яки куркыныч шартлардагы эш, 18 яшькә кадәрге затларга тыела`,
        },
        { field: 'harmful', limit: 'not harmful', actual: 'harmful' },
      ),
    ];
  },
};
