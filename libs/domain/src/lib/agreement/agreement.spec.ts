import { d } from '../../testing';
import { AgreementData, AgreementKind } from './agreement';
import { COMPLETE_NETWORK_TERMS, aSignedAgreement, anAgreement } from './agreement.fixtures';
import {
  AGREEMENT_RULES as R,
  OPEN_END,
  agreementReminders,
  agreementStatus,
  agreementTermRange,
  agreementTermSummary,
  checkAgreement,
  currentTerm,
  effectiveEnd,
  isFullySigned,
  isInForce,
  lastDayInForce,
  missingNetworkTerms,
  noticeDeadline,
  signAgreement,
  terminateAgreement,
  validateAgreement,
} from '.';

const rules = (data: AgreementData, requireResponsible = false) => validateAgreement(data, { requireResponsible }).map((f) => f.rule);
/** signed, 2019-09-01 … 2020-08-31, auto-renewing with 30 days' notice (deadline 2020-08-01) */
const renewing = (overrides: Partial<AgreementData> = {}) => aSignedAgreement({ autoRenew: true, noticeDays: 30, ...overrides });

describe(validateAgreement.name, () => {
  it('accepts a complete agreement', () => {
    expect(validateAgreement(anAgreement())).toEqual([]);
  });

  it.each<[string, Partial<AgreementData>, string]>([
    ['without a number', { number: ' ' }, R.numberRequired],
    ['of an unknown kind', { kind: 'lease' as AgreementKind }, R.kindInvalid],
    ['without a subject', { subject: '' }, R.subjectRequired],
    ['without a goal', { goal: '  ' }, R.goalRequired],
    ['without a direction', { directionIds: [] }, R.directionsRequired],
    ['with only blank directions', { directionIds: [' '] }, R.directionsRequired],
    ['ending before it starts', { endsOn: d('2019-08-31') }, R.termEndBeforeStart],
    ['with a negative notice period', { noticeDays: -1 }, R.noticeInvalid],
    ['with a notice period over a year', { noticeDays: 366 }, R.noticeInvalid],
    ['with a fractional notice period', { noticeDays: 1.5 }, R.noticeInvalid],
    ['in network form without its terms', { kind: 'network_form' }, R.networkTermsRequired],
  ])('refuses an agreement %s', (_, overrides, rule) => {
    expect(rules(anAgreement(overrides))).toEqual([rule]);
  });

  it('refuses an agreement without an obligation of the partner', () => {
    const sut = validateAgreement(anAgreement({ obligations: [{ party: 'school', text: 'Организует участие' }] }));
    expect(sut).toEqual([expect.objectContaining({ rule: R.obligationsBothParties, actual: 'partner' })]);
  });

  it('refuses an agreement without an obligation of the school', () => {
    const sut = validateAgreement(anAgreement({ obligations: [{ party: 'partner', text: 'Проводит экскурсии' }] }));
    expect(sut).toEqual([expect.objectContaining({ rule: R.obligationsBothParties, actual: 'school' })]);
  });

  it('does not count an obligation with a blank text and flags it', () => {
    const sut = validateAgreement(anAgreement({ obligations: [{ party: 'school', text: 'Организует' }, { party: 'partner', text: ' ' }] }));
    expect(sut.map((f) => [f.rule, f.field])).toEqual([
      [R.obligationTextRequired, 'obligations[1].text'],
      [R.obligationsBothParties, 'obligations'],
    ]);
  });

  it.each([
    ['a one-day term', { endsOn: d('2019-09-01') }],
    ['an open-ended term', { endsOn: null }],
    ['no notice period', { noticeDays: 0 }],
    ['a notice period of a year', { noticeDays: 365 }],
    ['a network form with every term', { kind: 'network_form' as const, networkTerms: COMPLETE_NETWORK_TERMS }],
  ])('accepts %s', (_, overrides) => {
    expect(rules(anAgreement(overrides))).toEqual([]);
  });

  it('asks for responsible roles only when told to (signing)', () => {
    const data = anAgreement({ responsibleRoles: { school: 'Заместитель директора' } });
    expect(rules(data)).toEqual([]);
    expect(validateAgreement(data, { requireResponsible: true })).toEqual([
      expect.objectContaining({ rule: R.responsibleBothParties, actual: 'partner' }),
    ]);
  });

  it('names both sides when no responsible role is given at all', () => {
    expect(validateAgreement(anAgreement({ responsibleRoles: null }), { requireResponsible: true })[0]).toMatchObject({
      rule: R.responsibleBothParties,
      actual: 'school, partner',
    });
  });

  it('lists every missing network-form term in one finding', () => {
    const sut = validateAgreement(anAgreement({ kind: 'network_form', networkTerms: { ...COMPLETE_NETWORK_TERMS, programme: '', documentsIssued: null } }));
    expect(sut).toEqual([expect.objectContaining({ rule: R.networkTermsRequired, field: 'networkTerms', actual: 'programme, documentsIssued' })]);
    expect(sut[0].message.en).toContain('programme, documentsIssued');
  });

  it('reports every broken rule together', () => {
    expect(rules(anAgreement({ number: '', goal: '', directionIds: [], obligations: [] }))).toEqual([
      R.numberRequired,
      R.goalRequired,
      R.directionsRequired,
      R.obligationsBothParties,
    ]);
  });
});

