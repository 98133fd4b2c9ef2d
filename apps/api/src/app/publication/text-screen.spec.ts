import { screenPublicText } from '@socium/domain';

import { rememberingScreen } from './text-screen';

describe(rememberingScreen.name, () => {
  it('answers a text screened again with the same frozen findings as the domain rule', () => {
    const screen = rememberingScreen();
    const text = 'Победитель: Иванов Петя, 8Б, ivanov.petya@mail.ru';
    const first = screen(text);
    expect(first).toEqual(screenPublicText(text));
    expect(screen(text)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('forgets the oldest text past the number it keeps, and screens it afresh when asked again', () => {
    const screen = rememberingScreen(3);
    const oldest = screen('Победитель 0: Иванов Петя');
    for (let i = 1; i <= 3; i++) screen(`Мероприятие ${i} в Доме культуры`);
    const again = screen('Победитель 0: Иванов Петя');
    expect(again).not.toBe(oldest);
    expect(again).toEqual(oldest);
    expect(again.map((f) => f.flag)).toEqual(['person_name']);
  });

  it('finds nothing in an empty or missing text', () => {
    const screen = rememberingScreen();
    expect(screen('')).toEqual([]);
    expect(screen(null)).toEqual([]);
    expect(screen(undefined)).toEqual([]);
  });
});
