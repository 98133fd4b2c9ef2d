import { ormOptions } from '@socium/api-persistence';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';

import { LoginThrottleService } from '../../src/app/auth/login-throttle.service';
import type { ClockService } from '../../src/app/clock/clock.service';
import { loadAppConfig } from '../../src/app/config/app-config';
import { openOrm } from './open-orm';

const config = loadAppConfig({ SOCIUM_LOGIN_MAX_FAILURES: '5', SOCIUM_LOGIN_WINDOW_SECONDS: '60' });

/** A clock the test moves. */
class TestClock {
  now = 1_800_000_000_000;
  nowMs(): number {
    return this.now;
  }
}

describe('log-in throttling kept in the database', () => {
  const pg = process.env['DB_DRIVER'] === 'postgresql' && process.env['DATABASE_URL'];
  let dir: string;
  let first: MikroORM;
  let second: MikroORM;
  const clock = new TestClock();
  const throttle = (orm: MikroORM) => new LoginThrottleService(config, clock as unknown as ClockService, orm.em);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'socium-throttle-'));
    // two ORMs on one database stand for two API processes behind a proxy
    if (pg) first = await openOrm();
    else {
      first = await MikroORM.init(await ormOptions({ driver: 'sqlite', path: join(dir, 'db.sqlite') }));
      await first.getMigrator().up();
    }
    second = await MikroORM.init(
      await ormOptions(
        pg ? { driver: 'postgresql', url: pg as string } : { driver: 'sqlite', path: join(dir, 'db.sqlite') },
      ),
    );
  });
  afterAll(async () => {
    await second.close(true);
    await first.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly five of forty simultaneous attempts for one e-mail go on to the password check', async () => {
    const sut = throttle(first);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sut.attempt('parallel@example.org', `10.1.0.${i}`)),
    );
    expect(answers.filter((a) => a.retryAfterSeconds === 0)).toHaveLength(5);
    expect(Math.min(...answers.filter((a) => a.retryAfterSeconds > 0).map((a) => a.retryAfterSeconds))).toBe(60);
  });

  it('shares the counters between two processes on one database', async () => {
    const a = throttle(first);
    const b = throttle(second);
    for (let i = 0; i < 5; i++)
      expect((await (i % 2 ? a : b).attempt('shared@example.org', `10.2.0.${i}`)).retryAfterSeconds).toBe(0);
    expect((await b.attempt('shared@example.org', '10.2.1.1')).retryAfterSeconds).toBeGreaterThan(0);
    expect((await a.attempt('shared@example.org', '10.2.1.2')).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('blocks a client address after four times the limit, whatever the e-mails, and not other addresses', async () => {
    const sut = throttle(first);
    for (let i = 0; i < 20; i++) expect((await sut.attempt(`u${i}@example.org`, '10.3.0.1')).retryAfterSeconds).toBe(0);
    expect((await sut.attempt('fresh@example.org', '10.3.0.1')).retryAfterSeconds).toBeGreaterThan(0);
    expect((await sut.attempt('fresh2@example.org', '10.3.0.2')).retryAfterSeconds).toBe(0);
  });

  it('starts a new window once the window has passed, and tells how long to wait until then', async () => {
    const sut = throttle(first);
    for (let i = 0; i < 5; i++) await sut.attempt('window@example.org', `10.4.0.${i}`);
    clock.now += 45_000;
    expect((await sut.attempt('window@example.org', '10.4.1.1')).retryAfterSeconds).toBe(15);
    clock.now += 15_000;
    expect((await sut.attempt('window@example.org', '10.4.1.2')).retryAfterSeconds).toBe(0);
  });

  it('forgets the e-mail after a success and gives the address its attempt back', async () => {
    const sut = throttle(first);
    for (let i = 0; i < 4; i++) await sut.attempt('ok@example.org', '10.5.0.1');
    await sut.succeeded(await sut.attempt('ok@example.org', '10.5.0.1'));
    for (let i = 0; i < 5; i++) expect((await sut.attempt('ok@example.org', `10.5.1.${i}`)).retryAfterSeconds).toBe(0);
    // the address counted 5 attempts and got one back: 16 more fit under its limit of 20
    for (let i = 0; i < 16; i++) expect((await sut.attempt(`x${i}@example.org`, '10.5.0.1')).retryAfterSeconds).toBe(0);
    expect((await sut.attempt('y@example.org', '10.5.0.1')).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('stores digests only: no e-mail and no address in the table', async () => {
    const rows = await first.em.getConnection().execute<{ throttle_key: string }[]>('select * from login_throttle');
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('@example.org');
    expect(text).not.toContain('10.');
    for (const r of rows) expect(r.throttle_key).toMatch(/^[0-9a-f]{64}$/);
  });
});
