import { ClockService } from '../clock/clock.service';
import { AppConfig, loadAppConfig } from '../config/app-config';
import { TokenService } from './token.service';

describe(TokenService.name, () => {
  const tokens = (config: AppConfig) => new TokenService(config, new ClockService(config));
  const sut = tokens(loadAppConfig({ SOCIUM_JWT_SECRET: 'x'.repeat(40), SOCIUM_ACCESS_TTL: '900' }));
  const claims = { sub: 'u1', role: 'coordinator', org: 'o1', email: 'a@b.org', gen: 1 };

  it('verifies a token it signed until it expires', () => {
    const token = sut.sign(claims, 1000);
    expect(sut.verify(token, 1899)).toMatchObject({ sub: 'u1', gen: 1 });
    expect(sut.verify(token, 1900)).toBeNull();
  });

  it('rejects a token whose payload was changed', () => {
    const [h, , s] = sut.sign(claims, 1000).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims, role: 'coordinator', sub: 'u2', iat: 1000, exp: 99999 }),
    ).toString('base64url');
    expect(sut.verify(`${h}.${forged}.${s}`, 1001)).toBeNull();
  });

  it('rejects a token signed with another key and garbage', () => {
    const other = tokens(loadAppConfig({ SOCIUM_JWT_SECRET: 'y'.repeat(40) }));
    expect(sut.verify(other.sign(claims, 1000), 1001)).toBeNull();
    expect(sut.verify('not.a.token', 1001)).toBeNull();
    expect(sut.verify('abc', 1001)).toBeNull();
  });

  it('hashes refresh tokens so the database never holds them', () => {
    const { token, hash } = sut.newRefreshToken();
    expect(hash).toBe(sut.hashRefresh(token));
    expect(hash).not.toContain(token);
  });
});
