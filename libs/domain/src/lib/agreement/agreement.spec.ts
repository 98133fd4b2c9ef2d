import {
  checkAgreement,
  checkAgreementEditable,
  isSignedByAnyParty,
  missingNetworkTerms,
  AGREEMENT_RULES as R,
  validateAgreement,
  validateAgreementDraft,
} from '.';
import { d } from '../../testing';
import { AgreementData, AgreementKind } from './agreement';
import { anAgreement, aSignedAgreement, COMPLETE_NETWORK_TERMS } from './agreement.fixtures';

const rules = (data: AgreementData, requireResponsible = false) =>
  validateAgreement(data, { requireResponsible }).map((f) => f.rule);

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
    const sut = validateAgreement(
      anAgreement({
        obligations: [
          { party: 'school', text: 'Организует' },
          { party: 'partner', text: ' ' },
        ],
      }),
    );
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
    const sut = validateAgreement(
      anAgreement({
        kind: 'network_form',
        networkTerms: { ...COMPLETE_NETWORK_TERMS, programme: '', documentsIssued: null },
      }),
    );
    expect(sut).toEqual([
      expect.objectContaining({
        rule: R.networkTermsRequired,
        field: 'networkTerms',
        actual: 'programme, documentsIssued',
      }),
    ]);
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
    expect(missingNetworkTerms(null)).toEqual([
      'programme',
      'studentStatus',
      'resources',
      'documentsIssued',
      'amendmentProcedure',
    ]);
  });

  it.each([
    ['an empty list', []],
    [
      'a row without a volume',
      [{ party: 'school' as const, obligation: 'Предоставляет класс', resource: 'Класс', volume: ' ' }],
    ],
    [
      'a row without a resource',
      [{ party: 'school' as const, obligation: 'Предоставляет класс', resource: '', volume: '1 час' }],
    ],
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

describe(validateAgreementDraft.name, () => {
  it('lets a draft lack the subject and the network-form terms, required only when signing', () => {
    const draft = anAgreement({ kind: 'network_form', subject: ' ', networkTerms: null });
    expect(validateAgreementDraft(draft)).toEqual([]);
    expect(rules(draft)).toEqual([R.subjectRequired, R.networkTermsRequired]);
  });

  it('still holds a draft to the partnership principles', () => {
    expect(validateAgreementDraft(anAgreement({ goal: '', obligations: [] })).map((f) => f.rule)).toEqual([
      R.goalRequired,
      R.obligationsBothParties,
    ]);
  });
});

describe(checkAgreementEditable.name, () => {
  it('lets an unsigned draft change', () => {
    expect(checkAgreementEditable(anAgreement()).ok).toBe(true);
    expect(isSignedByAnyParty(anAgreement())).toBe(false);
  });

  it.each([
    ['one party signed', anAgreement({ signatures: { partner: d('2019-08-25') } })],
    ['one party signed with a date still to come', anAgreement({ signatures: { school: d('2030-01-01') } })],
    ['both parties signed', aSignedAgreement()],
  ])('freezes the terms once %s', (_, data) => {
    const sut = checkAgreementEditable(data);
    expect(sut.ok ? null : sut.error).toMatchObject({ code: R.editSigned, category: 'rule' });
  });
});
