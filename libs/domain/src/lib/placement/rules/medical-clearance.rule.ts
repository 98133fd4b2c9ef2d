import { placementFinding, PlacementRule } from '../placement.model';

/** B7, ТК ст. 266: a preliminary medical examination before hiring; its clearance date is on or before the start. */
export const medicalClearanceRule: PlacementRule = {
  code: 'medical-clearance',
  source: 'B7 · ТК ст. 266',
  scope: 'minor_employment',
  emits: ['placement.medical.required', 'placement.medical.after-start'],
  evaluate(input) {
    const on = input.medicalClearanceOn;
    const start = input.startsOn.toString();
    if (on === null) {
      return [
        placementFinding(
          'placement.medical.required',
          {
            ru: 'Не указана дата предварительного медицинского осмотра',
            en: 'The date of the preliminary medical examination is missing',
          },
          { field: 'medicalClearanceOn', limit: `≤ ${start}`, actual: 'missing' },
        ),
      ];
    }
    if (!on.isAfter(input.startsOn)) return [];
    return [
      placementFinding(
        'placement.medical.after-start',
        {
          ru: `Медицинский осмотр (${on.toString()}) должен быть пройден до начала работы (${start})`,
          en: `The medical examination (${on.toString()}) must precede the start of work (${start})`,
        },
        { field: 'medicalClearanceOn', limit: `≤ ${start}`, actual: on.toString() },
      ),
    ];
  },
};
