import { OrganisationRecord } from '@socium/api-persistence';

import { MikroORM } from '@mikro-orm/core';

import { configureSearch, rareTrigrams, textSearch, trigramsOf } from '../../src/app/common/crud.support';
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
      const counts = jest.spyOn(em.getConnection(), 'execute');
      const long = `Клуб 65 ${'абвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789'.repeat(4)}`;
      const rare = await rareTrigrams(em, 'organisation', ['name', 'shortName'], long, { commonFrom: 3 });
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
