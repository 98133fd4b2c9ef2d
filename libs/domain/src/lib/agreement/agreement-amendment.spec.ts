import {
  agreementTextOn,
  AmendmentData,
  amendmentState,
  amendmentTakesEffect,
  applyAmendment,
  changedFields,
  checkAmendable,
  checkAmendmentDeletable,
  checkNewAmendment,
  nextAmendmentNumber,
  AGREEMENT_RULES as R,
  signAmendment,
} from '.';
import { d } from '../../testing';
import { writtenDate, type DomainError, type Result } from '../common';
import { anAgreement, aRenewingAgreement, aSignedAgreement } from './agreement.fixtures';

type Outcome = Result<unknown, DomainError>;
const codeOf = (r: Outcome) => (r.ok ? null : r.error.code);
/** Every rule a refusal names: its details, or its own code. */
const rulesOf = (r: Outcome) => (r.ok ? [] : (r.error.details?.map((f) => f.rule) ?? [r.error.code]));

describe(nextAmendmentNumber.name, () => {
  it('numbers amendments 1, 2, … per agreement, after the highest even with a gap', () => {
    expect(nextAmendmentNumber([])).toBe(1);
    expect(nextAmendmentNumber([{ number: 1 }])).toBe(2);
    expect(nextAmendmentNumber([{ number: 1 }, { number: 3 }])).toBe(4);
  });
});

describe(checkAmendable.name, () => {
  it('amends only an agreement signed by both, not terminated and not expired', () => {
    expect(checkAmendable(aSignedAgreement(), d('2019-08-26')).ok).toBe(true); // signed, starts 1 Sep
    expect(checkAmendable(aSignedAgreement(), d('2020-01-15')).ok).toBe(true); // active
    expect(checkAmendable(aSignedAgreement(), d('2020-08-31')).ok).toBe(true); // expiring, last day
    expect(codeOf(checkAmendable(aSignedAgreement(), d('2020-09-01')))).toBe(R.amendmentNotInForce); // expired
    expect(codeOf(checkAmendable(anAgreement(), d('2020-01-15')))).toBe(R.amendmentNotInForce); // draft
    const ended = aSignedAgreement({ terminatedOn: d('2020-01-10'), terminationReason: 'x' });
    expect(checkAmendable(ended, d('2020-01-09')).ok).toBe(true);
    expect(codeOf(checkAmendable(ended, d('2020-01-10')))).toBe(R.amendmentNotInForce);
  });
});

