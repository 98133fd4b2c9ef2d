import {
  PublicTextFinding,
  PublicTextFlag,
  publishableActivityText,
  screenActivityText,
  screenPublicText,
} from './public-text-screen';

const flags = (text: string): PublicTextFlag[] => [...new Set(screenPublicText(text).map((f) => f.flag))].sort();

describe(screenPublicText.name, () => {
  it('flags the outcome that was published verbatim: a pupil, the class, an e-mail and a phone', () => {
    const found = screenPublicText('Победитель: Иванов Петя, 8Б, ivanov.petya@mail.ru, +7 (917) 555-12-34');
    expect(found).toEqual(
      expect.arrayContaining([
        { flag: 'email', match: 'ivanov.petya@mail.ru' },
        { flag: 'phone', match: '+7 (917) 555-12-34' },
        { flag: 'person_name', match: 'Иванов Петя' },
        { flag: 'class_with_name', match: '8Б' },
      ]),
    );
  });

  it.each<[string, PublicTextFlag[]]>([
    // e-mails
    ['Пишите: school@example.org', ['email']],
    ['Контакт: Info.Urussu@edu.tatar.ru', ['email']],
    ['Contact us at team@socium.example', ['email']],
    // phones
    ['Тел. 8 917 555 12 34', ['phone']],
    ['Звоните: 8-800-100-00-00', ['phone']],
    ['+7 85593 2-22-22 — приёмная', ['phone']],
    ['телефон 89175551234', ['phone']],
    ['Справки по тел. 2-22-22', ['phone']],
    ['Call +44 20 7946 0958', ['phone']],
    // Russian names
    ['Победитель — Петя Иванов', ['person_name']],
    ['Диплом вручён Ивановой Марине', ['person_name']],
    ['Грамоту получила Смирнова Анна', ['person_name']],
    ['Ведущий — Иванов И.И.', ['person_name']],
    ['Провела И.И. Петрова', ['person_name']],
    ['Встречу провёл Сергей Петрович', ['person_name']],
    ['Отличился Михайлов А., лучший результат', ['person_name']],
    // Tatar names
    ['Җиңүче: Хасанова Гульнара', ['person_name']],
    ['Беренче урын — Ильдар Галиев', ['person_name']],
    ['Бүләкләнде: Айгуль Шарипова, 9А', ['class_with_name', 'person_name']],
    ['Ильдар Рамил улы чыгыш ясады', ['person_name']],
    // English names
    ['The winner is John Smith', ['person_name']],
    ['Prize to Olivia Brown, 7B', ['class_with_name', 'person_name']],
    // a class beside a name
    ['Лучший доклад: Петров, 10 «А»', ['class_with_name']],
    ['Маша из 8-б заняла первое место', ['class_with_name']],
  ])('flags %p', (text, expected) => {
    expect(flags(text)).toEqual(expected);
  });

  it.each([
    // organisations
    'МБОУ «Уруссинская гимназия»',
    'МБОУ «Уруссинская гимназия» и ООО «Агрофирма Ютаза» провели экскурсию',
    'ПАО «Татнефть» им. В.Д. Шашина',
    'Дом культуры им. Г. Тукая',
    'Центр занятости населения Ютазинского района',
    'ГАПОУ «Бугульминский аграрный колледж»',
    'Казанский федеральный университет',
    'Завод «Тапарт», пгт Уруссу',
    '«Урыссу гимназиясе» МБГБУ',
    'Urussu Gymnasium and the Taparte plant',
    // places
    'Элеватор, с. Ютаза',
    'Набережные Челны, ул. Ленина, 8А',
    'Республика Татарстан, Ютазинский район',
    'г. Казань, проспект Победы, 15',
    'Тукай урамы, 8',
    // dates, years, grades
    'Проведено 12.03.2024 для 8–11 классов',
    '2023–2024 учебный год, 2024-03-12',
    'с 1 по 5 сентября 2026 г., 8 и 9 классы',
    'Экскурсия прошла 12 марта, участвовали 25 обучающихся 8-11 классов',
    '2026 елның 12 мартында 8 сыйныф укучылары катнашты',
    'Held on 12 March 2026 for grades 8 to 11',
    // ordinary results
    'Проведён мастер-класс, 25 участников, выданы сертификаты',
    'Обучающиеся познакомились с профессиями агронома и механизатора',
    'Укучылар агроном һөнәре белән таныштылар',
    'Students met engineers and visited the workshop',
    'Экскурсия на завод «Тапарт»',
    'Встреча с ветеранами труда',
    '',
  ])('does not flag %p', (text) => {
    expect(screenPublicText(text)).toEqual([]);
  });

  it('treats null and undefined as nothing to screen', () => {
    expect(screenPublicText(null)).toEqual([]);
    expect(screenPublicText(undefined)).toEqual([]);
  });

  it('gives a text screened again the same findings, which no caller can change', () => {
    const text = 'Победитель: Иванов Петя, 8Б, ivanov.petya@mail.ru';
    const first = screenPublicText(text);
    const again = screenPublicText(text);
    expect(again).toEqual(first);
    expect(first.map((f) => f.flag)).toEqual(['email', 'person_name', 'class_with_name']);
    expect(() => (first as PublicTextFinding[]).push({ flag: 'phone', match: 'x' })).toThrow();
    expect(() => Object.assign(first[0] as PublicTextFinding, { match: 'y' })).toThrow();
    expect(screenPublicText(text)).toEqual(again);
  });

  it('screens each of many different texts by its own words', () => {
    for (let i = 0; i < 6000; i++) {
      const named = i % 2 === 0;
      const text = named ? `Победитель ${i}: Иванов Петя` : `Мероприятие ${i} в Доме культуры`;
      expect(screenPublicText(text).length > 0).toBe(named);
    }
    expect(screenPublicText('Победитель 0: Иванов Петя').map((f) => f.flag)).toEqual(['person_name']);
    expect(screenPublicText('Мероприятие 1 в Доме культуры')).toEqual([]);
  });
});

describe(screenActivityText.name, () => {
  it('names each flagged field with its kinds of finding', () => {
    expect(
      screenActivityText({ title: 'Экскурсия', venue: 'Тел. 2-22-22', result: 'Победитель: Иванов Петя, 8Б' }),
    ).toEqual([
      { field: 'venue', flags: ['phone'] },
      { field: 'result', flags: ['person_name', 'class_with_name'] },
    ]);
  });
});

describe(publishableActivityText.name, () => {
  const activity = { title: 'Экскурсия', venue: 'Элеватор', result: 'Победитель: Иванов Петя, 8Б' };

  it('withholds a flagged field until the school confirms it', () => {
    expect(publishableActivityText(activity, false)).toEqual({ title: 'Экскурсия', venue: 'Элеватор', result: null });
    expect(publishableActivityText(activity, true)).toEqual(activity);
  });

  it('publishes text with nothing flagged without a confirmation', () => {
    expect(publishableActivityText({ ...activity, result: 'Проведена экскурсия' }, false).result).toBe(
      'Проведена экскурсия',
    );
  });
});
