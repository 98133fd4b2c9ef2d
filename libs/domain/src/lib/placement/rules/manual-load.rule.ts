import { LABOUR_LIMITS, LOAD_LIMITS_ACT, minorAge, versionOn } from '../labour-limits';
import { ageOnStart, placementFinding, PlacementRule, ru } from '../placement.model';

const MODE = {
  constant: { ru: 'постоянно в течение смены', en: 'constantly through the shift', tt: 'смена дәвамында даими' },
  up_to_third_constant: {
    ru: 'до 1/3 смены, постоянно',
    en: 'for up to a third of the shift, constantly',
    tt: 'сменаның өчтән бер өлешенә кадәр, даими',
  },
  up_to_third_alternating: {
    ru: 'до 1/3 смены, чередуя с другой работой',
    en: 'for up to a third of the shift, alternating with other work',
    tt: 'сменаның өчтән бер өлешенә кадәр, башка эш белән чиратлашып',
  },
} as const;

/**
 * B6: the heaviest manual load may not exceed the limit for the student's sex, age on the start date and
 * way of carrying (`constant` unless given). The act cited follows the start date; the values did not change.
 * Within the limit, a load above the verified 14-year-old cell of the same row that relies on an unverified [M]
 * cell is flagged for manual review (`placement.load.manual-review`, not blocking).
 */
export const manualLoadRule: PlacementRule = {
  code: 'manual-load',
  source: 'B6 · Постановление Минтруда № 7 / Приказ № 369н',
  scope: 'minor_employment',
  emits: ['placement.load.exceeded', 'placement.load.manual-review'],
  evaluate(input) {
    if (input.maxLoadKg === null) return [];
    const mode = input.loadMode ?? 'constant';
    const age = ageOnStart(input);
    const cell = minorAge(age);
    const limit = LABOUR_LIMITS.loadsKg[mode][input.studentSex][cell];
    const act = versionOn(LOAD_LIMITS_ACT, input.startsOn).source;
    const who =
      input.studentSex === 'male'
        ? { ru: 'юноши', en: 'a boy', tt: 'егет' }
        : { ru: 'девушки', en: 'a girl', tt: 'кыз' };
    if (input.maxLoadKg <= limit) {
      const verified = LABOUR_LIMITS.loadsVerified[mode][input.studentSex].includes(cell);
      const verified14 = LABOUR_LIMITS.loadsKg[mode][input.studentSex][14];
      if (verified || input.maxLoadKg <= verified14) return [];
      return [
        placementFinding(
          'placement.load.manual-review',
          {
            ru: `Груз ${ru(input.maxLoadKg)} кг для ${who.ru} ${age} лет (${MODE[mode].ru}) в пределах нормы ${ru(limit)} кг, но эта норма не подтверждена по тексту акта (подтверждено ${ru(verified14)} кг для 14 лет): нужна ручная проверка (${act})`,
            en: `A load of ${input.maxLoadKg} kg for ${who.en} aged ${age} (${MODE[mode].en}) is within the limit of ${limit} kg, but that limit is not verified against the act (${verified14} kg is verified for 14-year-olds): manual review needed (${act})`,
            tt: `${age} яшьлек ${who.tt} өчен ${ru(input.maxLoadKg)} кг йөк (${MODE[mode].tt}) ${ru(limit)} кг норма чикләрендә, ләкин бу норма акт тексты буенча расланмаган (14 яшь өчен ${ru(verified14)} кг расланган): кул белән тикшерү кирәк (${act})`,
          },
          { field: 'maxLoadKg', limit: verified14, actual: input.maxLoadKg },
        ),
      ];
    }
    return [
      placementFinding(
        'placement.load.exceeded',
        {
          ru: `Предельная масса груза для ${who.ru} ${age} лет (${MODE[mode].ru}) — ${ru(limit)} кг; указано ${ru(input.maxLoadKg)} кг (${act})`,
          en: `The load limit for ${who.en} aged ${age} (${MODE[mode].en}) is ${limit} kg; given ${input.maxLoadKg} kg (${act})`,
          tt: `${age} яшьлек ${who.tt} өчен йөкнең иң чик авырлыгы (${MODE[mode].tt}) — ${ru(limit)} кг; күрсәтелгән: ${ru(input.maxLoadKg)} кг (${act})`,
        },
        { field: 'maxLoadKg', limit, actual: input.maxLoadKg },
      ),
    ];
  },
};