describe(missingNetworkTerms.name, () => {
  it('names all five terms when none is given', () => {
    expect(missingNetworkTerms(null)).toEqual(['programme', 'studentStatus', 'resources', 'documentsIssued', 'amendmentProcedure']);
  });

  it.each([
    ['an empty list', []],
    ['a row without a volume', [{ party: 'school' as const, obligation: 'Предоставляет класс', resource: 'Класс', volume: ' ' }]],
    ['a row without a resource', [{ party: 'school' as const, obligation: 'Предоставляет класс', resource: '', volume: '1 час' }]],
    ['a row without an obligation', [{ party: 'school' as const, obligation: '', resource: 'Класс', volume: '1 час' }]],
  ])('treats %s of resources as missing', (_, resources) => {
    expect(missingNetworkTerms({ ...COMPLETE_NETWORK_TERMS, resources })).toEqual(['resources']);
  });
});

describe(checkAgreement.name, () => {
  it('returns a valid agreement unchanged', () => {
    const data = anAgreement();
    expect(checkAgreement(data)).toEqual({ ok: true, value: data });
  });

  it('answers a 422 carrying every finding', () => {
    const sut = checkAgreement(anAgreement({ subject: '', goal: '' }));
    expect(sut.ok ? null : sut.error).toMatchObject({
      code: R.subjectRequired,
      category: 'rule',
      details: [{ rule: R.subjectRequired }, { rule: R.goalRequired }],
    });
  });
});

