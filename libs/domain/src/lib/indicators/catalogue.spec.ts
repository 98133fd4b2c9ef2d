import { INDICATORS } from './catalogue';

describe('INDICATORS', () => {
  it('lists indicators 1 to 13 of G2 once each, in order', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it.each([
    [5, ['term', 'academic_year']],
    [8, ['academic_year']],
    [11, ['summer_campaign']],
    [13, ['calendar_quarter']],
  ])('aggregates indicator #%d by %j', (id, kinds) => {
    expect(INDICATORS.find((i) => i.id === id)?.periodKinds).toEqual(kinds);
  });

  it('keeps placement compliance and document acknowledgement internal and publishes the rest', () => {
    expect(INDICATORS.filter((i) => !i.publicOutput).map((i) => i.id)).toEqual([12, 13]);
  });
});
