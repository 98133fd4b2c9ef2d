import { placementFinding, PlacementRule } from '../placement.model';

/** B11, ТК ст. 70: no probation period for workers under 18. */
export const probationRule: PlacementRule = {
  code: 'probation',
  source: 'B11 · ТК ст. 70',
  scope: 'minor_employment',
  emits: ['placement.probation'],
  evaluate(input) {
    if (input.probationClause !== true) return [];
    return [
      placementFinding(
        'placement.probation',
        {
          ru: 'Испытание при приёме на работу лиц моложе 18 лет не устанавливается',
          en: 'A probation period may not be set for a worker under 18',
          tt: '18 яшькә кадәрге затларны эшкә алганда сынау срогы билгеләнми',
        },
        { field: 'probationClause', limit: 'no probation', actual: 'probation clause' },
      ),
    ];
  },
};
