import { LocalTime, unwrap } from '../../common';
import { LABOUR_LIMITS } from '../labour-limits';
import { placementFinding, PlacementRule } from '../placement.model';

const EARLIEST = unwrap(LocalTime.parse(LABOUR_LIMITS.shift.earliest));
const LATEST = unwrap(LocalTime.parse(LABOUR_LIMITS.shift.latest));

/** B4, ТК ст. 96, 268: no night work (22:00–06:00); a shift that wraps past midnight is night work too. */
export const nightWorkRule: PlacementRule = {
  code: 'night-work',
  source: 'B4 · ТК ст. 96, 268',
  scope: 'minor_employment',
  emits: ['placement.night-work'],
  evaluate(input) {
    const { shiftStartsAt: start, shiftEndsAt: end } = input;
    const early = start.minutes < EARLIEST.minutes;
    if (!early && end.minutes <= LATEST.minutes && end.minutes > start.minutes) return [];
    const window = `${EARLIEST.toString()}–${LATEST.toString()}`;
    return [
      placementFinding(
        'placement.night-work',
        {
          ru: `Работа в ночное время запрещена: смена должна лежать в пределах ${window}`,
          en: `Night work is prohibited: the shift must lie within ${window}`,
          tt: `Төнге эш тыела: смена ${window} чикләрендә булырга тиеш`,
        },
        {
          field: early ? 'shiftStartsAt' : 'shiftEndsAt',
          limit: window,
          actual: `${start.toString()}–${end.toString()}`,
        },
      ),
    ];
  },
};
