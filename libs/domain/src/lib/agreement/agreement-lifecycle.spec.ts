import {
  canSignFor,
  checkAgreementDeletable,
  isFullySigned,
  isInForce,
  AGREEMENT_RULES as R,
  signAgreement,
  terminateAgreement,
} from '.';
import { d } from '../../testing';
import { AgreementData } from './agreement';
import { anAgreement, aSignedAgreement, aRenewingAgreement as renewing } from './agreement.fixtures';

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
    const sut = signAgreement(
      anAgreement({ responsibleRoles: { school: 'Директор', partner: ' ' } }),
      'school',
      today,
      today,
    );
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
    expect(sut.ok && [sut.value.terminatedOn, sut.value.terminationReason]).toEqual([
      d('2020-03-01'),
      'По соглашению сторон',
    ]);
  });

  it.each<[string, AgreementData, string, string, string]>([
    ['without a reason', aSignedAgreement(), '2020-03-01', ' ', R.terminateReasonRequired],
    [
      'signed by one party only',
      anAgreement({ signatures: { school: d('2019-08-20') } }),
      '2020-03-01',
      'Реорганизация',
      R.terminateNotSigned,
    ],
    [
      'signed by the second party only after today',
      aSignedAgreement({ signatures: { school: d('2019-08-20'), partner: d('2020-03-02') } }),
      '2020-03-01',
      'Реорганизация',
      R.terminateNotSigned,
    ],
    [
      'already terminated',
      aSignedAgreement({ terminatedOn: d('2020-02-01') }),
      '2020-03-01',
      'Реорганизация',
      R.terminateAlreadyTerminated,
    ],
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

describe(checkAgreementDeletable.name, () => {
  it.each([
    ['unsigned', anAgreement()],
    ['signed by one party', anAgreement({ signatures: { school: d('2019-08-20') } })],
    [
      'signed by the second party only after today',
      aSignedAgreement({ signatures: { school: d('2019-08-20'), partner: d('2019-09-02') } }),
    ],
  ])('deletes a draft %s', (_, data) => {
    expect(checkAgreementDeletable(data, d('2019-09-01')).ok).toBe(true);
  });

  it.each([
    ['signed, before the start', aSignedAgreement(), '2019-08-26'],
    ['in force', aSignedAgreement(), '2020-01-10'],
    ['expired', aSignedAgreement(), '2021-01-10'],
  ])('refuses to delete an agreement %s: it is terminated instead', (_, data, today) => {
    const sut = checkAgreementDeletable(data, d(today));
    expect(sut.ok ? null : sut.error).toMatchObject({ code: R.deleteSigned, category: 'rule' });
  });
});

describe(canSignFor.name, () => {
  const parties = { schoolId: 'school-1', partnerId: 'partner-1' };

  it.each([
    ['school', 'school'],
    ['partner', 'partner'],
  ] as const)('lets the coordinator record the %s signature of any agreement', (_, party) => {
    expect(canSignFor({ role: 'coordinator', organisationId: 'department' }, parties, party)).toBe(true);
  });

  it('lets a school admin sign for its own school and for nothing else', () => {
    const admin = { role: 'school_admin', organisationId: 'school-1' } as const;
    expect(canSignFor(admin, parties, 'school')).toBe(true);
    expect(canSignFor(admin, parties, 'partner')).toBe(false);
    expect(canSignFor({ ...admin, organisationId: 'school-2' }, parties, 'school')).toBe(false);
  });

  it('lets a partner representative sign for its own organisation and for nothing else', () => {
    const rep = { role: 'partner_rep', organisationId: 'partner-1' } as const;
    expect(canSignFor(rep, parties, 'partner')).toBe(true);
    expect(canSignFor(rep, parties, 'school')).toBe(false);
    expect(canSignFor({ ...rep, organisationId: 'partner-2' }, parties, 'partner')).toBe(false);
  });

  it('refuses a school admin who belongs to the partner organisation and a role it does not know', () => {
    expect(canSignFor({ role: 'school_admin', organisationId: 'partner-1' }, parties, 'partner')).toBe(false);
    const unknown = { role: 'guest', organisationId: 'school-1' } as unknown as Parameters<typeof canSignFor>[0];
    expect(canSignFor(unknown, parties, 'school')).toBe(false);
  });
});
