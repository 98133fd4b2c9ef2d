import { ACTIVITY_FORMS, ACTIVITY_STATUSES, DEFAULT_DIRECTION_CODES } from '../activity';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../agreement';
import { PROFMINIMUM_LEVELS } from '../career/profminimum';
import { RECIPIENT_STATES } from '../document';
import { ORGANISATION_KINDS, PARTNER_TYPES } from '../organisation';
import { PLACEMENT_CHANNELS } from '../placement';
import { PLAN_STATUSES } from '../plan';
import { PUBLIC_ACTIVITY_TEXT_FIELDS, PUBLIC_TEXT_FLAGS } from '../publication/public-text-screen';
import { CODE_LABELS, codeLabel, CodeSection, gradeRanges, LANGUAGES, PUBLIC_TEXT } from './index';

const CODES: Readonly<Record<CodeSection, readonly string[]>> = {
  activityForm: ACTIVITY_FORMS,
  activityStatus: ACTIVITY_STATUSES,
  agreementKind: AGREEMENT_KINDS,
  agreementStatus: AGREEMENT_STATUSES,
  planStatus: PLAN_STATUSES,
  recipientState: RECIPIENT_STATES,
  placementChannel: PLACEMENT_CHANNELS,
  direction: DEFAULT_DIRECTION_CODES,
  partnerType: PARTNER_TYPES,
  organisationKind: ORGANISATION_KINDS,
  profminimumLevel: PROFMINIMUM_LEVELS,
  publicTextFlag: PUBLIC_TEXT_FLAGS,
  activityTextField: PUBLIC_ACTIVITY_TEXT_FIELDS,
  language: LANGUAGES,
};
const sections = Object.keys(CODES) as CodeSection[];
const cases = LANGUAGES.flatMap((lang) =>
  sections.flatMap((section) => CODES[section].map((code) => [lang, section, code] as const)),
);

describe('the code label catalogue', () => {
  it.each(cases)('gives %s a non-empty label for the %s code %s', (lang, section, code) => {
    expect(codeLabel(lang, section, code)?.trim()).toBeTruthy();
  });

  it.each(LANGUAGES.flatMap((lang) => sections.map((section) => [lang, section] as const)))(
    'labels in %s only the %s codes the domain lists',
    (lang, section) => {
      expect(Object.keys(CODE_LABELS[lang][section]).sort()).toEqual([...CODES[section]].sort());
    },
  );

  it('answers undefined for a code it does not know, such as a direction a coordinator added', () => {
    expect(codeLabel('ru', 'direction', 'chess_club')).toBeUndefined();
    expect(codeLabel('ru', 'activityForm', 'toString')).toBeUndefined();
  });

  it('uses the Tatar status forms of the glossary (past participles)', () => {
    expect(CODE_LABELS.tt.activityStatus.cancelled).toBe('Юкка чыгарылган');
    expect(CODE_LABELS.tt.agreementStatus.signed).toBe('Имзаланган');
    expect(CODE_LABELS.tt.planStatus.closed).toBe('Ябылган');
  });
});

describe('the public text', () => {
  it.each(LANGUAGES)('writes the academic year with an en dash in %s', (lang) => {
    expect(PUBLIC_TEXT[lang].year('2019-2020')).toContain('2019–2020');
  });

  it('puts the Tatar ordinal suffix after the highest grade by vowel harmony', () => {
    expect(PUBLIC_TEXT.tt.grades([9, 5, 6, 7, 8])).toBe('5–9 нчы сыйныф');
    expect(PUBLIC_TEXT.tt.grades([7, 8])).toBe('7, 8 нче сыйныф');
    expect(PUBLIC_TEXT.ru.grades([7, 8])).toBe('7, 8 кл.');
    expect(PUBLIC_TEXT.en.grades([11])).toBe('grades 11');
  });

  it.each([
    [[5, 6, 7, 9], '5–7, 9'],
    [[6, 5], '5, 6'],
    [[9, 9, 10, 11, 1], '1, 9–11'],
    [[4], '4'],
  ])('writes the grades %j as %s', (grades, text) => {
    expect(gradeRanges(grades)).toBe(text);
  });
});
