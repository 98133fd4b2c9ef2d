import { UserRecord } from '@socium/api-persistence';

import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';

import { describeError, uniqueClash } from '../../src/app/common/database-errors';
import { openOrm } from './open-orm';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

function user(id: string, email: string): UserRecord {
  const r = new UserRecord();
  Object.assign(r, {
    id,
    email,
    name: 'Имя',
    role: 'school_admin',
    organisationId: 'org',
    passwordHash: HASH,
    createdAt: 't',
    updatedAt: 't',
  });
  return r;
}

describe('database errors on a real database', () => {
  let sut: MikroORM;
  let clash: unknown;
  beforeAll(async () => {
    sut = await openOrm();
    await sut.em.fork().persistAndFlush(user('u1', 'taken@example.org'));
    try {
      await sut.em.fork().persistAndFlush(user('u2', 'taken@example.org'));
    } catch (e) {
      clash = e;
    }
  });
  afterAll(() => sut.close(true));

  it('raises a unique violation whose raw text holds the INSERT with the e-mail (what must not be logged)', () => {
    expect(clash).toBeInstanceOf(UniqueConstraintViolationException);
    expect(String((clash as Error).stack)).toContain('taken@example.org');
  });

  it('describes a driver error for the log without the SQL parameters: no e-mail, no password hash', () => {
    const text = describeError(clash);
    expect(text).toContain('UniqueConstraintViolationException');
    expect(text).not.toContain('taken@example.org');
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/insert into/i);
  });

  it('maps the e-mail clash to the refusal the sequential check gives: user.email.taken on the field email', () => {
    const refusal = uniqueClash(clash as UniqueConstraintViolationException).error;
    expect(refusal).toMatchObject({ code: 'user.email.taken', field: 'email' });
  });

  it('keeps the stack of an ordinary error as it is', () => {
    const e = new Error('plain');
    expect(describeError(e)).toBe(e.stack);
  });
});
