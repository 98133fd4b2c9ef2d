import { createHmac } from 'node:crypto';

import { ClockService } from '../clock/clock.service';
import { AppConfig, loadAppConfig } from '../config/app-config';
import { TokenService } from './token.service';

describe(TokenService.name, () => {
  const tokens = (config: AppConfig) => new TokenService(config, new ClockService(config));
  const sut = tokens(loadAppConfig({ SOCIUM_JWT_SECRET: 'x'.repeat(40), SOCIUM_ACCESS_TTL: '900' }));
  const U1 = '6f1c1a52-0d1e-4b7e-9c1a-2f0b8c4d5e01';
  const U2 = '6f1c1a52-0d1e-4b7e-9c1a-2f0b8c4d5e02';
  const claims = { sub: U1, role: 'coordinator', org: 'o1', email: 'a@b.org', gen: 1 } as const;

  it('verifies a token it signed until it expires', () => {
    const token = sut.sign(claims, 1000);
    expect(sut.verify(token, 1899)).toMatchObject({ sub: U1, gen: 1 });
    expect(sut.verify(token, 1900)).toBeNull();
  });

  it('rejects a token whose payload was changed', () => {
    const [h, , s] = sut.sign(claims, 1000).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims, role: 'coordinator', sub: U2, iat: 1000, exp: 99999 }),
    ).toString('base64url');
    expect(sut.verify(`${h}.${forged}.${s}`, 1001)).toBeNull();
  });

  it('rejects a token signed with another key and garbage', () => {
    const other = tokens(loadAppConfig({ SOCIUM_JWT_SECRET: 'y'.repeat(40) }));
    expect(sut.verify(other.sign(claims, 1000), 1001)).toBeNull();
    expect(sut.verify('not.a.token', 1001)).toBeNull();
    expect(sut.verify('abc', 1001)).toBeNull();
  });

  it('rejects a correctly signed token whose claims have the wrong types or values', () => {
    const secret = 'x'.repeat(40);
    const signRaw = (payload: object) => {
      const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
      const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
      return `${h}.${p}.${s}`;
    };
    const good = { ...claims, iat: 1000, exp: 99999 };
    expect(sut.verify(signRaw(good), 1001)).toMatchObject({ sub: U1 });
    for (const bad of [
      { ...good, sub: { $ne: null } },
      { ...good, sub: 'not-a-uuid' },
      { ...good, role: 'superuser' },
      { ...good, org: ['o1'] },
      { ...good, gen: '1' },
      { ...good, exp: '99999' },
      { ...good, admin: true },
      (({ gen: _, ...rest }) => rest)(good),
    ])
      expect(sut.verify(signRaw(bad), 1001)).toBeNull();
  });

  it('hashes refresh tokens so the database never holds them', () => {
    const { token, hash } = sut.newRefreshToken();
    expect(hash).toBe(sut.hashRefresh(token));
    expect(hash).not.toContain(token);
  });
});
