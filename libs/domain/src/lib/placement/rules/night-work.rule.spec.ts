import { simplePlacementContext } from '../placement-context';
import { aPlacement, t } from '../testing';
import { nightWorkRule as sut } from './night-work.rule';

const ctx = simplePlacementContext();
const evaluate = (start: string, end: string) =>
  sut.evaluate(aPlacement({ shiftStartsAt: t(start), shiftEndsAt: t(end) }), ctx);

describe('nightWorkRule', () => {
  it.each([
    ['06:00', '22:00'],
    ['09:00', '13:00'],
  ])('accepts a shift from %s to %s', (start, end) => {
    expect(evaluate(start, end)).toEqual([]);
  });

  it.each([
    ['05:59', '12:00', 'shiftStartsAt'],
    ['00:00', '04:00', 'shiftStartsAt'],
    ['14:00', '22:01', 'shiftEndsAt'],
    ['05:00', '23:00', 'shiftStartsAt'],
    ['20:00', '02:00', 'shiftEndsAt'],
  ])('refuses a shift from %s to %s as night work', (start, end, field) => {
    expect(evaluate(start, end)).toEqual([
      expect.objectContaining({ rule: 'placement.night-work', field, limit: '06:00–22:00', actual: `${start}–${end}` }),
    ]);
  });
});
