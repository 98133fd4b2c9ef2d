import { WorkingCalendar } from '../calendar';
import { LocalDate } from '../common';
import {
  enrolmentTotals,
  INDICATOR_KEYS,
  isEmployerPartner,
  studentCoverageOf,
  valueOr,
  websiteTimeliness,
} from './report-indicators';

const d = (iso: string) => LocalDate.iso(iso);

describe('the report indicators', () => {
  it('are the fourteen keys of G2 in order', () => {
    expect(INDICATOR_KEYS).toHaveLength(14);
    expect(INDICATOR_KEYS[0]).toBe('activeAgreementsByKind');
    expect(INDICATOR_KEYS[13]).toBe('websiteTimeliness');
  });

  it('carry a number as value, or null with the reason', () => {
    expect(valueOr(0, 'enrolment.missing')).toEqual({ value: 0 });
    expect(valueOr(null, 'enrolment.missing')).toEqual({ value: null, reason: 'enrolment.missing' });
  });
});

describe(isEmployerPartner.name, () => {
  it.each([
    ['employer', true],
    ['college', false],
    ['employment_centre', false],
    [null, false],
  ])('counts a partner of type %s as an employer: %s', (type, expected) => {
    expect(isEmployerPartner(type)).toBe(expected);
  });
});

describe(enrolmentTotals.name, () => {
  it('sums grades 1–11 and 6–11, a missing grade counting 0', () => {
    expect(enrolmentTotals({ '1': 20, '5': 10, '6': 12, '11': 8, '12': 99 })).toEqual({
      grades1to11: 50,
      grades6to11: 20,
    });
  });
});

describe(studentCoverageOf.name, () => {
  it('caps each school at its enrolment and leaves out schools without enrolment', () => {
    const sut = studentCoverageOf([
      { participants: 300, participants6to11: 100, enrolment: { grades1to11: 200, grades6to11: 80 } },
      { participants: 50, participants6to11: 10, enrolment: { grades1to11: 100, grades6to11: 40 } },
      { participants: 70, participants6to11: 70, enrolment: null },
    ]);
    expect(sut).toEqual({
      participants: 250,
      enrolment: 300,
      share: 0.8333,
      grades6to11: { participants: 90, enrolment: 120, share: 0.75 },
      schoolsWithoutEnrolment: 1,
    });
  });

  it('has no share when no school has an enrolment row', () => {
    expect(studentCoverageOf([{ participants: 5, participants6to11: 5, enrolment: null }]).share).toBeNull();
  });
});

describe(websiteTimeliness.name, () => {
  const cal = WorkingCalendar.tatarstan();

  it('counts an item published on the 10th working day as timely and on the 11th as late', () => {
    // held on Friday 2024-10-04: 10 working days later is Friday 2024-10-18
    const sut = websiteTimeliness(
      [
        { eventOn: d('2024-10-04'), publishedOn: d('2024-10-18') },
        { eventOn: d('2024-10-04'), publishedOn: d('2024-10-21') },
        { eventOn: d('2024-10-04'), publishedOn: d('2024-10-04') },
      ],
      cal,
    );
    expect(sut).toEqual({ items: 3, timely: 2, share: 0.6667 });
  });

  it('skips the Tatarstan holidays when counting working days (6 November)', () => {
    // 2024-10-24 (Thu) + 10 working days, skipping 4 and 6 November, is 2024-11-08 (Fri)
    const sut = websiteTimeliness([{ eventOn: d('2024-10-24'), publishedOn: d('2024-11-08') }], cal);
    expect(sut.timely).toBe(1);
  });

  it('counts grouped rows by their count', () => {
    const sut = websiteTimeliness(
      [
        { eventOn: d('2024-10-04'), publishedOn: d('2024-10-18'), count: 3 },
        { eventOn: d('2024-10-04'), publishedOn: d('2024-10-21'), count: 1 },
      ],
      cal,
    );
    expect(sut).toEqual({ items: 4, timely: 3, share: 0.75 });
  });

  it('has no share without items', () => {
    expect(websiteTimeliness([], cal)).toEqual({ items: 0, timely: 0, share: null });
  });
});
