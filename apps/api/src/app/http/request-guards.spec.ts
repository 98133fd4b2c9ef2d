import { hasControl as C0, hasControlButLineBreaks as C0_BUT_WHITESPACE, findControl } from './request-guards';

describe(findControl.name, () => {
  it.each([
    [{ title: 'ok' }, null],
    [{ title: 'a\u0000b' }, 'title'],
    [{ outcome: { result: 'x\u001b' } }, 'outcome.result'],
    [{ contacts: [{ role: 'ok' }, { role: '\u0007' }] }, 'contacts.1.role'],
    [{ 'bad\u0000key': 1 }, '(body)'],
    [{ nested: { 'k\u0001': 1 } }, 'nested'],
    ['\u0000', '(body)'],
    [{ count: 3, flag: true, none: null }, null],
  ])('finds the control character in %j at %s', (body, field) => {
    expect(findControl(body, C0, '(body)')).toBe(field);
  });

  it('lets tab, line feed and carriage return through in body strings, not in the query', () => {
    expect(findControl({ summary: 'a\tb\r\nc' }, C0_BUT_WHITESPACE, '(body)')).toBeNull();
    expect(findControl({ q: 'a\tb' }, C0, '(query)')).toBe('q');
  });

  it('walks a body nested deeper than the call stack would allow', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findControl(deep, C0, '(body)')).toMatch(/^0(\.0)+$/);
  });
});
