import { LABOUR_LIMITS, LOAD_LIMITS_ACT, minorAge, versionOn } from '../labour-limits';
import { ageOnStart, placementFinding, PlacementRule, ru } from '../placement.model';

const MODE = {
  constant: { ru: 'постоянно в течение смены', en: 'constantly through the shift' },
  up_to_third_constant: { ru: 'до 1/3 смены, постоянно', en: 'for up to a third of the shift, constantly' },
  up_to_third_alternating: {
    ru: 'до 1/3 смены, чередуя с другой работой',
    en: 'for up to a third of the shift, alternating with other work',
  },
} as const;

/**
 * B6: the heaviest manual load may not exceed the limit for the student's sex, age on the start date and
 * way of carrying (`constant` unless given). The act cited follows the start date; the values did not change.
 */
export const manualLoadRule: PlacementRule = {
  code: 'manual-load',
  source: 'B6 · Постановление Минтруда № 7 / Приказ № 369н',
  scope: 'minor_employment',
  emits: ['placement.load.exceeded'],
  evaluate(input) {
    if (input.maxLoadKg === null) return [];
    const mode = input.loadMode ?? 'constant';
    const age = ageOnStart(input);
    const limit = LABOUR_LIMITS.loadsKg[mode][input.studentSex][minorAge(age)];
    if (input.maxLoadKg <= limit) return [];
    const act = versionOn(LOAD_LIMITS_ACT, input.startsOn).source;
    const who = input.studentSex === 'male' ? { ru: 'юноши', en: 'a boy' } : { ru: 'девушки', en: 'a girl' };
    return [
      placementFinding(
        'placement.load.exceeded',
        {
          ru: `Предельная масса груза для ${who.ru} ${age} лет (${MODE[mode].ru}) — ${ru(limit)} кг; указано ${ru(input.maxLoadKg)} кг (${act})`,
          en: `The load limit for ${who.en} aged ${age} (${MODE[mode].en}) is ${limit} kg; given ${input.maxLoadKg} kg (${act})`,
        },
        { field: 'maxLoadKg', limit, actual: input.maxLoadKg },
      ),
    ];
  },
};
