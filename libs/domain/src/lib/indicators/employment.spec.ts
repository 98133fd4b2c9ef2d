import { LocalDate } from '../common';
import { AGE_BANDS, ageBand, ageBandBirthDates, placementCompliance, summerEmployment } from './employment';

describe(ageBand.name, () => {
  it.each([
    [13, null],
    [14, '14'],
    [15, '15'],
    [16, '16-17'],
    [17, '16-17'],
    [18, null],
  ])('puts age %d in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});

describe(summerEmployment.name, () => {
  const students = { '14': 40, '15': 30, '16-17': 50 };

  it('shares employed students aged 14 to 17 overall, by channel and by age band', () => {
    const sut = summerEmployment({
      students,
      employed: [
        { channel: 'employment_centre', ageBand: '14', count: 8 },
        { channel: 'employment_centre', ageBand: '16-17', count: 12 },
        { channel: 'school_brigade', ageBand: '15', count: 6 },
        { channel: 'direct', ageBand: '16-17' },
      ],
    });
    expect(sut).toEqual({
      students: 120,
      employed: 27,
      share: 0.225,
      byChannel: {
        employment_centre: { employed: 20, share: 0.1667 },
        school_brigade: { employed: 6, share: 0.05 },
        direct: { employed: 1, share: 0.0083 },
      },
      byAgeBand: {
        '14': { students: 40, employed: 8, share: 0.2 },
        '15': { students: 30, employed: 6, share: 0.2 },
        '16-17': { students: 50, employed: 13, share: 0.26 },
      },
    });
  });

  it('uses the distinct count of employed students for the overall share when given', () => {
    const sut = summerEmployment({
      students,
      employed: [
        { channel: 'employment_centre', ageBand: '15', count: 6 },
        { channel: 'direct', ageBand: '15', count: 6 },
      ],
      distinctEmployed: 10,
    });
    expect(sut).toMatchObject({ employed: 10, share: 0.0833 });
    expect(sut.byAgeBand['15'].employed).toBe(12);
  });

  it('has no shares without students', () => {
    const sut = summerEmployment({ students: { '14': 0, '15': 0, '16-17': 0 }, employed: [] });
    expect(sut).toMatchObject({ students: 0, employed: 0, share: null, byChannel: {} });
    expect(sut.byAgeBand['14']).toEqual({ students: 0, employed: 0, share: null });
  });
});

describe(placementCompliance.name, () => {
  it.each([
    [20, 3, 0.15],
    [20, 0, 0],
    [0, 0, null],
  ])('with %d placements and %d with findings gives %s', (placements, withFindings, share) => {
    expect(placementCompliance(placements, withFindings)).toEqual({ placements, withFindings, share });
  });
});

describe(ageBandBirthDates.name, () => {
  // every day of a leap year and the next, and births on every day of the years that make 12–19-year-olds
  const days = Array.from({ length: 731 }, (_, i) => LocalDate.iso('2024-01-01').addDays(i)).filter(
    (_, i) => i % 7 === 0 || i % 59 === 0,
  );
  const births = Array.from({ length: 366 * 8 }, (_, i) => LocalDate.iso('2004-01-01').addDays(i));

  it.each(days.map((d) => [d.toString(), d] as const))(
    'puts a birth in a band on %s exactly when ageOn does',
    (_, on) => {
      const ranges = AGE_BANDS.map((b) => [b, ageBandBirthDates(b, on)] as const);
      const inRange = (birth: LocalDate) =>
        ranges.find(([, r]) => birth.isAfter(r.bornAfter) && !birth.isAfter(r.bornBy))?.[0] ?? null;
      expect(births.filter((birth) => inRange(birth) !== ageBand(birth.ageOn(on))).map(String)).toEqual([]);
    },
  );

  it('counts a 29 February birthday from 1 March in a common year', () => {
    expect(ageBandBirthDates('14', LocalDate.iso('2024-02-29')).bornBy.toString()).toBe('2010-02-28');
    expect(ageBandBirthDates('16-17', LocalDate.iso('2025-03-01'))).toEqual({
      bornAfter: LocalDate.iso('2007-03-01'),
      bornBy: LocalDate.iso('2009-03-01'),
    });
  });
});
