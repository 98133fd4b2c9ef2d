import { d } from '../../../testing';
import { simplePlacementContext } from '../placement-context';
import { PlacementInput } from '../placement.model';
import { aPlacement } from '../testing';
import { ageAndConsentRule as sut } from './age-and-consent.rule';

const ctx = simplePlacementContext();
const codes = (over: Partial<PlacementInput>) => sut.evaluate(aPlacement(over), ctx).map((f) => f.rule);
const PARENT = 'placement.consent.parent-required';
const GUARDIAN = 'placement.consent.guardianship-required';

describe('ageAndConsentRule', () => {
  it('refuses a 13-year-old', () => {
    const findings = sut.evaluate(aPlacement({ studentBirthDate: d('2006-06-16'), startsOn: d('2020-06-15') }), ctx);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'placement.age.under-14', field: 'studentBirthDate', limit: 14, actual: 13 }),
    ]);
  });

  it('refuses a 13-year-old even with every consent', () => {
    expect(codes({ studentBirthDate: d('2006-06-16'), parentConsent: true, guardianshipConsent: true })).toEqual([
      'placement.age.under-14',
    ]);
  });

  it('accepts a student on their 14th birthday with the consents of the day', () => {
    expect(codes({ studentBirthDate: d('2006-06-15'), parentConsent: true, guardianshipConsent: true })).toEqual([]);
  });

  it.each<[string, Partial<PlacementInput>, string[]]>([
    [
      'a 14-year-old without consents before 13.06.2023 needs a parent and the guardianship authority',
      { startsOn: d('2023-06-12') },
      [PARENT, GUARDIAN],
    ],
    [
      'a 14-year-old with a parent only before 13.06.2023 still needs the guardianship authority',
      { startsOn: d('2023-06-12'), parentConsent: true },
      [GUARDIAN],
    ],
    [
      'a 14-year-old with both consents before 13.06.2023 passes',
      { startsOn: d('2023-06-12'), parentConsent: true, guardianshipConsent: true },
      [],
    ],
    ['a 14-year-old from 13.06.2023 needs a parent only', { startsOn: d('2023-06-13') }, [PARENT]],
    ['a 14-year-old with a parent from 13.06.2023 passes', { startsOn: d('2023-06-13'), parentConsent: true }, []],
    [
      'a 14-year-old with a grade-9 certificate still needs a parent',
      { startsOn: d('2023-06-13'), hasGeneralEducation: true },
      [PARENT],
    ],
    [
      'an orphan of 14 from 13.06.2023 needs the guardianship authority, not a parent',
      { startsOn: d('2023-06-13'), orphan: true },
      [GUARDIAN],
    ],
    [
      'an orphan of 14 with the guardianship consent passes',
      { startsOn: d('2023-06-13'), orphan: true, guardianshipConsent: true },
      [],
    ],
    [
      'an orphan of 14 before 13.06.2023 needs the попечитель too',
      { startsOn: d('2023-06-12'), orphan: true, guardianshipConsent: true },
      [PARENT],
    ],
  ])('%s', (_, over, expected) => {
    expect(codes({ studentBirthDate: d('2009-01-10'), ...over })).toEqual(expected);
  });

  it.each<[string, Partial<PlacementInput>, string[]]>([
    ['a 15-year-old pupil without general education needs a parent', {}, [PARENT]],
    [
      'a 15-year-old pupil without general education before 13.06.2023 needs the guardianship authority too',
      { startsOn: d('2023-06-12'), parentConsent: true },
      [GUARDIAN],
    ],
    ['a 15-year-old with a grade-9 certificate signs alone', { hasGeneralEducation: true }, []],
    [
      'a 15-year-old with a grade-9 certificate signs alone before 13.06.2023 too',
      { startsOn: d('2023-06-12'), hasGeneralEducation: true },
      [],
    ],
  ])('%s', (_, over, expected) => {
    expect(codes({ studentBirthDate: d('2008-01-10'), startsOn: d('2023-06-13'), ...over })).toEqual(expected);
  });

  it.each([
    ['2023-06-30', [PARENT]],
    ['2023-07-01', []],
  ])(
    'treats a student with a grade-9 certificate born 2008-07-01 starting on %s by their age that day',
    (start, expected) => {
      expect(codes({ studentBirthDate: d('2008-07-01'), startsOn: d(start), hasGeneralEducation: true })).toEqual(
        expected,
      );
    },
  );

  it('lets a 16-year-old sign alone', () => {
    expect(codes({ studentBirthDate: d('2004-06-15'), startsOn: d('2020-06-15') })).toEqual([]);
  });

  it('names the act and the missing consent', () => {
    const [guardian] = sut.evaluate(
      aPlacement({ studentBirthDate: d('2009-01-10'), startsOn: d('2023-06-13'), orphan: true }),
      ctx,
    );
    expect(guardian).toMatchObject({ field: 'guardianshipConsent', limit: 'required', actual: 'missing' });
    expect(guardian.message.ru).toContain('259-ФЗ');
  });
});
