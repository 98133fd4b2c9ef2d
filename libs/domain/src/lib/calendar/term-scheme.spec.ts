import fc from 'fast-check';

import { d } from '../../testing';
import { AcademicYear } from './academic-year';
import {
  defaultTermScheme,
  HOLIDAY_TOO_SHORT,
  TERM_COUNT_INVALID,
  TERM_OUTSIDE_YEAR,
  TERM_OVERLAP,
  TERM_SCHEME_KINDS,
  TermScheme,
  TermSchemeKind,
} from './term-scheme';

const y2019 = AcademicYear.of(2019);
const terms = (...pairs: [string, string][]) => pairs.map(([first, last]) => ({ first: d(first), last: d(last) }));
const quarters = (q1Last = '2019-10-31', q4Last = '2020-05-26') =>
  terms(['2019-09-02', q1Last], ['2019-11-11', '2019-12-27'], ['2020-01-09', '2020-03-20'], ['2020-03-30', q4Last]);
const iso = (scheme: TermScheme) => scheme.terms.map((t) => `${t.range.start.toString()}..${t.range.last.toString()}`);

describe(TermScheme.name, () => {
  it('keeps the terms of a valid quarter scheme with 1-based indexes', () => {
    const r = TermScheme.create({ kind: 'quarters', academicYear: y2019, terms: quarters() });
    expect(r.ok && r.value.terms.map((t) => t.index)).toEqual([1, 2, 3, 4]);
    expect(r.ok && [r.value.term(3)?.range.start.toString(), r.value.termCode(3), r.value.term(5)]).toEqual([
      '2020-01-09',
      'q3',
      undefined,
    ]);
  });

  it.each<[TermSchemeKind, number]>([
    ['quarters', 3],
    ['quarters', 5],
    ['trimesters', 4],
    ['halves', 1],
    ['individual', 0],
  ])('refuses a %s scheme with %d terms', (kind, count) => {
    const all = terms(
      ['2019-09-02', '2019-09-30'],
      ['2019-10-10', '2019-10-30'],
      ['2019-11-10', '2019-11-30'],
      ['2019-12-10', '2019-12-20'],
      ['2020-01-10', '2020-01-30'],
    );
    const r = TermScheme.create({ kind, academicYear: y2019, terms: all.slice(0, count) });
    expect(r.ok ? undefined : [r.error.code, r.error.category, r.error.field]).toEqual([
      TERM_COUNT_INVALID,
      'invalid',
      'terms',
    ]);
  });

  it('accepts an individual schedule of any positive number of terms', () => {
    const r = TermScheme.create({
      kind: 'individual',
      academicYear: y2019,
      terms: terms(['2019-09-02', '2019-10-31'], ['2019-11-11', '2020-05-26']),
    });
    expect(r.ok && r.value.termCode(2)).toBe('i2');
  });

  it('refuses a term that ends before it starts', () => {
    const r = TermScheme.create({
      kind: 'halves',
      academicYear: y2019,
      terms: terms(['2019-09-02', '2019-12-27'], ['2020-05-26', '2020-01-09']),
    });
    expect(r.ok ? undefined : [r.error.code, r.error.field]).toEqual(['period.end-before-start', 'terms[1]']);
  });

  it.each([
    [
      'starts before 1 September',
      [
        ['2019-08-26', '2019-12-27'],
        ['2020-01-09', '2020-05-26'],
      ],
    ],
    [
      'ends after 31 August',
      [
        ['2019-09-02', '2019-12-27'],
        ['2020-01-09', '2020-09-01'],
      ],
    ],
  ])('refuses a term that %s', (_, pairs) => {
    const r = TermScheme.create({
      kind: 'halves',
      academicYear: y2019,
      terms: terms(...(pairs as [string, string][])),
    });
    expect(r.ok ? undefined : [r.error.code, r.error.category]).toEqual([TERM_OUTSIDE_YEAR, 'rule']);
  });

  it.each([
    [
      'overlapping terms',
      [
        ['2019-09-02', '2020-01-10'],
        ['2020-01-09', '2020-05-26'],
      ],
    ],
    [
      'terms out of order',
      [
        ['2020-01-09', '2020-05-26'],
        ['2019-09-02', '2019-12-27'],
      ],
    ],
  ])('refuses %s', (_, pairs) => {
    const r = TermScheme.create({
      kind: 'halves',
      academicYear: y2019,
      terms: terms(...(pairs as [string, string][])),
    });
    expect(r.ok ? undefined : r.error.code).toBe(TERM_OVERLAP);
  });

  it.each([
    ['2019-11-04', 6, true],
    ['2019-11-03', 7, false],
    ['2019-11-10', 0, true],
  ])(
    'checks a holiday of at least 7 days between terms (Q1 ends %s: %d days, too short: %s)',
    (q1Last, days, short) => {
      const r = TermScheme.create({ kind: 'quarters', academicYear: y2019, terms: quarters(q1Last) });
      expect(r.ok ? undefined : r.error.details?.[0]).toEqual(
        short
          ? expect.objectContaining({ rule: HOLIDAY_TOO_SHORT, field: 'terms[1]', limit: 7, actual: days })
          : undefined,
      );
    },
  );

  it.each([
    ['2020-08-25', 6, true],
    ['2020-08-24', 7, false],
    ['2020-08-31', 0, true],
  ])(
    'checks a summer holiday of at least 7 days (last term ends %s: %d days, too short: %s)',
    (q4Last, days, short) => {
      const r = TermScheme.create({ kind: 'quarters', academicYear: y2019, terms: quarters(undefined, q4Last) });
      expect(r.ok ? undefined : r.error.details?.[0]).toEqual(
        short ? expect.objectContaining({ rule: HOLIDAY_TOO_SHORT, field: 'terms[3]', actual: days }) : undefined,
      );
    },
  );

  it('reports every broken rule together, the first one naming the error', () => {
    const r = TermScheme.create({
      kind: 'halves',
      academicYear: y2019,
      terms: terms(['2019-08-01', '2019-12-27'], ['2019-12-30', '2020-08-31']),
    });
    expect(r.ok ? undefined : [r.error.code, r.error.details?.map((f) => f.rule)]).toEqual([
      TERM_OUTSIDE_YEAR,
      [TERM_OUTSIDE_YEAR, HOLIDAY_TOO_SHORT, HOLIDAY_TOO_SHORT],
    ]);
  });

  describe('a scheme in use', () => {
    const sut = defaultTermScheme('quarters', y2019);

    it.each([
      ['2019-09-01', undefined, true],
      ['2019-09-02', 1, false],
      ['2019-10-31', 1, false],
      ['2019-11-04', undefined, true],
      ['2019-12-31', undefined, true],
      ['2020-01-01', undefined, true],
      ['2020-01-10', 3, false],
      ['2020-02-29', 3, false],
      ['2020-03-31', undefined, true],
      ['2020-04-01', 4, false],
      ['2020-05-26', 4, false],
      ['2020-05-27', undefined, true],
      ['2020-08-31', undefined, true],
      ['2020-09-01', undefined, false],
      ['2019-08-31', undefined, false],
    ])('puts %s in term %s (school holiday: %s)', (date, index, holiday) => {
      expect(sut.termContaining(d(date))?.index).toBe(index);
      expect(sut.isTermTime(d(date))).toBe(index !== undefined);
      expect(sut.isSchoolHoliday(d(date))).toBe(holiday);
    });

    it('runs the summer holidays from the day after the last term to 31 August', () => {
      expect([sut.summerHolidays.start.toString(), sut.summerHolidays.last.toString()]).toEqual([
        '2020-05-27',
        '2020-08-31',
      ]);
    });

    it('lists the holidays between terms', () => {
      expect(sut.holidays.map((h) => `${h.start.toString()}..${h.last.toString()}`)).toEqual([
        '2019-11-01..2019-11-10',
        '2019-12-28..2020-01-09',
        '2020-03-21..2020-03-31',
      ]);
    });
  });
});

