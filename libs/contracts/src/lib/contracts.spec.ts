import { CreateAgreementRequest } from './agreement.contract';
import { AcademicYearLabel, IsoDate, ListQuery } from './common.contract';
import { CreatePlacementRequest } from './labour.contract';
import { CreateOrganisationRequest } from './organisation.contract';
import { ActivityOutcomeRequest, CreateActivityRequest } from './plan.contract';
import { ROUTES } from './routes';

describe('wire contracts', () => {
  it.each([
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2020-2-01', false],
    ['01.02.2020', false],
  ])('accepts only real ISO dates (%s → %s)', (text, ok) => {
    expect(IsoDate.safeParse(text).success).toBe(ok);
  });

  it.each([
    ['2019-2020', true],
    ['2019-2021', false],
    ['2019/2020', false],
  ])('accepts academic years of consecutive years only (%s → %s)', (text, ok) => {
    expect(AcademicYearLabel.safeParse(text).success).toBe(ok);
  });

  it('caps list pages at 100 and defaults to 20', () => {
    expect(ListQuery.parse({})).toMatchObject({ limit: 20, offset: 0 });
    expect(ListQuery.parse({ limit: '50', offset: '10' })).toMatchObject({ limit: 50, offset: 10 });
    expect(ListQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(ListQuery.safeParse({ offset: '-1' }).success).toBe(false);
  });

  it('rejects unknown fields in a request body', () => {
    const r = CreateAgreementRequest.safeParse({
      number: '1',
      kind: 'cooperation',
      schoolId: 's',
      partnerId: 'p',
      startsOn: '2020-01-01',
      status: 'active',
    });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });

  it('fills sensible defaults for an agreement draft', () => {
    expect(
      CreateAgreementRequest.parse({
        number: '1',
        kind: 'cooperation',
        schoolId: 's',
        partnerId: 'p',
        startsOn: '2020-01-01',
      }),
    ).toMatchObject({
      endsOn: null,
      autoRenew: false,
      noticeDays: 30,
      obligations: [],
      directionIds: [],
    });
  });

  it('keeps target grades between 1 and 11', () => {
    const base = { title: 'Экскурсия', directionId: 'd', form: 'excursion', startsOn: '2019-10-17' };
    expect(CreateActivityRequest.safeParse({ ...base, targetGrades: [8, 9] }).success).toBe(true);
    expect(CreateActivityRequest.safeParse({ ...base, targetGrades: [0] }).success).toBe(false);
    expect(CreateActivityRequest.safeParse({ ...base, targetGrades: [12] }).success).toBe(false);
    expect(CreateActivityRequest.safeParse({ ...base, targetGrades: [8.5] }).success).toBe(false);
  });

  it('tells outcome kinds apart by status', () => {
    expect(
      ActivityOutcomeRequest.safeParse({
        status: 'held',
        heldOn: '2020-01-10',
        actualParticipants: 12,
        result: 'Проведено',
      }).success,
    ).toBe(true);
    expect(ActivityOutcomeRequest.safeParse({ status: 'cancelled', reason: '' }).success).toBe(false);
    expect(ActivityOutcomeRequest.safeParse({ status: 'postponed', startsOn: '2020-02-30' }).success).toBe(false);
    expect(ActivityOutcomeRequest.safeParse({ status: 'done' }).success).toBe(false);
  });

  it('takes a pseudonymous student code, never a name with spaces', () => {
    const base = {
      schoolId: 's',
      employerId: 'e',
      channel: 'direct',
      kind: 'employment_contract',
      jobTitle: 'Подсобный рабочий',
      studentBirthDate: '2004-03-10',
      studentSex: 'male',
      startsOn: '2020-06-15',
      endsOn: '2020-07-10',
      workDays: ['mon'],
      shiftStartsAt: '09:00',
      shiftEndsAt: '13:00',
      hoursPerDay: 4,
      hoursPerWeek: 4,
    };
    expect(CreatePlacementRequest.safeParse({ ...base, studentCode: 'S-2020-001' }).success).toBe(true);
    expect(CreatePlacementRequest.safeParse({ ...base, studentCode: 'Иван Иванов' }).success).toBe(false);
  });

  it('takes the school grades of the domain as target grades, all eleven at once included', () => {
    const base = { title: 'Экскурсия', directionId: 'd', form: 'excursion', startsOn: '2019-10-17' };
    expect(
      CreateActivityRequest.safeParse({ ...base, targetGrades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }).success,
    ).toBe(true);
    expect(
      CreateActivityRequest.safeParse({ ...base, targetGrades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11] }).success,
    ).toBe(false);
  });

  it.each([
    ['quarters', true],
    ['halves', true],
    ['individual', false],
  ])('lets a school declare the standard term scheme %s only (%s)', (termScheme, ok) => {
    const school = { kind: 'school', name: 'Школа № 1', shortName: 'Школа 1', slug: 'school-1', termScheme };
    expect(CreateOrganisationRequest.safeParse(school).success).toBe(ok);
  });

  it('declares every route once, with a policy', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ROUTES.every((r) => r.access === 'public' || r.access.length > 0)).toBe(true);
  });
});
