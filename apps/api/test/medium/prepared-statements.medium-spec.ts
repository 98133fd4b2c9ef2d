import { reusePreparedStatements } from '@socium/api-persistence';

interface Statement {
  run(...bindings: unknown[]): unknown;
  all(...bindings: unknown[]): unknown[];
  get(...bindings: unknown[]): unknown;
}
interface Db {
  prepare(sql: string): Statement;
  exec(sql: string): void;
}
// the driver the API runs on SQLite (it ships no type declarations)
const Database = require('better-sqlite3') as new (path: string) => Db;

describe('prepared statements on SQLite', () => {
  const open = () => {
    const db = new Database(':memory:');
    reusePreparedStatements(db as unknown as { prepare: (sql: string) => unknown });
    db.exec('create table t (id integer primary key, name text)');
    return db;
  };

  it('gives the same statement back for the same text, and it runs again with other bindings', () => {
    const db = open();
    const insert = db.prepare('insert into t (name) values (?)');
    expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
    db.prepare('insert into t (name) values (?)').run('первая');
    db.prepare('insert into t (name) values (?)').run('вторая');
    expect(db.prepare('select name from t where id = ?').all(2)).toEqual([{ name: 'вторая' }]);
    expect(db.prepare('select name from t where id = ?').all(1)).toEqual([{ name: 'первая' }]);
  });

  it('keeps answering right after the schema changes under a kept statement', () => {
    const db = open();
    db.prepare('insert into t (name) values (?)').run('одна');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'одна' }]);
    db.exec('alter table t add column note text');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'одна', note: null }]);
  });

  it('keeps a bounded number of statements: a text used long ago is prepared anew', () => {
    const db = open();
    const first = db.prepare('select 0 as n');
    for (let i = 1; i <= 600; i++) db.prepare(`select ${i} as n`);
    const again = db.prepare('select 0 as n');
    expect(again).not.toBe(first);
    expect(again.get()).toEqual({ n: 0 });
  });
});