describe(defaultTermScheme.name, () => {
  it.each<[TermSchemeKind, number, string[]]>([
    [
      'quarters',
      2019,
      ['2019-09-02..2019-10-31', '2019-11-11..2019-12-27', '2020-01-10..2020-03-20', '2020-04-01..2020-05-26'],
    ],
    [
      'quarters',
      2024,
      ['2024-09-02..2024-10-31', '2024-11-11..2024-12-27', '2025-01-10..2025-03-21', '2025-04-01..2025-05-26'],
    ],
    ['trimesters', 2019, ['2019-09-02..2019-11-22', '2019-12-02..2020-02-28', '2020-03-10..2020-05-26']],
    ['halves', 2021, ['2021-09-01..2021-12-28', '2022-01-10..2022-05-26']],
    ['individual', 2020, ['2020-09-01..2021-05-26']],
  ])('gives %s of %d sensible Tatarstan dates', (kind, year, expected) => {
    expect(iso(defaultTermScheme(kind, AcademicYear.of(year)))).toEqual(expected);
  });

  it.each([
    [2019, '2019-09-02', '2020-05-26'],
    [2024, '2024-09-02', '2025-05-26'],
    [2028, '2028-09-01', '2029-05-25'],
  ])(
    'starts instruction of %d on 1 September or the next weekday, and ends it on 26 May or the previous weekday',
    (year, first, last) => {
      const sut = defaultTermScheme('halves', AcademicYear.of(year));
      expect([sut.terms[0].range.start.toString(), sut.summerHolidays.start.addDays(-1).toString()]).toEqual([
        first,
        last,
      ]);
    },
  );

  it('always passes its own validation, with weekday terms and holidays of at least 7 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.constantFrom(...TERM_SCHEME_KINDS), (year, kind) => {
        const sut = defaultTermScheme(kind, AcademicYear.of(year));
        const again = TermScheme.create({
          kind,
          academicYear: sut.academicYear,
          terms: sut.terms.map((t) => ({ first: t.range.start, last: t.range.last })),
        });
        expect(again.ok).toBe(true);
        expect(sut.terms.every((t) => !t.range.start.isWeekend && !t.range.last.isWeekend)).toBe(true);
        expect([...sut.holidays, sut.summerHolidays].every((h) => h.days >= 7)).toBe(true);
      }),
    );
  });
});
