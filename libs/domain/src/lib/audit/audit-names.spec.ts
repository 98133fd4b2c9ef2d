import { AUDIT_ALWAYS_NAMED_TYPES, AUDIT_NAME_FIELDS, auditRecordName, isAuditNamedType } from '.';

describe(auditRecordName.name, () => {
  it.each([
    ['organisation', { shortName: 'РДК', name: 'Районный дом культуры' }, 'РДК'],
    ['user', { name: 'Гульнара Рашитовна', email: 'g@example.org' }, 'Гульнара Рашитовна'],
    ['agreement', { number: '7-СП', subject: 'Практика' }, '7-СП'],
    ['plan', { title: 'План на 2026/2027', academicYear: '2026-2027' }, 'План на 2026/2027'],
    ['activity', { title: 'Экскурсия на завод', venue: 'Завод' }, 'Экскурсия на завод'],
    ['placement', { jobTitle: 'Помощник повара', name: 'Столовая' }, 'Помощник повара'],
    ['labour_need', { profession: 'Сварщик', title: 'Заявка' }, 'Сварщик'],
    ['document', { number: 'ИСХ-12', title: 'Письмо' }, 'ИСХ-12'],
    ['direction', { name: 'Техническое творчество', code: 'tech' }, 'Техническое творчество'],
    ['school_year_calendar', { academicYear: '2026-2027', termScheme: 'quarters' }, '2026-2027'],
    ['working_calendar_year', { year: 2026, holidays: [] }, '2026'],
  ])(
    'names a record of kind %s by its own field, whatever else the record holds: %j gives %j',
    (kind, record, name) => {
      expect(auditRecordName(kind, record)).toBe(name);
    },
  );

  it('names an organisation by its full name when its short name is empty or missing', () => {
    expect(auditRecordName('organisation', { shortName: '', name: 'Районный дом культуры' })).toBe(
      'Районный дом культуры',
    );
    expect(auditRecordName('organisation', { shortName: null, name: 'Библиотека' })).toBe('Библиотека');
    expect(auditRecordName('organisation', { name: 'Музей' })).toBe('Музей');
  });

  it('gives no name for a user snapshot with an e-mail but no name, never the e-mail', () => {
    expect(auditRecordName('user', { email: 'g@example.org', role: 'coordinator' })).toBeUndefined();
    expect(auditRecordName('user', { email: 'g@example.org', name: '' })).toBeUndefined();
  });

  it.each(Object.keys(AUDIT_NAME_FIELDS))(
    'gives no name for a record of kind %s whose naming fields are empty',
    (kind) => {
      const empty = Object.fromEntries(AUDIT_NAME_FIELDS[kind as keyof typeof AUDIT_NAME_FIELDS].map((f) => [f, '']));
      expect(auditRecordName(kind, empty)).toBeUndefined();
    },
  );

  it.each(Object.keys(AUDIT_NAME_FIELDS))('gives no name for a record of kind %s without its naming fields', (kind) => {
    expect(auditRecordName(kind, { id: 'r1', comment: 'Без названия', email: 'x@example.org' })).toBeUndefined();
  });

  it('gives no name for a missing record or snapshot', () => {
    expect(auditRecordName('activity', null)).toBeUndefined();
    expect(auditRecordName('activity', undefined)).toBeUndefined();
  });

  it('takes a naming field only when it holds a string or a number, not a flag, a list, an object or null', () => {
    for (const v of [true, ['Экскурсия'], { ru: 'Экскурсия' }, null])
      expect(auditRecordName('activity', { title: v })).toBeUndefined();
    expect(auditRecordName('organisation', { shortName: false, name: 'Музей' })).toBe('Музей');
    expect(auditRecordName('working_calendar_year', { year: '2027' })).toBe('2027');
  });

  it.each([
    ['document_recipient', { name: 'Школа №1' }],
    ['single_use_link', { title: 'Ссылка' }],
    ['enrolment', { name: 'Контингент' }],
    ['import', { name: 'organisations.csv' }],
    ['unknown_kind', { name: 'Что-то', title: 'Что-то' }],
    ['constructor', { name: 'Объект' }],
    ['toString', { name: 'Объект' }],
  ])('gives no name for a record of kind %s, which has none of its own, whatever fields it holds', (kind, record) => {
    expect(auditRecordName(kind, record)).toBeUndefined();
  });
});

describe(isAuditNamedType.name, () => {
  it('knows every kind whose records are always named, and a plan, whose title may be empty', () => {
    expect(AUDIT_ALWAYS_NAMED_TYPES.filter((t) => !isAuditNamedType(t))).toEqual([]);
    expect(isAuditNamedType('plan')).toBe(true);
    expect((AUDIT_ALWAYS_NAMED_TYPES as readonly string[]).includes('plan')).toBe(false);
  });

  it('knows no kind without names, nor a name of an object property', () => {
    expect(
      ['document_recipient', 'single_use_link', 'enrolment', 'hasOwnProperty', '__proto__'].filter(isAuditNamedType),
    ).toEqual([]);
  });
});
