import { writtenDate } from '../../common';
import { LABOUR_LIMITS, minorAge } from '../labour-limits';
import { ageOnStart, firstTermWorkDate, placementFinding, PlacementRule, ru } from '../placement.model';

/**
 * B3, ТК ст. 94: 4 / 5 / 7 h a day at 14 / 15 / 16–17 in the holidays; 2.5 / 2.5 / 4 h when any working day
 * falls in term time. Age on the start date for the whole placement.
 */
export const dailyHoursRule: PlacementRule = {
  code: 'daily-hours',
  source: 'B3 · ТК ст. 94',
  scope: 'minor_employment',
  emits: ['placement.hours.daily'],
  evaluate(input, ctx) {
    const age = ageOnStart(input);
    const limits = LABOUR_LIMITS.dailyHours[minorAge(age)];
    const termDay = firstTermWorkDate(input, ctx);
    const limit = termDay ? limits.term : limits.holidays;
    if (input.hoursPerDay <= limit) return [];
    const when = termDay
      ? {
          ru: `при совмещении с учёбой (например, ${writtenDate(termDay, 'ru')})`,
          en: `while combining work and study (e.g. ${writtenDate(termDay, 'en')})`,
          tt: `Укуны эш белән бергә алып барганда (мәсәлән, ${writtenDate(termDay, 'tt')})`,
        }
      : { ru: 'в каникулы', en: 'in the holidays', tt: 'Каникулда' };
    return [
      placementFinding(
        'placement.hours.daily',
        {
          ru: `Не более ${ru(limit)} ч в день для работника ${age} лет ${when.ru}; указано ${ru(input.hoursPerDay)}`,
          en: `At most ${limit} h a day for a worker aged ${age} ${when.en}; given ${input.hoursPerDay}`,
          tt: `${when.tt} ${age} яшьлек хезмәткәр өчен көненә ${ru(limit)} сәгатьтән артык түгел; күрсәтелгән: ${ru(input.hoursPerDay)}`,
        },
        { field: 'hoursPerDay', limit, actual: input.hoursPerDay },
      ),
    ];
  },
};