describe(checkNewAmendment.name, () => {
  const today = d('2020-03-10');
  const extend = { effectiveOn: d('2020-03-10'), changes: { endsOn: d('2021-08-31') } };

  it('accepts a change of the end date dated today and returns the agreement as amended', () => {
    const sut = checkNewAmendment(aSignedAgreement(), extend, today, false);
    expect(sut.ok && sut.value.endsOn?.toString()).toBe('2021-08-31');
  });

  it('refuses a second amendment while one awaits signatures', () => {
    expect(rulesOf(checkNewAmendment(aSignedAgreement(), extend, today, true))).toContain(R.amendmentPending);
  });

  it('refuses a second amendment while a signed one is scheduled, naming the date it takes effect', () => {
    const r = checkNewAmendment(aSignedAgreement(), extend, today, true, today.addDays(10));
    expect(rulesOf(r)).toContain(R.amendmentScheduled);
    expect(rulesOf(r)).not.toContain(R.amendmentPending);
    expect(JSON.stringify(r)).toContain(writtenDate(today.addDays(10), 'en'));
  });

  it('refuses a date before the start or after the last day in force; accepts the edges and a future date', () => {
    const on = (effectiveOn: string, t = today) =>
      rulesOf(checkNewAmendment(aSignedAgreement(), { ...extend, effectiveOn: d(effectiveOn) }, t, false));
    expect(on('2020-03-11')).toEqual([]); // takes effect tomorrow
    expect(on('2020-08-31')).toEqual([]); // the agreement's last day
    expect(on('2020-09-01')).toContain(R.amendmentDateOutsideTerm);
    expect(on('2019-08-31')).toContain(R.amendmentDateOutsideTerm);
    expect(on('2019-09-01')).toEqual([]);
    const ended = aSignedAgreement({ terminatedOn: d('2020-03-01'), terminationReason: 'x' });
    expect(
      rulesOf(checkNewAmendment(ended, { ...extend, effectiveOn: d('2020-02-20') }, d('2020-02-25'), false)),
    ).toEqual([]);
  });

  it('refuses an amendment that changes nothing (a value equal to the current one is no change)', () => {
    const same = { effectiveOn: today, changes: { goal: aSignedAgreement().goal, noticeDays: 30 } };
    expect(rulesOf(checkNewAmendment(aSignedAgreement(), same, today, false))).toEqual([R.amendmentNoChanges]);
  });

  it('refuses a new end before the amendment’s date, and an end changed in a renewed term', () => {
    const early = { effectiveOn: today, changes: { endsOn: d('2020-03-09') } };
    expect(rulesOf(checkNewAmendment(aSignedAgreement(), early, today, false))).toContain(R.amendmentEndBeforeDate);
    const renewed = aRenewingAgreement(); // renewed on 2020-09-01
    const later = { effectiveOn: d('2020-10-01'), changes: { endsOn: d('2022-08-31') } };
    expect(rulesOf(checkNewAmendment(renewed, later, d('2020-10-01'), false))).toContain(R.amendmentEndRenewed);
    // other terms of a renewed agreement can be amended
    const notice = { effectiveOn: d('2020-10-01'), changes: { noticeDays: 60 } };
    expect(checkNewAmendment(renewed, notice, d('2020-10-01'), false).ok).toBe(true);
  });

  it('keeps the partnership principles: the amended agreement still has obligations of both parties and a goal', () => {
    const onlySchool = {
      effectiveOn: today,
      changes: { obligations: [{ party: 'school' as const, text: 'Только школа' }], goal: ' ' },
    };
    const rules = rulesOf(checkNewAmendment(aSignedAgreement(), onlySchool, today, false));
    expect(rules).toEqual(expect.arrayContaining([R.obligationsBothParties, R.goalRequired]));
  });

  it('refuses to amend a terminated or expired agreement', () => {
    expect(codeOf(checkNewAmendment(aSignedAgreement(), extend, d('2020-09-01'), false))).toBe(R.amendmentNotInForce);
  });
});

describe(signAmendment.name, () => {
  const amendment: AmendmentData = {
    number: 1,
    effectiveOn: d('2020-03-10'),
    changes: { endsOn: d('2021-08-31') },
    signatures: {},
  };
  const today = d('2020-03-12');

  it('is in force once both parties signed, not after the first signature', () => {
    const first = signAmendment(aSignedAgreement(), amendment, 'school', d('2020-03-11'), today);
    expect(first.ok && first.value.inForce).toBe(false);
    const second = first.ok ? signAmendment(aSignedAgreement(), first.value.amendment, 'partner', today, today) : first;
    expect(second.ok && second.value.inForce).toBe(true);
    expect(second.ok && second.value.amendment.signatures.partner?.toString()).toBe('2020-03-12');
  });

  it('is scheduled, not in force, when both signed before its date; in force when signed on its date', () => {
    const later = { ...amendment, effectiveOn: d('2020-04-01'), signatures: { school: d('2020-03-11') } };
    const early = signAmendment(aSignedAgreement(), later, 'partner', today, today);
    expect(early.ok && [early.value.inForce, early.value.scheduled]).toEqual([false, true]);
    const onTheDay = signAmendment(aSignedAgreement(), later, 'partner', d('2020-04-01'), d('2020-04-01'));
    expect(onTheDay.ok && [onTheDay.value.inForce, onTheDay.value.scheduled]).toEqual([true, false]);
  });

  it('refuses a party signing twice and a date in the future', () => {
    const once = { ...amendment, signatures: { school: d('2020-03-11') } };
    expect(codeOf(signAmendment(aSignedAgreement(), once, 'school', today, today))).toBe(R.signAlreadySigned);
    expect(codeOf(signAmendment(aSignedAgreement(), amendment, 'partner', d('2020-03-13'), today))).toBe(
      R.signFutureDate,
    );
  });

  it('refuses to sign once the agreement is terminated', () => {
    const ended = aSignedAgreement({ terminatedOn: d('2020-03-11'), terminationReason: 'x' });
    expect(codeOf(signAmendment(ended, amendment, 'school', today, today))).toBe(R.amendmentNotInForce);
  });
});

