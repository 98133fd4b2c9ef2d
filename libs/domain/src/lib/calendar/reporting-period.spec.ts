import fc from 'fast-check';

import { d } from '../../testing';
import { LocalDate } from '../common';
import { AcademicYear } from './academic-year';
import { parsePeriod, PERIOD_INVALID, periodsContaining, ReportingPeriod, termPeriods } from './reporting-period';
import { defaultTermScheme, TermScheme } from './term-scheme';

/** Any date whose periods (its academic year included) lie in the supported years 1900–2199. */
const anyDate = fc
  .integer({ min: d('1900-09-01').epochDay, max: d('2199-08-31').epochDay })
  .map(LocalDate.fromEpochDay);
const json = (text: string, scheme?: TermScheme) => {
  const r = parsePeriod(text, scheme);
  return r.ok ? r.value.toJSON() : r.error.code;
};

describe(ReportingPeriod.name, () => {
  it('rejects a period that ends before it starts', () => {
    const r = ReportingPeriod.create({
      kind: 'calendar_year',
      label: 'x',
      start: d('2020-01-02'),
      end: d('2020-01-01'),
    });
    expect(r.ok ? undefined : r.error.code).toBe('period.end-before-start');
  });

  it('rejects a period that ends where it starts', () => {
    expect(ReportingPeriod.create({ kind: 'term', label: 'x', start: d('2020-01-01'), end: d('2020-01-01') }).ok).toBe(
      false,
    );
  });

  it('keeps a half-open range and serialises the inclusive last day', () => {
    const r = ReportingPeriod.create({
      kind: 'term',
      label: 'spring',
      start: d('2020-01-09'),
      end: d('2020-03-21'),
      academicYear: AcademicYear.of(2019),
      termIndex: 3,
    });
    expect(r.ok && [r.value.toJSON(), r.value.toString(), r.value.termIndex, r.value.academicYear?.label]).toEqual([
      { kind: 'term', label: 'spring', startsOn: '2020-01-09', endsOn: '2020-03-20' },
      'spring',
      3,
      '2019-2020',
    ]);
    expect(r.ok && [r.value.contains(d('2020-03-20')), r.value.contains(d('2020-03-21'))]).toEqual([true, false]);
  });

  it('gives no term period for an index the scheme lacks', () => {
    expect(ReportingPeriod.ofTerm(defaultTermScheme('halves', AcademicYear.of(2019)), 3)).toBeUndefined();
  });
});

describe(parsePeriod.name, () => {
  it.each([
    ['2019-2020', 'academic_year', '2019-09-01', '2020-08-31'],
    ['2020', 'calendar_year', '2020-01-01', '2020-12-31'],
    ['2020-Q1', 'calendar_quarter', '2020-01-01', '2020-03-31'],
    ['2020-Q2', 'calendar_quarter', '2020-04-01', '2020-06-30'],
    ['2020-Q3', 'calendar_quarter', '2020-07-01', '2020-09-30'],
    ['2020-Q4', 'calendar_quarter', '2020-10-01', '2020-12-31'],
    ['2020-H1', 'half_year', '2020-01-01', '2020-06-30'],
    ['2019-H1', 'half_year', '2019-01-01', '2019-06-30'],
    ['2020-H2', 'half_year', '2020-07-01', '2020-12-31'],
    ['summer-2020', 'summer_campaign', '2020-06-01', '2020-08-31'],
    ['2019-2020:q1', 'term', '2019-09-02', '2019-10-31'],
    ['2019-2020:q3', 'term', '2020-01-10', '2020-03-20'],
    ['2019-2020:q4', 'term', '2020-04-01', '2020-05-26'],
    ['2019-2020:t2', 'term', '2019-12-02', '2020-02-28'],
    ['2019-2020:h1', 'term', '2019-09-02', '2019-12-27'],
    ['2019-2020:h2', 'term', '2020-01-10', '2020-05-26'],
  ])('parses %s as a %s from %s to %s', (label, kind, startsOn, endsOn) => {
    expect(json(label)).toEqual({ kind, label, startsOn, endsOn });
  });

  it.each([
    '',
    '2019-2021',
    '2019-2020:q5',
    '2019-2020:q0',
    '2019-2020:t4',
    '2019-2020:h3',
    '2019-2020:Q1',
    '2019-2020:x1',
    '2020-Q5',
    '2020-q1',
    '2020-H3',
    'summer-20',
    'Summer-2020',
    '0000',
    '9999',
    '2020-01',
    ' 2020',
    '2019/2020',
  ])('rejects "%s" listing the accepted forms', (text) => {
    const r = parsePeriod(text);
    expect(r.ok ? undefined : [r.error.code, r.error.category, r.error.field]).toEqual([
      PERIOD_INVALID,
      'invalid',
      'period',
    ]);
    expect(
      r.ok ||
        [r.error.message.en, r.error.message.ru].every((m) =>
          ['2019-2020:q1', '2020-Q1', '2020-H1', 'summer-2020'].every((f) => m.includes(f)),
        ),
    ).toBe(true);
  });

  it.each([
    '0001',
    '0001-0002',
    'summer-0001',
    '0001-Q1',
    '1899',
    '1899-1900',
    '9998',
    '9998-9999',
    '9998-Q4',
    '9998-H2',
    'summer-9998',
    '9998-9999:q4',
    '2199-2200',
  ])('rejects "%s": outside the supported years 1900–2199', (text) => {
    const r = parsePeriod(text);
    expect(r.ok ? undefined : r.error.code).toBe(PERIOD_INVALID);
  });

  it.each(['1900', '1900-1901', '2198-2199', '2199', 'summer-2199'])(
    'accepts "%s" at the edge of the supported years',
    (text) => {
      expect(parsePeriod(text).ok).toBe(true);
    },
  );

  it('rejects a value that is not a string', () => {
    expect(parsePeriod(undefined as unknown as string).ok).toBe(false);
  });

  it('takes term dates from the school scheme of that year and kind', () => {
    const scheme = TermScheme.create({
      kind: 'quarters',
      academicYear: AcademicYear.of(2019),
      terms: [
        { first: d('2019-09-02'), last: d('2019-10-25') },
        { first: d('2019-11-05'), last: d('2019-12-28') },
        { first: d('2020-01-13'), last: d('2020-03-21') },
        { first: d('2020-03-30'), last: d('2020-05-30') },
      ],
    });
    if (!scheme.ok) throw new Error('fixture');
    const r = parsePeriod('2019-2020:q2', scheme.value);
    expect(r.ok && [r.value.toJSON(), r.value.termIndex, r.value.academicYear?.label]).toEqual([
      { kind: 'term', label: '2019-2020:q2', startsOn: '2019-11-05', endsOn: '2019-12-28' },
      2,
      '2019-2020',
    ]);
  });

  it.each([
    ['another year', '2020-2021:q2', defaultTermScheme('quarters', AcademicYear.of(2019)), '2020-11-10'],
    ['another kind', '2019-2020:t2', defaultTermScheme('quarters', AcademicYear.of(2019)), '2019-12-02'],
  ])('falls back to the default scheme for a scheme of %s', (_, text, scheme, startsOn) => {
    expect(json(text, scheme)).toEqual(expect.objectContaining({ startsOn }));
  });

  it('round-trips the label of every period containing a date', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        for (const period of periodsContaining(date)) expect(json(period.label)).toEqual(period.toJSON());
      }),
    );
  });
});