describe(signAgreement.name, () => {
  const today = d('2019-08-25');

  it('records the signature of one party without putting the agreement in force', () => {
    const sut = signAgreement(anAgreement(), 'school', d('2019-08-20'), today);
    expect(sut.ok && sut.value.signatures).toEqual({ school: d('2019-08-20') });
    expect(sut.ok && isFullySigned(sut.value)).toBe(false);
  });

  it('puts the agreement in force once the second party signs (voluntary)', () => {
    const once = signAgreement(anAgreement(), 'school', d('2019-08-20'), today);
    const sut = once.ok ? signAgreement(once.value, 'partner', today, today) : once;
    expect(sut.ok && isFullySigned(sut.value)).toBe(true);
    expect(sut.ok && isInForce(sut.value, d('2019-09-01'))).toBe(true);
  });

  it('refuses to sign twice for the same party', () => {
    const sut = signAgreement(anAgreement({ signatures: { school: d('2019-08-20') } }), 'school', today, today);
    expect(sut.ok ? null : sut.error.code).toBe(R.signAlreadySigned);
  });

  it('refuses a signing date in the future and accepts today', () => {
    const sut = signAgreement(anAgreement(), 'partner', d('2019-08-26'), today);
    expect(sut.ok ? null : sut.error.code).toBe(R.signFutureDate);
    expect(signAgreement(anAgreement(), 'partner', today, today).ok).toBe(true);
  });

  it('refuses to sign after the term ended and accepts its last day', () => {
    const late = signAgreement(anAgreement(), 'partner', d('2020-09-01'), d('2020-09-10'));
    expect(late.ok ? null : late.error.code).toBe(R.signAfterEnd);
    expect(signAgreement(anAgreement(), 'partner', d('2020-08-31'), d('2020-09-10')).ok).toBe(true);
  });

  it('lets an open-ended agreement be signed at any date', () => {
    expect(signAgreement(anAgreement({ endsOn: null }), 'school', d('2030-01-01'), d('2030-01-01')).ok).toBe(true);
  });

  it('refuses to sign without a responsible role of each party (conscious)', () => {
    const sut = signAgreement(anAgreement({ responsibleRoles: { school: 'Директор', partner: ' ' } }), 'school', today, today);
    expect(sut.ok ? null : sut.error).toMatchObject({ code: R.responsibleBothParties, category: 'rule' });
  });

  it('refuses to sign an agreement that breaks a content rule', () => {
    const sut = signAgreement(anAgreement({ obligations: [] }), 'school', today, today);
    expect(sut.ok ? null : sut.error.details?.map((f) => f.rule)).toEqual([R.obligationsBothParties]);
  });
});

describe(terminateAgreement.name, () => {
  const today = d('2020-03-01');

  it('terminates a signed agreement and keeps the trimmed reason', () => {
    const sut = terminateAgreement(aSignedAgreement(), d('2020-03-01'), '  По соглашению сторон ', today);
    expect(sut.ok && [sut.value.terminatedOn, sut.value.terminationReason]).toEqual([d('2020-03-01'), 'По соглашению сторон']);
  });

  it.each<[string, AgreementData, string, string, string]>([
    ['without a reason', aSignedAgreement(), '2020-03-01', ' ', R.terminateReasonRequired],
    ['signed by one party only', anAgreement({ signatures: { school: d('2019-08-20') } }), '2020-03-01', 'Реорганизация', R.terminateNotSigned],
    [
      'signed by the second party only after today',
      aSignedAgreement({ signatures: { school: d('2019-08-20'), partner: d('2020-03-02') } }),
      '2020-03-01',
      'Реорганизация',
      R.terminateNotSigned,
    ],
    ['already terminated', aSignedAgreement({ terminatedOn: d('2020-02-01') }), '2020-03-01', 'Реорганизация', R.terminateAlreadyTerminated],
    ['before its term starts', aSignedAgreement(), '2019-08-31', 'Реорганизация', R.terminateBeforeStart],
    ['after its term has ended', aSignedAgreement(), '2020-09-01', 'Реорганизация', R.terminateAfterEnd],
  ])('refuses to terminate an agreement %s', (_, data, on, reason, rule) => {
    const sut = terminateAgreement(data, d(on), reason, today);
    expect(sut.ok ? null : sut.error.code).toBe(rule);
  });

  it.each([
    ['on the first day of the term', aSignedAgreement(), '2019-09-01'],
    ['on the last day of the term', aSignedAgreement(), '2020-08-31'],
    ['in a renewed term', renewing(), '2021-03-01'],
    ['of an open-ended agreement, years later', aSignedAgreement({ endsOn: null }), '2035-01-01'],
  ])('terminates %s', (_, data, on) => {
    expect(terminateAgreement(data, d(on), 'Реорганизация', today).ok).toBe(true);
  });
});

