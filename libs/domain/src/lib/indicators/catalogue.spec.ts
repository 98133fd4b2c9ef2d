import { INDICATORS } from './catalogue';
import { INDICATOR_KEYS } from './report-indicators';

describe('INDICATORS', () => {
  it("lists indicators 1 to 14 of G2 once each, in order, keyed as the report's indicators", () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(INDICATORS.map((i) => i.key)).toEqual(INDICATOR_KEYS);
  });

  it.each([
    [5, ['term', 'academic_year']],
    [8, ['academic_year']],
    [11, ['summer_campaign']],
    [13, ['calendar_quarter']],
  ])('aggregates indicator #%d by %j', (id, kinds) => {
    expect(INDICATORS.find((i) => i.id === id)?.periodKinds).toEqual(kinds);
  });

  it('keeps placement compliance, document acknowledgement and website timeliness internal and publishes the rest', () => {
    expect(INDICATORS.filter((i) => !i.publicOutput).map((i) => i.id)).toEqual([12, 13, 14]);
  });
});
