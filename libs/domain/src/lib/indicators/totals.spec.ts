import fc from 'fast-check';

import {
  addTotals,
  districtTotals,
  emptyTotals,
  SUMMARY_COUNT_KEYS,
  SummaryCounts,
  SummaryTotals,
  summaryTotals,
  suppressTotals,
} from './totals';

const school = (over: Partial<SummaryCounts> = {}): SummaryTotals =>
  summaryTotals({
    agreementsActive: 5,
    partners: 6,
    activitiesPlanned: 20,
    activitiesHeld: 15,
    activitiesCancelled: 2,
    participants: 300,
    careerGuidanceHours: 42.5,
    placements: 10,
    placementsWithFindings: 1,
    documentRecipients: 4,
    documentsAcknowledged: 3,
    documentsOverdue: 1,
    ...over,
  });

const totalsArb: fc.Arbitrary<SummaryTotals> = fc
  .record(
    Object.fromEntries(SUMMARY_COUNT_KEYS.map((k) => [k, fc.nat(1000)])) as Record<
      keyof SummaryCounts,
      fc.Arbitrary<number>
    >,
  )
  .map((c) =>
    summaryTotals({
      ...c,
      activitiesHeld: Math.min(c.activitiesHeld, c.activitiesPlanned),
      careerGuidanceHours: c.careerGuidanceHours / 2,
    }),
  );

describe(summaryTotals.name, () => {
  it('derives plan execution as held ÷ planned', () => {
    expect(school().planExecution).toBe(0.75);
    expect(school({ activitiesPlanned: 0, activitiesHeld: 0 }).planExecution).toBeNull();
  });
});

describe(emptyTotals.name, () => {
  it('has every count at 0 and no plan execution', () => {
    expect(emptyTotals()).toEqual({
      agreementsActive: 0,
      partners: 0,
      activitiesPlanned: 0,
      activitiesHeld: 0,
      activitiesCancelled: 0,
      planExecution: null,
      participants: 0,
      careerGuidanceHours: 0,
      placements: 0,
      placementsWithFindings: 0,
      documentRecipients: 0,
      documentsAcknowledged: 0,
      documentsOverdue: 0,
    });
  });
});

describe(addTotals.name, () => {
  it('sums every count and recomputes plan execution from the sums instead of adding ratios', () => {
    const sut = addTotals(
      school({ activitiesPlanned: 10, activitiesHeld: 10 }),
      school({ activitiesPlanned: 30, activitiesHeld: 0 }),
    );
    expect(sut).toEqual({
      agreementsActive: 10,
      partners: 12,
      activitiesPlanned: 40,
      activitiesHeld: 10,
      activitiesCancelled: 4,
      planExecution: 0.25,
      participants: 600,
      careerGuidanceHours: 85,
      placements: 20,
      placementsWithFindings: 2,
      documentRecipients: 8,
      documentsAcknowledged: 6,
      documentsOverdue: 2,
    });
  });

  it('has the empty totals as its neutral element', () => {
    fc.assert(fc.property(totalsArb, (a) => expect(addTotals(a, emptyTotals())).toEqual(a)));
  });

  it('is commutative', () => {
    fc.assert(fc.property(totalsArb, totalsArb, (a, b) => expect(addTotals(a, b)).toEqual(addTotals(b, a))));
  });

  it('is associative', () => {
    fc.assert(
      fc.property(totalsArb, totalsArb, totalsArb, (a, b, c) =>
        expect(addTotals(addTotals(a, b), c)).toEqual(addTotals(a, addTotals(b, c))),
      ),
    );
  });

  it('keeps plan execution within 0..1 when held never exceeds planned', () => {
    fc.assert(
      fc.property(totalsArb, totalsArb, (a, b) => {
        const e = addTotals(a, b).planExecution;
        if (e !== null) expect(e >= 0 && e <= 1).toBe(true);
      }),
    );
  });
});

describe(districtTotals.name, () => {
  it('sums the schools but takes the distinct district partners as given', () => {
    const sut = districtTotals([school(), school({ partners: 4 })], 7);
    expect(sut).toMatchObject({
      agreementsActive: 10,
      partners: 7,
      activitiesPlanned: 40,
      activitiesHeld: 30,
      planExecution: 0.75,
    });
  });

  it('gives empty totals with the district partners for no school', () => {
    expect(districtTotals([], 0)).toEqual(emptyTotals());
  });
});

describe(suppressTotals.name, () => {
  it('hides small counts and the plan execution built on them, keeping zeros', () => {
    const sut = suppressTotals(school({ activitiesHeld: 3, placementsWithFindings: 0, documentsOverdue: 2 }));
    expect(sut.record).toMatchObject({
      activitiesHeld: null,
      activitiesPlanned: 20,
      planExecution: null,
      placementsWithFindings: 0,
      documentsOverdue: null,
      agreementsActive: 5,
    });
    expect(sut.suppressed).toEqual([
      'activitiesHeld',
      'activitiesCancelled',
      'documentRecipients',
      'documentsAcknowledged',
      'documentsOverdue',
      'planExecution',
    ]);
  });

  it('shows plan execution when held and planned are both shown', () => {
    expect(suppressTotals(school()).record.planExecution).toBe(0.75);
  });

  it('applies a custom threshold', () => {
    expect(suppressTotals(school(), 10).record.agreementsActive).toBeNull();
  });
});

describe(`${addTotals.name} with fractional hours`, () => {
  it.each([
    [0.1, 0.2, 0.3],
    [0.7, 0.1, 0.8],
    [1.1, 2.2, 3.3],
  ])('adds %d and %d career-guidance hours to exactly %d, without floating-point residue', (a, b, sum) => {
    expect(addTotals(school({ careerGuidanceHours: a }), school({ careerGuidanceHours: b })).careerGuidanceHours).toBe(
      sum,
    );
  });
});