describe(effectiveEnd.name, () => {
  it.each<[string, Partial<AgreementData>, string, string | null]>([
    ['keeps the term on its last day', { autoRenew: true }, '2020-08-31', '2020-08-31'],
    ['rolls over the day after the term ends', { autoRenew: true }, '2020-09-01', '2021-08-31'],
    ['rolls over across several terms', { autoRenew: true }, '2023-01-15', '2023-08-31'],
    ['does not roll over without auto-renewal', { autoRenew: false }, '2023-01-15', '2020-08-31'],
    ['stops when notice is given on the deadline itself', { autoRenew: true, noticeGivenOn: d('2020-08-01') }, '2023-01-15', '2020-08-31'],
    ['rolls over once more when notice comes a day late', { autoRenew: true, noticeGivenOn: d('2020-08-02') }, '2023-01-15', '2021-08-31'],
    ['stops at a later term when notice is given then', { autoRenew: true, noticeGivenOn: d('2022-05-01') }, '2025-01-01', '2022-08-31'],
    ['does not roll over past a termination', { autoRenew: true, terminatedOn: d('2020-08-31') }, '2021-01-01', '2020-08-31'],
    ['rolls over when the termination comes in a later term', { autoRenew: true, terminatedOn: d('2020-10-01') }, '2021-01-01', '2021-08-31'],
    ['has none when open-ended', { endsOn: null, autoRenew: true }, '2030-01-01', null],
    ['never rolls over an invalid term', { endsOn: d('2019-08-01'), autoRenew: true }, '2030-01-01', '2019-08-01'],
  ])('%s', (_, overrides, today, expected) => {
    expect(effectiveEnd(renewing(overrides), d(today))?.toString() ?? null).toBe(expected);
  });

  it.each([
    ['a year containing 29 Feb', '2019-09-01', '2020-08-31', '2021-06-01', '2021-08-31'],
    ['a year ending on 29 Feb', '2019-03-01', '2020-02-29', '2020-03-01', '2021-02-28'],
    ['a year starting on 29 Feb (not whole months, so counted in days: 366)', '2020-02-29', '2021-02-28', '2021-03-01', '2022-03-01'],
    ['two months ending on 29 Feb', '2020-01-01', '2020-02-29', '2020-03-01', '2020-04-30'],
    ['a 10-day term', '2020-01-01', '2020-01-10', '2020-01-25', '2020-01-30'],
  ])('keeps the length of %s when renewing', (_, startsOn, endsOn, today, expected) => {
    expect(effectiveEnd(renewing({ startsOn: d(startsOn), endsOn: d(endsOn), noticeDays: 0 }), d(today))?.toString()).toBe(expected);
  });
});

describe(currentTerm.name, () => {
  it('numbers the renewed terms', () => {
    expect(currentTerm(renewing(), d('2022-01-01'))).toEqual({ index: 2, startsOn: d('2021-09-01'), endsOn: d('2022-08-31') });
  });
});

describe(noticeDeadline.name, () => {
  it.each<[string, Partial<AgreementData>, string, string | null]>([
    ['is the term end minus the notice days', {}, '2020-01-01', '2020-08-01'],
    ['moves with the renewed term', {}, '2020-09-01', '2021-08-01'],
    ['is the last day itself with no notice period', { noticeDays: 0 }, '2020-01-01', '2020-08-31'],
    ['does not exist without auto-renewal', { autoRenew: false }, '2020-01-01', null],
    ['does not exist for an open-ended agreement', { endsOn: null }, '2020-01-01', null],
  ])('%s', (_, overrides, today, expected) => {
    expect(noticeDeadline(renewing(overrides), d(today))?.toString() ?? null).toBe(expected);
  });
});

describe(lastDayInForce.name, () => {
  it.each<[string, Partial<AgreementData>, string | null]>([
    ['is the term end', {}, '2020-08-31'],
    ['is the day before the termination', { terminatedOn: d('2020-03-01') }, '2020-02-29'],
    ['is the term end when the termination comes later', { terminatedOn: d('2020-09-15') }, '2020-08-31'],
    ['does not exist when open-ended', { endsOn: null }, null],
    ['is the day before the termination of an open-ended agreement', { endsOn: null, terminatedOn: d('2025-01-01') }, '2024-12-31'],
  ])('%s', (_, overrides, expected) => {
    expect(lastDayInForce(aSignedAgreement(overrides), d('2020-01-01'))?.toString() ?? null).toBe(expected);
  });
});

