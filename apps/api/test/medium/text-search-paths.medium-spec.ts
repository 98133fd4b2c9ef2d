import { ActivityRecord, OrganisationRecord } from '@socium/api-persistence';

import { MikroORM } from '@mikro-orm/core';

import {
  configureSearch,
  narrowingTrigrams,
  rareTrigrams,
  textSearch,
  trigramsOf,
} from '../../src/app/common/crud.support';
import { openOrm } from './open-orm';

const onSqlite = process.env['DB_DRIVER'] !== 'postgresql';

/** Names that share a common word, differ by a short part, and hold texts split across the two searched columns. */
const NAMES: [name: string, shortName: string][] = [
  ['Центр творчества 1', '—'],
  ['Центр творчества 10', '—'],
  ['Центр творчества 65', 'Творчество-65'],
  ['Центр творчества 165', '—'],
  ['Центр ТВОРЧЕСТВА «Ёлка» 6', '—'],
  ['Клуб 65', 'Центр творчества'],
  ['Библиотека', 'Творчество'],
];
const SEARCHES = [
  'Центр творчества 65',
  'творчества 1',
  'ТВОРЧЕСТВА 6',
  'центр',
  'ёлка',
  'творчество',
  'Клуб 65 центр',
  '65',
];

const contains = (name: string, short: string, text: string) =>
  [name, short].some((v) => v.toLowerCase().includes(text.toLowerCase()));

(onSqlite ? describe : describe.skip)(
  'the SQLite text index answers a search by rare trigrams or by the phrase alike',
  () => {
    let sut: MikroORM;
    beforeAll(async () => {
      sut = await openOrm();
      configureSearch('sqlite');
      const em = sut.em.fork();
      NAMES.forEach(([name, shortName], i) =>
        em.create(OrganisationRecord, {
          id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
          kind: 'partner',
          partnerType: 'other',
          name,
          shortName,
          slug: `text-paths-${i + 1}`,
          isPublished: false,
          createdAt: '2026-12-01T00:00:00.000Z',
          updatedAt: '2026-12-01T00:00:00.000Z',
        } as never),
      );
      await em.flush();
    });
    afterAll(() => sut.close(true));

    const found = async (text: string, rare: string[]): Promise<string[]> =>
      (
        await sut.em.fork().find(OrganisationRecord, {
          slug: { $like: 'text-paths-%' },
          $or: textSearch<OrganisationRecord, 'organisation'>('organisation', ['name', 'shortName'], text, { rare }),
        })
      )
        .map((o) => o.name)
        .sort();
    const expected = (text: string) =>
      NAMES.filter(([n, s]) => contains(n, s, text))
        .map(([n]) => n)
        .sort();

    it('makes the trigrams of a text as the tokenizer does: every three characters, case folded, each once', () => {
      expect(trigramsOf('АБвг')).toEqual(['абв', 'бвг']);
      expect(trigramsOf('ааааа')).toEqual(['ааа']);
      expect(trigramsOf('ab')).toEqual([]);
      // a capital whose lower case is two characters stays as it is (the index folds it its own way)
      expect(trigramsOf('İstanbul').slice(0, 2)).toEqual(['İst', 'sta']);
    });

    it.each(SEARCHES)('finds exactly the names containing %j by the whole phrase', async (text) => {
      expect(await found(text, [])).toEqual(expected(text));
    });

    it.each(SEARCHES)(
      'finds exactly the names containing %j by its rare trigrams and a check of the rows',
      async (text) => {
        // with a floor of 3 rows every trigram of the common words counts as common: only the rare ones ask the index
        const rare = await rareTrigrams(sut.em.fork(), 'organisation', ['name', 'shortName'], text, { commonFrom: 3 });
        expect(await found(text, rare)).toEqual(expected(text));
      },
    );

    it('counts at most twelve trigrams of a long text, spread over it, and still finds exactly what it contains', async () => {
      const em = sut.em.fork();
      // every statement, the ORM's or a hand-written one (`runSql`), passes the connection's `executeQuery`
      const connection = em.getConnection() as unknown as { executeQuery: (sql: string) => Promise<unknown> };
      const counts = jest.spyOn(connection, 'executeQuery');
      const long = `Клуб 65 ${'абвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789'.repeat(4)}`;
      const rare = await rareTrigrams(em, 'organisation', ['name', 'shortName'], long, { commonFrom: 3 });
      expect(counts.mock.calls.length).toBeGreaterThan(0);
      expect(counts.mock.calls.length).toBeLessThanOrEqual(12);
      counts.mockRestore();
      expect(rare.length).toBeGreaterThan(0);
      expect(await found(long, rare)).toEqual(expected(long));
      expect(await found('Клуб 65', await rareTrigrams(em, 'organisation', ['name', 'shortName'], 'Клуб 65'))).toEqual(
        expected('Клуб 65'),
      );
    });

    it('chooses the rarest trigrams, and none when every trigram is common', async () => {
      const em = sut.em.fork();
      const rare = await rareTrigrams(em, 'organisation', ['name', 'shortName'], 'творчества 65', { commonFrom: 3 });
      expect(rare.length).toBeGreaterThan(0);
      expect(rare.every((t) => !'творчества'.includes(t))).toBe(true);
      expect(await rareTrigrams(em, 'organisation', ['name', 'shortName'], 'творчеств', { commonFrom: 3 })).toEqual([]);
      expect(await rareTrigrams(em, 'organisation', ['name', 'shortName'], 'ёл', { commonFrom: 3 })).toEqual([]);
    });
  },
);

