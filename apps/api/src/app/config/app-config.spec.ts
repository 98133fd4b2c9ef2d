import { ConfigError, loadAppConfig } from './app-config';

describe(loadAppConfig.name, () => {
  it('defaults to the SQLite file with demo data outside production', () => {
    const sut = loadAppConfig({});
    expect(sut.database).toEqual({ driver: 'sqlite', path: 'data/socium.sqlite' });
    expect(sut.demo).toBe(true);
    expect(sut.port).toBe(3000);
  });

  it.each([
    ['postgres://u:p@h:5432/db', 'postgresql'],
    ['postgresql://u:p@h/db', 'postgresql'],
    ['sqlite:/tmp/x.sqlite', 'sqlite'],
    ['sqlite::memory:', 'sqlite'],
  ])('picks the driver from DATABASE_URL=%s', (url, driver) => {
    expect(loadAppConfig({ DATABASE_URL: url }).database.driver).toBe(driver);
  });

  it('starts PostgreSQL empty unless demo data is asked for', () => {
    expect(loadAppConfig({ DATABASE_URL: 'postgres://h/db' }).demo).toBe(false);
    expect(loadAppConfig({ DATABASE_URL: 'postgres://h/db', SOCIUM_DEMO: 'true' }).demo).toBe(true);
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'SOCIUM_JWT_SECRET'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SOCIUM_ADMIN_EMAIL: 'a@b.org' }, 'SOCIUM_ADMIN_PASSWORD'],
    [{ SOCIUM_JWT_SECRET: 'short' }, 'SOCIUM_JWT_SECRET'],
    [{ SOCIUM_PUBLIC_URL: 'javascript:alert(1)' }, 'SOCIUM_PUBLIC_URL'],
    [{ SOCIUM_PUBLIC_URL: 'socium.example.ru' }, 'SOCIUM_PUBLIC_URL'],
    [{ SOCIUM_PUBLIC_URL: 'https://socium.example.ru/?a=1' }, 'SOCIUM_PUBLIC_URL'],
  ])('fails fast on %j naming %s', (env, name) => {
    expect(() => loadAppConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadAppConfig(env as Record<string, string>)).toThrow(name);
  });

  it('keeps the public address without its trailing slash, and none when unset', () => {
    expect(loadAppConfig({ SOCIUM_PUBLIC_URL: 'https://socium.example.ru/district/' }).publicUrl).toBe(
      'https://socium.example.ru/district',
    );
    expect(loadAppConfig({}).publicUrl).toBeNull();
  });
});
