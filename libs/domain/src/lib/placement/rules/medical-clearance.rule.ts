import { writtenDate } from '../../common';
import { placementFinding, PlacementRule } from '../placement.model';

/**
 * B7, ТК ст. 266: a preliminary medical examination before hiring, then yearly until 18. The clearance counts for
 * one year: it is dated on or before the start and no more than a year before it (the same day a year earlier
 * still counts; for a start on 29 February, 28 February of the year before).
 */
export const medicalClearanceRule: PlacementRule = {
  code: 'medical-clearance',
  source: 'B7 · ТК ст. 266',
  scope: 'minor_employment',
  emits: ['placement.medical.required', 'placement.medical.after-start', 'placement.medical.expired'],
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
            tt: 'Алдан медицина тикшерүе датасы күрсәтелмәгән',
          },
          { field: 'medicalClearanceOn', limit: `≤ ${start}`, actual: 'missing' },
        ),
      ];
    }
    const oldest = input.startsOn.addYears(-1);
    if (on.isBefore(oldest))
      return [
        placementFinding(
          'placement.medical.expired',
          {
            ru: `Медицинский осмотр (${writtenDate(on, 'ru')}) старше года на начало работы (${writtenDate(input.startsOn, 'ru')}): нужен осмотр не ранее ${writtenDate(oldest, 'ru')}`,
            en: `The medical examination (${writtenDate(on, 'en')}) is more than a year older than the start of work (${writtenDate(input.startsOn, 'en')}): one on or after ${writtenDate(oldest, 'en')} is needed`,
            tt: `Медицина тикшерүе (${writtenDate(on, 'tt')}) эш башланганчы (${writtenDate(input.startsOn, 'tt')}) бер елдан да элегрәк үтелгән: ${writtenDate(oldest, 'tt')} көненнән дә иртә булмаган тикшерү кирәк`,
          },
          { field: 'medicalClearanceOn', limit: `${oldest.toString()}…${start}`, actual: on.toString() },
        ),
      ];
    if (!on.isAfter(input.startsOn)) return [];
    return [
      placementFinding(
        'placement.medical.after-start',
        {
          ru: `Медицинский осмотр (${writtenDate(on, 'ru')}) должен быть пройден до начала работы (${writtenDate(input.startsOn, 'ru')})`,
          en: `The medical examination (${writtenDate(on, 'en')}) must precede the start of work (${writtenDate(input.startsOn, 'en')})`,
          tt: `Медицина тикшерүе (${writtenDate(on, 'tt')}) эш башланганчы (${writtenDate(input.startsOn, 'tt')}) үтелергә тиеш`,
        },
        { field: 'medicalClearanceOn', limit: `≤ ${start}`, actual: on.toString() },
      ),
    ];
  },
};
