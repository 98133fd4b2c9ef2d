import { writtenDate } from '../../common';
import { LABOUR_LIMITS, minorAge } from '../labour-limits';
import { ageOnStart, firstTermWorkDate, placementFinding, PlacementRule, ru } from '../placement.model';

/**
 * B2, ТК ст. 92: 24 h a week under 16, 35 h at 16–17; halved (12 / 17.5) when any working day falls in term
 * time (not a school holiday). Age on the start date for the whole placement.
 */
export const weeklyHoursRule: PlacementRule = {
  code: 'weekly-hours',
  source: 'B2 · ТК ст. 92',
  scope: 'minor_employment',
  emits: ['placement.hours.weekly'],
  evaluate(input, ctx) {
    const age = ageOnStart(input);
    const limits = LABOUR_LIMITS.weeklyHours[minorAge(age)];
    const termDay = firstTermWorkDate(input, ctx);
    const limit = termDay ? limits.term : limits.holidays;
    if (input.hoursPerWeek <= limit) return [];
    const when = termDay
      ? {
          ru: `в учебное время (половина нормы; например, ${writtenDate(termDay, 'ru')})`,
          en: `in term time (half the norm; e.g. ${writtenDate(termDay, 'en')})`,
          tt: `Уку вакытында (норманың яртысы; мәсәлән, ${writtenDate(termDay, 'tt')})`,
        }
      : { ru: 'в каникулы', en: 'in the holidays', tt: 'Каникулда' };
    return [
      placementFinding(
        'placement.hours.weekly',
        {
          ru: `Не более ${ru(limit)} ч в неделю для работника ${age} лет ${when.ru}; указано ${ru(input.hoursPerWeek)}`,
          en: `At most ${limit} h a week for a worker aged ${age} ${when.en}; given ${input.hoursPerWeek}`,
          tt: `${when.tt} ${age} яшьлек хезмәткәр өчен атнасына ${ru(limit)} сәгатьтән артык түгел; күрсәтелгән: ${ru(input.hoursPerWeek)}`,
        },
        { field: 'hoursPerWeek', limit, actual: input.hoursPerWeek },
      ),
    ];
  },
};
