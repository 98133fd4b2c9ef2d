import { bootApp, TestApp } from './harness';

/** Headers a client controls must not steer what the server says about itself (issue 16, finding 8). */
describe('Headers the client sends', () => {
  const EXPORT = '/api/v1/public/organisations/urussu-gymnasium/export.html';
  const embedLink = (html: string) => /href="([^"]*\/embed\/[^"]*)"/.exec(html)?.[1];

  describe('with the defaults (no public address, no trusted proxy)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await bootApp();
    });
    afterAll(() => t.close());

    it('links export.html to the embed page by a relative link, whatever Host says', async () => {
      const res = await t.http.get(EXPORT).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example');
      expect(res.status).toBe(200);
      expect(embedLink(res.text)).toBe('/embed/urussu-gymnasium');
      expect(res.text).not.toContain('evil.example');
    });

    it('sends no Strict-Transport-Security over plain HTTP', async () => {
      const res = await t.http.get('/health/live');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const api = await t.http.get('/api/v1/public/organisations/urussu-gymnasium');
      expect(api.headers['strict-transport-security']).toBeUndefined();
    });

    it('does not take X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
      const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium').set('X-Forwarded-Proto', 'https');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('with SOCIUM_PUBLIC_URL and one trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await bootApp({ SOCIUM_PUBLIC_URL: 'https://socium.example.ru/district/', SOCIUM_TRUST_PROXY_HOPS: '1' });
    });
    afterAll(() => t.close());

    it('links export.html to the embed page at the configured address, whatever Host says', async () => {
      const res = await t.http.get(EXPORT).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example');
      expect(res.status).toBe(200);
      expect(embedLink(res.text)).toBe('https://socium.example.ru/district/embed/urussu-gymnasium');
      expect(res.text).not.toContain('evil.example');
    });

    it('sends Strict-Transport-Security when the trusted proxy says the request came over HTTPS', async () => {
      const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium').set('X-Forwarded-Proto', 'https');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    });

    it('sends none when the proxy says the request came over plain HTTP', async () => {
      const res = await t.http.get('/api/v1/public/organisations/urussu-gymnasium').set('X-Forwarded-Proto', 'http');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });
});