/** Activities of three academic years whose titles share words and differ by a number. */
const YEARS = ['2023-2024', '2024-2025', '2025-2026'];
const TITLES = ['Мероприятие 6', 'Мероприятие 65', 'Мероприятие 16', 'Встреча 6', 'МЕРОПРИЯТИЕ 60'];

(onSqlite ? describe : describe.skip)('the activities’ text index narrows a search to one academic year', () => {
  let sut: MikroORM;
  beforeAll(async () => {
    sut = await openOrm();
    configureSearch('sqlite');
    const conn = sut.em.getConnection();
    // only the text index is under test: the rows need no plan, school or direction of their own
    await conn.execute('pragma foreign_keys = off');
    let n = 0;
    for (const year of YEARS)
      for (const title of TITLES) {
        n++;
        await conn.execute(
          `insert into activity (id, created_at, updated_at, plan_id, organisation_id, academic_year, title, direction_id,
             form, starts_on, ends_on, venue, target_grades, planned_participants, hours, is_public, professions,
             description, status, evidence_links)
           values (?, '2026-12-01', '2026-12-01', 'p', 'o', ?, ?, 'd', 'excursion', '2026-01-10', '2026-01-10',
             ?, '[]', 10, 2, 0, '[]', '', 'planned', '[]')`,
          [`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, year, title, n % 4 === 0 ? title : ''],
        );
      }
    await conn.execute('pragma foreign_keys = on');
  });
  afterAll(() => sut.close(true));

  const found = async (text: string, year: string, within: boolean): Promise<string[]> => {
    const em = sut.em.fork();
    const rare = await rareTrigrams(em, 'activity', ['title', 'venue'], text, { commonFrom: 3 });
    const trigrams = await narrowingTrigrams(em, 'activity', 'academicYear', year);
    const rows = await em.find(ActivityRecord, {
      academicYear: year,
      $or: textSearch<ActivityRecord, 'activity'>('activity', ['title', 'venue'], text, {
        rare,
        within: within ? { property: 'academicYear', trigrams } : undefined,
      }),
    });
    return rows.map((r) => `${r.academicYear} ${r.title}`).sort();
  };

  it.each(['Мероприятие 6', 'мероприятие 65', 'е 6', 'Встреча'])(
    'finds exactly the year’s activities containing %j, with the year narrowed in the index or not',
    async (text) => {
      for (const year of YEARS) {
        const expected = TITLES.filter((t) => t.toLowerCase().includes(text.toLowerCase()))
          .map((t) => `${year} ${t}`)
          .sort();
        expect(await found(text, year, true)).toEqual(expected);
        expect(await found(text, year, false)).toEqual(expected);
      }
    },
  );

  it('keeps only the year’s rows among the index’s candidates', async () => {
    const em = sut.em.fork();
    const trigrams = await narrowingTrigrams(em, 'activity', 'academicYear', '2024-2025');
    expect(trigrams).toHaveLength(2);
    const [{ n }] = await em
      .getConnection()
      .execute<
        { n: number }[]
      >(`select count(*) as n from activity_search where activity_search match ?`, [`{title venue} : "мероприятие" AND {academic_year} : (${trigrams.map((t) => `"${t}"`).join(' AND ')})`]);
    expect(Number(n)).toBe(TITLES.filter((t) => t.toLowerCase().includes('мероприятие')).length);
  });
});
