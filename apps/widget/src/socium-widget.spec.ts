import type { PublicOrganisation } from '@socium/contracts';

import { defineSociumWidget, fetchPublic, forgetLastGood } from './socium-widget.element';

const BASE = 'https://socium.example';

const payload: PublicOrganisation = {
  slug: 'urussu-gymnasium',
  kind: 'school',
  name: 'Уруссинская гимназия',
  shortName: 'Уруссинская гимназия',
  site: null,
  address: 'пгт Уруссу',
  partners: [
    { name: 'Завод «Тапарт»', partnerType: 'employer' },
    { name: 'Районный дом культуры', partnerType: 'culture' },
  ],
  agreements: [
    {
      number: 'ДЕМО-01/2019',
      kind: 'social_partnership',
      partner: 'Завод «Тапарт»',
      startsOn: '2019-09-02',
      endsOn: null,
    },
  ],
  upcoming: [
    {
      id: 'a1',
      title: 'Встреча со специалистами центра занятости',
      startsOn: '2026-12-12',
      endsOn: '2026-12-12',
      venue: 'Школьная библиотека',
      form: 'meeting_with_professionals',
      targetGrades: [9, 10, 11],
      partner: 'Центр занятости',
    },
  ],
  recent: [
    {
      id: 'a2',
      title: 'Экскурсия на завод <b>«Тапарт»</b>',
      heldOn: '2026-10-17',
      form: 'excursion',
      result: 'Обучающиеся познакомились с производством',
      partner: 'Завод «Тапарт»',
    },
  ],
  figures: {
    academicYear: '2026-2027',
    partners: 5,
    agreementsActive: 3,
    activitiesHeld: 4,
    activitiesPlanned: 12,
    participants: 89,
  },
  generatedOn: '2026-11-28',
};

type FetchMock = jest.Mock<Promise<unknown>, [string, RequestInit?]>;
const ok = (body: unknown) => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) });
const flush = () => new Promise((r) => setTimeout(r, 0));

function mount(attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('socium-widget');
  for (const [k, v] of Object.entries({ org: 'urussu-gymnasium', lang: 'ru', ...attrs })) el.setAttribute(k, v);
  document.body.appendChild(el);
  return el;
}
const text = (el: HTMLElement) => el.shadowRoot?.textContent ?? '';

