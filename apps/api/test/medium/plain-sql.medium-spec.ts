import { OrganisationRecord } from '@socium/api-persistence';

import { FilterQuery, MikroORM, raw, RawQueryFragment } from '@mikro-orm/core';

import { anyRecord, configureSearch, findPage, like, readPlain, textSearch } from '../../src/app/common/crud.support';
import { ident, plainCondition, tableShape } from '../../src/app/common/plain-sql';
import { openOrm } from './open-orm';

/** Organisations whose columns cover every kind of value: text, null, a boolean, an integer, JSON. */
function organisations(): OrganisationRecord[] {
  return Array.from({ length: 12 }, (_, i) => {
    const r = new OrganisationRecord();
    Object.assign(r, {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      version: 1 + (i % 3),
      createdAt: `2026-01-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
      updatedAt: '2026-02-01T08:00:00.000Z',
      kind: i < 5 ? 'school' : i < 10 ? 'partner' : 'department',
      name: `Организация ${i}`,
      shortName: `Орг ${String(11 - i).padStart(2, '0')}`,
      slug: `org-${i}`,
      partnerType: i >= 5 && i < 10 ? (i % 2 ? 'employer' : 'culture') : null,
      address: i % 4 === 0 ? null : `ул. Тестовая, ${i}`,
      contacts: i % 3 === 0 ? [] : [{ role: 'Приёмная', phone: `+7 843 000-00-${String(i).padStart(2, '0')}` }],
      isPublished: i % 4 !== 1,
      enrolment: i < 5 ? 300 + i * 50 : null,
    });
    return r;
  });
}

/** The records as the API reads them: plain values, compared by id. */
const plain = (rows: object[]): object[] =>
  rows
    .map((r) => JSON.parse(JSON.stringify({ ...r })) as Record<string, unknown>)
    .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));

describe('reads by hand-written statements give what the ORM gives', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openOrm('2026-12-07');
    configureSearch(process.env['DB_DRIVER'] === 'postgresql' ? 'postgresql' : 'sqlite');
    const em = orm.em.fork();
    for (const r of organisations()) em.persist(r);
    await em.flush();
  });
  afterAll(() => orm.close(true));

  const FILTERS: [string, FilterQuery<OrganisationRecord>][] = [
    ['no filter', {}],
    ['an equality', { kind: 'school' }],
    ['a boolean', { isPublished: false }],
    ['a null', { address: null }],
    ['not null', { partnerType: { $ne: null } }],
    ['not equal (NULLs left out, as in SQL)', { partnerType: { $ne: 'employer' } }],
    ['a list', { slug: { $in: ['org-1', 'org-3', 'org-11', 'none'] } }],
    [
      'values holding quotes, question marks and backslashes',
      { name: { $in: ["Организация 1' or '1'='1", 'a ? b ?? c \\ d', 'Организация 2'] } },
    ],
    ['an empty list', { id: { $in: [] } }],
    ['a range of integers', { enrolment: { $gte: 350, $lt: 500 } }],
    ['a range of text', { createdAt: { $gt: '2026-01-13', $lte: '2026-01-18T23' } }],
    [
      'an equality beside an alternative',
      { kind: 'partner', $or: [{ partnerType: 'employer' }, { isPublished: false }] },
    ],
    [
      'alternatives inside a conjunction',
      { $and: [{ $or: [{ kind: 'school' }, { kind: 'department' }] }, { version: 2 }] },
    ],
    ['an empty alternative', { $or: [] }],
    ['a JSON column that is not null', { contacts: { $ne: null }, kind: 'school' }],
    ['a JSON column that is null', { contacts: null }],
    ['a case-insensitive pattern', { kind: 'school', name: like('ЦИЯ 1') }],
  ];

  /** Text searches, made afresh for each read: a raw fragment (the SQLite text index's) is used up by its query. */
  const SEARCHES: [string, () => FilterQuery<OrganisationRecord>][] = [
    ['a search by the whole phrase', () => ({ $or: textSearch('organisation', ['name', 'shortName'], 'ция 1') })],
    [
      'a search by rare trigrams and a check of the rows',
      () => ({ $or: textSearch('organisation', ['name', 'shortName'], 'ОРГ 0', { rare: ['г 0'] }) }),
    ],
    [
      'a search beside an equality',
      () => ({ kind: 'partner', $or: textSearch('organisation', ['name', 'shortName'], 'изация') }),
    ],
  ];

  it.each(SEARCHES)('finds, pages and counts %s as the ORM does, and forgets its raw fragment', async (_, where) => {
    const options = { orderBy: [{ kind: 'asc' }, { shortName: 'asc' }, { id: 'asc' }] as never, limit: 3, offset: 1 };
    const [rows, total] = await orm.em.fork().findAndCount(OrganisationRecord, where(), options);
    expect(rows.length).toBeGreaterThan(0);
    const fragments = RawQueryFragment.checkCacheSize();
    expect(plain(await readPlain(orm.em.fork(), OrganisationRecord, where()))).toEqual(
      plain(await orm.em.fork().find(OrganisationRecord, where())),
    );
    for (const totalWithRows of [false, true]) {
      const page = await findPage(
        orm.em.fork(),
        OrganisationRecord,
        where(),
        { limit: 3, offset: 1 },
        { kind: 'asc', shortName: 'asc' },
        (r) => r,
        { totalWithRows },
      );
      expect(page.total).toBe(total);
      expect(page.items.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      expect(plain(page.items)).toEqual(plain(rows));
    }
    expect(RawQueryFragment.checkCacheSize()).toBe(fragments);
  });

  it.each(FILTERS)('finds the same records for %s', async (_, where) => {
    const expected = plain(await orm.em.fork().find(OrganisationRecord, where));
    expect(plain(await readPlain(orm.em.fork(), OrganisationRecord, where))).toEqual(expected);
  });

  it.each(FILTERS)('pages and counts %s as the ORM does', async (_, where) => {
    const [rows, total] = await orm.em.fork().findAndCount(OrganisationRecord, where, {
      orderBy: [{ kind: 'asc' }, { shortName: 'asc' }, { id: 'asc' }] as never,
      limit: 4,
      offset: 1,
    });
    const page = await findPage(
      orm.em.fork(),
      OrganisationRecord,
      where,
      { limit: 4, offset: 1 },
      { kind: 'asc', shortName: 'asc' },
      (r) => r,
    );
    expect(page.total).toBe(total);
    // the same order, not only the same set
    expect(page.items.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(plain(page.items)).toEqual(plain(rows));
  });

  it('reads only the columns asked for, converted', async () => {
    const [r] = await readPlain(
      orm.em.fork(),
      OrganisationRecord,
      { slug: 'org-1' },
      { fields: ['id', 'isPublished', 'contacts'] },
    );
    expect(r).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      isPublished: false,
      contacts: [expect.any(Object)],
    });
  });

  it('tells whether any record matches, by hand or through the ORM', async () => {
    expect(await anyRecord(orm.em.fork(), OrganisationRecord, { slug: 'org-3' })).toBe(true);
    expect(await anyRecord(orm.em.fork(), OrganisationRecord, { slug: 'org-3', kind: 'partner' })).toBe(false);
    expect(await anyRecord(orm.em.fork(), OrganisationRecord, { name: { $like: '%11' } })).toBe(true);
    expect(await anyRecord(orm.em.fork(), OrganisationRecord, { name: { $like: '%12' } })).toBe(false);
  });

  it('keeps an alternative inside its parentheses beside an equality', () => {
    const params: unknown[] = [];
    const sql = plainCondition(
      tableShape(orm.em, OrganisationRecord),
      { kind: 'partner', $or: [{ slug: 'a' }, { slug: 'b' }] },
      params,
    );
    expect(sql).toBe('"kind" = ? and (("slug" = ?) or ("slug" = ?))');
    expect(params).toEqual(['partner', 'a', 'b']);
  });

  it('quotes a name holding a double quote by doubling it', () => {
    expect(ident('name')).toBe('"name"');
    expect(ident('odd"name')).toBe('"odd""name"');
  });

  it.each([
    ['a regular expression', { name: { $re: 'Орг' } }],
    ['a raw fragment compared with a value', { [raw('lower(name)')]: 'орг' }],
    ['a raw fragment naming columns by placeholders', { [raw('lower(??) = ?', ['name', 'орг'])]: [] }],
    ['a JSON column compared with a value', { contacts: [] }],
    ['a JSON column compared with a value beside null', { contacts: { $ne: null, $in: [] } }],
    ['a property the table does not have', { nope: 1 }],
    ['a list given without $in', { kind: ['school', 'partner'] }],
    ['a date object', { createdAt: new Date() }],
  ])('leaves %s to the ORM', (_, where) => {
    expect(plainCondition(tableShape(orm.em, OrganisationRecord), where, [])).toBeNull();
  });
});