describe(periodsContaining.name, () => {
  const labels = (date: string, scheme?: TermScheme) => periodsContaining(d(date), scheme).map((p) => p.label);

  it.each([
    ['2019-08-31', ['2018-2019', '2019', '2019-Q3', '2019-H2', 'summer-2019']],
    ['2019-09-01', ['2019-2020', '2019', '2019-Q3', '2019-H2']],
    ['2019-12-31', ['2019-2020', '2019', '2019-Q4', '2019-H2']],
    ['2020-01-01', ['2019-2020', '2020', '2020-Q1', '2020-H1']],
    ['2020-02-29', ['2019-2020', '2020', '2020-Q1', '2020-H1']],
    ['2020-03-31', ['2019-2020', '2020', '2020-Q1', '2020-H1']],
    ['2020-04-01', ['2019-2020', '2020', '2020-Q2', '2020-H1']],
    ['2020-05-31', ['2019-2020', '2020', '2020-Q2', '2020-H1']],
    ['2020-06-01', ['2019-2020', '2020', '2020-Q2', '2020-H1', 'summer-2020']],
    ['2020-06-30', ['2019-2020', '2020', '2020-Q2', '2020-H1', 'summer-2020']],
    ['2020-07-01', ['2019-2020', '2020', '2020-Q3', '2020-H2', 'summer-2020']],
  ])('finds the periods containing %s', (date, expected) => {
    expect(labels(date)).toEqual(expected);
  });

  it('adds the term when a scheme is given and the date is in term', () => {
    const scheme = defaultTermScheme('quarters', AcademicYear.of(2019));
    expect(labels('2020-02-29', scheme)).toContain('2019-2020:q3');
    expect(labels('2020-03-25', scheme)).toHaveLength(4);
  });

  it('puts the summer campaign in the academic year that ends', () => {
    expect(ReportingPeriod.ofSummerCampaign(2020).academicYear?.label).toBe('2019-2020');
  });

  it('returns periods that all contain the date, one of each calendar kind', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const periods = periodsContaining(date);
        expect(periods.every((p) => p.contains(date))).toBe(true);
        expect(new Set(periods.map((p) => p.kind)).size).toBe(periods.length);
        expect(periods.some((p) => p.kind === 'summer_campaign')).toBe(date.month >= 6 && date.month <= 8);
      }),
    );
  });
});

describe(termPeriods.name, () => {
  it('labels the terms of a scheme with their codes', () => {
    expect(termPeriods(defaultTermScheme('trimesters', AcademicYear.of(2025))).map((p) => p.label)).toEqual([
      '2025-2026:t1',
      '2025-2026:t2',
      '2025-2026:t3',
    ]);
  });
});
