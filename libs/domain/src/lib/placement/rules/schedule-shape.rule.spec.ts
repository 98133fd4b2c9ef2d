import { d } from '../../../testing';
import { simplePlacementContext } from '../placement-context';
import { aPlacement, t } from '../testing';
import { scheduleShapeRule as sut } from './schedule-shape.rule';

const ctx = simplePlacementContext();
const codes = (over: Parameters<typeof aPlacement>[0]) => sut.evaluate(aPlacement(over), ctx).map((f) => f.rule);

describe('scheduleShapeRule', () => {
  it('accepts a placement whose dates, shift and hours add up', () => {
    expect(codes({})).toEqual([]);
  });

  it.each([
    ['a one-day placement', { startsOn: d('2020-06-15'), endsOn: d('2020-06-15') }],
    ['2.5 hours on 5 days as 12.5 a week', { hoursPerDay: 2.5, hoursPerWeek: 12.5 }],
    ['fewer weekly hours than days allow', { hoursPerDay: 6, hoursPerWeek: 10 }],
    ['zero hours', { hoursPerDay: 0, hoursPerWeek: 0 }],
  ])('accepts %s', (_, over) => {
    expect(codes(over)).toEqual([]);
  });

  it.each([
    ['a placement that ends before it starts', { endsOn: d('2020-06-14') }, 'placement.dates.invalid'],
    ['a shift that ends when it starts', { shiftEndsAt: t('09:00') }, 'placement.shift.invalid'],
    [
      'a shift that ends before it starts',
      { shiftStartsAt: t('20:00'), shiftEndsAt: t('02:00') },
      'placement.shift.invalid',
    ],
    ['a placement without working days', { workDays: [] }, 'placement.work-days.empty'],
    ['negative hours a day', { hoursPerDay: -1 }, 'placement.hours.invalid'],
    ['hours a week that are not a number', { hoursPerWeek: Number.NaN }, 'placement.hours.invalid'],
    ['infinite hours a day', { hoursPerDay: Number.POSITIVE_INFINITY }, 'placement.hours.invalid'],
    ['more weekly hours than hours a day × days', { hoursPerWeek: 31 }, 'placement.hours.inconsistent'],
  ])('rejects %s', (_, over, code) => {
    expect(codes(over)).toEqual([code]);
  });

  it('names the limit and the actual value of each finding', () => {
    expect(sut.evaluate(aPlacement({ endsOn: d('2020-06-01') }), ctx)[0]).toMatchObject({
      field: 'endsOn',
      limit: '2020-06-15',
      actual: '2020-06-01',
    });
    expect(sut.evaluate(aPlacement({ hoursPerWeek: 31 }), ctx)[0]).toMatchObject({
      field: 'hoursPerWeek',
      limit: 30,
      actual: 31,
    });
    expect(sut.evaluate(aPlacement({ shiftEndsAt: t('08:00') }), ctx)[0]).toMatchObject({
      field: 'shiftEndsAt',
      limit: '> 09:00',
      actual: '08:00',
    });
  });

  it('counts a repeated working day once', () => {
    expect(codes({ workDays: ['mon', 'mon'], hoursPerDay: 4, hoursPerWeek: 8 })).toEqual([
      'placement.hours.inconsistent',
    ]);
  });

  it('reports each invalid hours field separately and skips the consistency check then', () => {
    const findings = sut.evaluate(aPlacement({ hoursPerDay: -1, hoursPerWeek: -2 }), ctx);
    expect(findings.map((f) => [f.rule, f.field])).toEqual([
      ['placement.hours.invalid', 'hoursPerDay'],
      ['placement.hours.invalid', 'hoursPerWeek'],
    ]);
  });

  it('does not call hours inconsistent when no working day is given', () => {
    expect(codes({ workDays: [], hoursPerWeek: 30 })).toEqual(['placement.work-days.empty']);
  });

  it('reports several shape breaches together', () => {
    expect(codes({ endsOn: d('2020-06-01'), shiftEndsAt: t('08:00'), workDays: [] })).toEqual([
      'placement.dates.invalid',
      'placement.shift.invalid',
      'placement.work-days.empty',
    ]);
  });
});