describe(isInForce.name, () => {
  it.each<[string, AgreementData, string, boolean]>([
    ['the day before the start', aSignedAgreement(), '2019-08-31', false],
    ['the first day', aSignedAgreement(), '2019-09-01', true],
    ['the last day of the term', aSignedAgreement(), '2020-08-31', true],
    ['the day after the term', aSignedAgreement(), '2020-09-01', false],
    ['the first day of a renewed term', renewing(), '2020-09-01', true],
    ['a day when one party had not signed yet', aSignedAgreement({ signatures: { school: d('2019-08-20'), partner: d('2019-10-01') } }), '2019-09-15', false],
    ['any day without the partner signature', anAgreement({ signatures: { school: d('2019-08-20') } }), '2019-09-15', false],
    ['the day before the termination', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-02-29', true],
    ['the termination day', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-03-01', false],
    ['a day decades later when open-ended', aSignedAgreement({ endsOn: null }), '2045-06-30', true],
  ])('knows whether it is in force on %s', (_, data, on, expected) => {
    expect(isInForce(data, d(on))).toBe(expected);
  });
});

describe(agreementStatus.name, () => {
  it.each<[string, AgreementData, string, string]>([
    ['unsigned', anAgreement(), '2019-09-15', 'draft'],
    ['signed by one party', anAgreement({ signatures: { partner: d('2019-08-25') } }), '2019-09-15', 'draft'],
    ['asked before the second signature', aSignedAgreement(), '2019-08-22', 'draft'],
    ['signed, before the start', aSignedAgreement(), '2019-08-26', 'signed'],
    ['on the first day', aSignedAgreement(), '2019-09-01', 'active'],
    ['61 days before the end', aSignedAgreement(), '2020-07-01', 'active'],
    ['60 days before the end', aSignedAgreement(), '2020-07-02', 'expiring'],
    ['on the last day', aSignedAgreement(), '2020-08-31', 'expiring'],
    ['the day after the end', aSignedAgreement(), '2020-09-01', 'expired'],
    ['the day before the termination', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-02-29', 'active'],
    ['on the termination day', aSignedAgreement({ terminatedOn: d('2020-03-01') }), '2020-03-01', 'terminated'],
    ['renewing, before its notice deadline', renewing(), '2020-07-15', 'expiring'],
    ['renewing, on its notice deadline', renewing(), '2020-08-01', 'expiring'],
    ['renewing, after its notice deadline without notice', renewing(), '2020-08-02', 'active'],
    ['renewing, in the second term', renewing(), '2020-09-01', 'renewed'],
    ['renewing, near the end of the second term', renewing(), '2021-07-15', 'expiring'],
    ['renewing, past the second deadline', renewing(), '2021-08-02', 'renewed'],
    ['renewing with timely notice, near the end', renewing({ noticeGivenOn: d('2020-07-01') }), '2020-08-15', 'expiring'],
    ['renewing with timely notice, after the end', renewing({ noticeGivenOn: d('2020-07-01') }), '2020-09-01', 'expired'],
    ['open-ended, decades later', aSignedAgreement({ endsOn: null }), '2045-01-01', 'active'],
    ['with a term that ends before it starts', aSignedAgreement({ endsOn: d('2019-08-01') }), '2019-09-01', 'expired'],
  ])('derives the status when %s', (_, data, today, expected) => {
    expect(agreementStatus(data, d(today))).toBe(expected);
  });

  it('honours a custom expiring window', () => {
    expect(agreementStatus(aSignedAgreement(), d('2020-07-15'), { expiringWindowDays: 30 })).toBe('active');
    expect(agreementStatus(aSignedAgreement(), d('2020-08-01'), { expiringWindowDays: 30 })).toBe('expiring');
  });
});

describe(agreementReminders.name, () => {
  const keys = (data: AgreementData, today: string, options = {}) => agreementReminders(data, d(today), options).map((r) => r.key);

  it.each<[string, AgreementData, string, string[]]>([
    ['nothing 61 days before the end', aSignedAgreement(), '2020-07-01', []],
    ['the 60-day reminder 60 days before the end', aSignedAgreement(), '2020-07-02', ['expiring:2020-08-31:60']],
    ['both reminders 30 days before the end', aSignedAgreement(), '2020-08-01', ['expiring:2020-08-31:60', 'expiring:2020-08-31:30']],
    ['both reminders on the last day', aSignedAgreement(), '2020-08-31', ['expiring:2020-08-31:60', 'expiring:2020-08-31:30']],
    ['nothing once expired', aSignedAgreement(), '2020-09-01', []],
    ['nothing for a draft', anAgreement(), '2020-08-01', []],
    ['nothing for an open-ended agreement', aSignedAgreement({ endsOn: null }), '2020-08-01', []],
    ['nothing when a termination is scheduled', aSignedAgreement({ terminatedOn: d('2020-12-01') }), '2020-08-01', []],
    ['the notice deadline 30 days ahead', renewing(), '2020-07-02', ['expiring:2020-08-31:60', 'notice-deadline:2020-08-01:30']],
    [
      'the notice deadline a week ahead',
      renewing(),
      '2020-07-25',
      ['expiring:2020-08-31:60', 'notice-deadline:2020-08-01:30', 'notice-deadline:2020-08-01:7'],
    ],
    [
      'the notice deadline on the day itself',
      renewing(),
      '2020-08-01',
      ['expiring:2020-08-31:60', 'expiring:2020-08-31:30', 'notice-deadline:2020-08-01:30', 'notice-deadline:2020-08-01:7'],
    ],
    ['nothing once the roll-over is certain', renewing(), '2020-08-02', []],
    ['only the end once notice was given', renewing({ noticeGivenOn: d('2020-06-01') }), '2020-07-25', ['expiring:2020-08-31:60']],
    ['the reminders of the renewed term', renewing(), '2021-07-25', ['expiring:2021-08-31:60', 'notice-deadline:2021-08-01:30', 'notice-deadline:2021-08-01:7']],
  ])('gives %s', (_, data, today, expected) => {
    expect(keys(data, today)).toEqual(expected);
  });

  it('takes custom windows in any order', () => {
    expect(keys(renewing(), '2020-07-30', { windows: [10, 40], noticeWindows: [3] })).toEqual(['expiring:2020-08-31:40', 'notice-deadline:2020-08-01:3']);
  });

  it('says from which day each reminder is due', () => {
    expect(agreementReminders(aSignedAgreement(), d('2020-08-10'))[1]).toEqual({
      kind: 'expiring',
      date: d('2020-08-31'),
      daysBefore: 30,
      dueFrom: d('2020-08-01'),
      key: 'expiring:2020-08-31:30',
    });
  });
});

describe(agreementTermRange.name, () => {
  it('covers the days in force', () => {
    expect(agreementTermRange(aSignedAgreement(), d('2020-01-01'))?.toString()).toBe('[2019-09-01, 2020-09-01)');
  });

  it('runs to the end of representable time when open-ended', () => {
    expect(agreementTermRange(aSignedAgreement({ endsOn: null }), d('2020-01-01'))?.last).toEqual(OPEN_END);
  });

  it('is absent when the agreement was terminated on its first day', () => {
    expect(agreementTermRange(aSignedAgreement({ terminatedOn: d('2019-09-01') }), d('2020-01-01'))).toBeNull();
  });
});

describe(agreementTermSummary.name, () => {
  it('lists the first day of every renewed term', () => {
    expect(agreementTermSummary(renewing(), d('2022-10-01'))).toEqual({
      startsOn: d('2019-09-01'),
      effectiveEndsOn: d('2023-08-31'),
      renewedOn: d('2022-09-01'),
      renewals: [d('2020-09-01'), d('2021-09-01'), d('2022-09-01')],
    });
  });

  it('has no renewal for an agreement that was never prolonged', () => {
    expect(agreementTermSummary(aSignedAgreement({ endsOn: null }), d('2022-10-01'))).toEqual({
      startsOn: d('2019-09-01'),
      effectiveEndsOn: null,
      renewedOn: null,
      renewals: [],
    });
  });
});