describe('socium-widget', () => {
  let fetchMock: FetchMock;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);

  beforeAll(() => {
    defineSociumWidget(BASE);
    process.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
  });
  beforeEach(() => {
    forgetLastGood();
    document.body.innerHTML = '';
    fetchMock = jest.fn<Promise<unknown>, [string, RequestInit?]>(() => ok(payload));
    (globalThis as unknown as { fetch: FetchMock }).fetch = fetchMock;
  });
  afterEach(() => {
    expect(rejections).toEqual([]);
  });

  it('registers once: a second definition is ignored without an error', () => {
    expect(() => defineSociumWidget('https://other.example')).not.toThrow();
    expect(customElements.get('socium-widget')).toBeDefined();
  });

  it('renders the organisation into an open shadow root with real headings, lists and the link to all materials', async () => {
    const el = mount();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`${BASE}/api/v1/public/organisations/urussu-gymnasium`);
    expect(init.credentials).toBe('omit');
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('h2')?.textContent).toBe('Уруссинская гимназия');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Партнёры',
      'Ближайшие события',
      'Итоги',
    ]);
    expect([...root.querySelectorAll('section ul')].length).toBe(3);
    expect(text(el)).toContain('Завод «Тапарт»');
    expect(text(el)).toContain('12 декабря 2026');
    expect(text(el)).toContain('Встреча с профессионалами · Школьная библиотека · 9–11 кл.');
    expect(text(el)).toContain('5 партнёров');
    expect(text(el)).toContain('89 участий обучающихся');
    expect(text(el)).toContain('4 мероприятия проведено');
    expect(root.querySelector('b')).toBeNull(); // titles are text, never markup
    const link = root.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent).toBe('Все материалы');
    expect(link.getAttribute('href')).toBe(`${BASE}/embed/urussu-gymnasium?lang=ru`);
  });

  it('shows four events held as «4», and hides only a count of people, without claiming «<5»', async () => {
    fetchMock.mockImplementation(() =>
      ok({ ...payload, figures: { ...payload.figures, activitiesHeld: 4, partners: 3, participants: null } }),
    );
    const el = mount();
    await flush();
    expect(text(el)).toContain('4 мероприятия проведено');
    expect(text(el)).toContain('3 партнёра');
    expect(text(el)).toContain('— участий обучающихся (группы менее 5 человек не показываются)');
    expect(text(el)).not.toContain('<5');
    expect(text(el)).not.toContain('мероприятий проведено (');
  });

  it('names the form from the domain catalogue and lists two grades in a row as the public pages do', async () => {
    const brigade = { ...payload.upcoming[0], form: 'labour_brigade', venue: '', targetGrades: [10, 9] };
    fetchMock.mockImplementation(() => ok({ ...payload, upcoming: [brigade] }));
    const el = mount();
    await flush();
    expect(text(el)).toContain('Трудовая бригада (отряд) · 9, 10 кл.');
    el.setAttribute('lang', 'tt');
    expect(text(el)).toContain('Хезмәт отряды · 9, 10 нчы сыйныф');
  });

  it('switches language without fetching again, with the Tatar noun singular after a numeral', async () => {
    const el = mount();
    await flush();
    el.setAttribute('lang', 'tt');
    expect([...(el.shadowRoot as ShadowRoot).querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Партнерлар',
      'Якынлашып килүче чаралар',
      'Нәтиҗәләр',
    ]);
    expect(text(el)).toContain('5 партнер');
    expect(text(el)).not.toContain('5 партнерлар');
    expect(text(el)).toContain('2026 елның 12 декабре');
    expect(text(el)).toContain('9–11 нче сыйныф');
    el.setAttribute('lang', 'en');
    expect(text(el)).toContain('Upcoming events');
    expect(text(el)).toContain('All materials');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a 500 answer',
      () => Promise.resolve({ ok: false, status: 500, json: () => Promise.resolve({ statusCode: 500 }) }),
    ],
    [
      'garbage JSON',
      () => Promise.resolve({ ok: true, status: 200, json: () => Promise.reject(new SyntaxError('Unexpected token')) }),
    ],
    ['JSON of the wrong shape', () => ok({ hello: 'world' })],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('shows a quiet message on %s without throwing', async (_name, answer) => {
    fetchMock.mockImplementation(answer as () => Promise<unknown>);
    const el = mount();
    await flush();
    await flush();
    expect(text(el)).toContain('Сведения о партнёрстве сейчас недоступны');
    expect((el.shadowRoot as ShadowRoot).querySelector('[role="status"]')).not.toBeNull();
  });

  it('keeps the last good data when a later load fails', async () => {
    mount();
    await flush();
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('offline')));
    const second = mount();
    await flush();
    expect(text(second)).toContain('Уруссинская гимназия');
    expect(text(second)).toContain('Показаны последние загруженные сведения.');
  });

  it('waits until it scrolls into view before fetching, reserving its height meanwhile', async () => {
    let trigger: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    const observe = jest.fn();
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = class {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        trigger = cb;
      }
      observe = observe;
      disconnect = jest.fn();
    };
    try {
      const el = mount();
      await flush();
      expect(fetchMock).not.toHaveBeenCalled();
      expect(observe).toHaveBeenCalledWith(el);
      expect(text(el)).toContain('Загрузка…');
      expect((el.shadowRoot as ShadowRoot).querySelector('style')?.textContent).toContain('min-height');
      trigger?.([{ isIntersecting: true }]);
      await flush();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(text(el)).toContain('Уруссинская гимназия');
    } finally {
      delete (window as unknown as { IntersectionObserver?: unknown }).IntersectionObserver;
    }
  });

  it('gives up after the timeout and resolves to nothing instead of rejecting', async () => {
    fetchMock.mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    await expect(fetchPublic(`${BASE}/x`, 20)).resolves.toBeNull();
  });

  it('shows the quiet message without fetching when no organisation is named', async () => {
    const el = mount({ org: '' });
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(text(el)).toContain('недоступны');
  });

  it('styles itself by the host page’s custom properties and inherits its font', async () => {
    const el = mount();
    await flush();
    const css = (el.shadowRoot as ShadowRoot).querySelector('style')?.textContent ?? '';
    for (const p of [
      '--socium-accent',
      '--socium-radius',
      '--socium-font-size',
      'font:inherit',
      'prefers-reduced-motion',
      'prefers-contrast',
    ])
      expect(css).toContain(p);
  });
});

describe('the widget entry point', () => {
  it('exposes only window.Socium with its version and defaults the API to the page origin', async () => {
    const before = new Set(Object.keys(window));
    const main = await import('./main');
    const added = Object.keys(window).filter((k) => !before.has(k));
    expect(added).toEqual(['Socium']);
    expect((window as unknown as { Socium: { version: string } }).Socium).toEqual({ version: main.VERSION });
    expect(document.cookie).toBe('');
    const script = document.createElement('script');
    script.src = 'https://cdn.socium.example/widget/socium-widget.abc.js';
    expect(main.defaultApiBase(script, 'https://school.example')).toBe('https://cdn.socium.example');
    script.setAttribute('data-api-base', 'https://api.socium.example');
    expect(main.defaultApiBase(script, 'https://school.example')).toBe('https://api.socium.example');
    expect(main.defaultApiBase(null, 'https://school.example')).toBe('https://school.example');
  });
});
