import type { MessageKey } from '../core/messages';
import { en } from '../core/messages/en';
import { ru } from '../core/messages/ru';
import { tt } from '../core/messages/tt';
import { NESTED_FIELD_NAMES, readableValue, type ValueWords } from './audit-values';

/** The words of one language, as the audit log gives them (plain messages only, dates as dd.mm.yyyy). */
const wordsOf = (dict: Readonly<Record<string, unknown>>): ValueWords => {
  const t = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}) =>
    String(dict[key]).replace(/\{(\w+)\}/g, (_, n: string) => String(params[n]));
  return {
    t,
    date: (iso) => iso.split('-').reverse().join('.'),
    fieldName: (field) => (NESTED_FIELD_NAMES[field] ? t(NESTED_FIELD_NAMES[field]) : field),
  };
};
const RU = wordsOf(ru);

describe('audit log values in words', () => {
  const contacts = [
    { role: 'Приёмная', phone: '+7 85593 2-11-11', email: 'priem@example.org' },
    { role: 'Директор', phone: '+7 85593 2-22-22' },
  ];

  it("writes an organisation's contacts one a line, each part named as the organisation's form names it", () => {
    expect(readableValue('contacts', contacts, RU)).toBe(
      'Приёмная — Телефон: +7 85593 2-11-11, Электронная почта: priem@example.org\nДиректор — Телефон: +7 85593 2-22-22',
    );
    expect(readableValue('contacts', [{ role: 'Приёмная', phone: '' }], RU)).toBe('Приёмная');
    expect(readableValue('contacts', [{ role: '', email: 'a@b.ru' }], RU)).toBe('Электронная почта: a@b.ru');
    expect(readableValue('contacts', [], RU)).toBe('—');
  });

  it.each([
    [wordsOf(tt), 'Приёмная — Телефон: +7 85593 2-11-11, Электрон почта: priem@example.org'],
    [wordsOf(en), 'Приёмная — Phone: +7 85593 2-11-11, Email: priem@example.org'],
  ])('names the parts of a contact in Tatar and English too (%#)', (words, line) => {
    const [first] = readableValue('contacts', contacts, words).split('\n');
    expect(first).toBe(line);
  });

  it('writes any other object without braces or quotes: obligations, spans of days, lists', () => {
    const obligations = [{ party: 'school', text: 'Организовать экскурсию' }];
    expect(readableValue('obligations', obligations, RU)).toBe('Сторона: Школа, Обязательство: Организовать экскурсию');
    expect(readableValue('summerHolidays', { first: '2027-06-01', last: '2027-08-31' }, RU)).toBe(
      '01.06.2027 – 31.08.2027',
    );
    expect(readableValue('targetGrades', [8, 9], RU)).toBe('8, 9');
    expect(readableValue('holidays', [{ kind: 'autumn', first: '2026-10-26', last: '2026-11-03' }], RU)).toBe(
      'Осенние каникулы, 26.10.2026 – 03.11.2026',
    );
    expect(readableValue('movableHolidays', [{ date: '2027-01-01', name: 'new_year' }], RU)).toBe(
      'Дата: 01.01.2027, Название: new_year',
    );
    expect(readableValue('lessonHours', { startsAt: '08:00', endsAt: null, nested: { a: [1, { b: true }] } }, RU)).toBe(
      'startsAt: 08:00, nested: a: 1, (b: Да)',
    );
    for (const v of [obligations, { x: { y: 1 } }, [[1, 2]], [{ a: 1 }, 'b']]) {
      expect(readableValue('any', v, RU)).not.toMatch(/[{}"[\]]/);
    }
  });

  it('writes plain values as before: a dash for nothing, dates and yes/no in the chosen language', () => {
    expect(readableValue('name', null, RU)).toBe('—');
    expect(readableValue('name', '', RU)).toBe('—');
    expect(readableValue('lessonHours', {}, RU)).toBe('—');
    expect(readableValue('startsOn', '2026-11-28', RU)).toBe('28.11.2026');
    expect(readableValue('isPublished', false, RU)).toBe('Нет');
    expect(readableValue('demand', 3, RU)).toBe('3');
  });
});