describe(applyAmendment.name, () => {
  it('changes only the fields given; endsOn null makes the agreement open-ended', () => {
    const sut = applyAmendment(aSignedAgreement(), { endsOn: null, noticeDays: 60 });
    expect(sut.endsOn).toBeNull();
    expect(sut.noticeDays).toBe(60);
    expect(sut.goal).toBe(aSignedAgreement().goal);
    expect(changedFields(aSignedAgreement(), { endsOn: null, noticeDays: 30 })).toEqual(['endsOn']);
  });
});

describe(checkAmendmentDeletable.name, () => {
  it('deletes an amendment until both parties signed it', () => {
    const base: AmendmentData = {
      number: 1,
      effectiveOn: d('2020-03-10'),
      changes: { noticeDays: 60 },
      signatures: {},
    };
    expect(checkAmendmentDeletable({ ...base, signatures: { school: d('2020-03-10') } }).ok).toBe(true);
    expect(
      codeOf(checkAmendmentDeletable({ ...base, signatures: { school: d('2020-03-10'), partner: d('2020-03-10') } })),
    ).toBe(R.amendmentSigned);
  });
});

describe(amendmentTakesEffect.name, () => {
  it('takes effect on its date, not the day before', () => {
    expect(amendmentTakesEffect({ effectiveOn: d('2020-04-01') }, d('2020-03-31'))).toBe(false);
    expect(amendmentTakesEffect({ effectiveOn: d('2020-04-01') }, d('2020-04-01'))).toBe(true);
  });

  it('names the states: pending until both signed, scheduled until applied, then in force', () => {
    expect(amendmentState({ signatures: { school: d('2020-03-01') } }, false)).toBe('pending');
    expect(amendmentState({ signatures: { school: d('2020-03-01'), partner: d('2020-03-02') } }, false)).toBe(
      'scheduled',
    );
    expect(amendmentState({ signatures: { school: d('2020-03-01'), partner: d('2020-03-02') } }, true)).toBe(
      'in_force',
    );
  });
});

describe(agreementTextOn.name, () => {
  const base = aSignedAgreement(); // 2019-09-01 – 2020-08-31
  const first = {
    number: 1,
    effectiveOn: d('2020-01-10'),
    changes: { noticeDays: 60 },
    previous: { noticeDays: 30 },
    signed: true,
  };
  const second = {
    number: 2,
    effectiveOn: d('2020-04-01'),
    changes: { endsOn: d('2021-08-31') },
    previous: null,
    signed: true,
  };
  // the stored text carries amendment 1 (applied); amendment 2 is signed and scheduled for 1 April 2020
  const stored = applyAmendment(base, first.changes);

  it('keeps the previous text the day before a future amendment’s date and takes the new one on that day', () => {
    expect(agreementTextOn(stored, [first, second], d('2020-03-31')).endsOn?.toString()).toBe('2020-08-31');
    expect(agreementTextOn(stored, [first, second], d('2020-04-01')).endsOn?.toString()).toBe('2021-08-31');
  });

  it('undoes an applied amendment on a day before its date, from the values it replaced', () => {
    expect(agreementTextOn(stored, [first, second], d('2020-01-09')).noticeDays).toBe(30);
    expect(agreementTextOn(stored, [first, second], d('2020-01-10')).noticeDays).toBe(60);
  });

  it('ignores an amendment not signed by both', () => {
    expect(agreementTextOn(stored, [first, { ...second, signed: false }], d('2020-05-01')).endsOn?.toString()).toBe(
      '2020-08-31',
    );
  });
});
