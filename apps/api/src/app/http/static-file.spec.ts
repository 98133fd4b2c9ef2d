import { mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compression from 'compression';
import express from 'express';

import { pickEncoding, sendBuiltFile } from './static-file';

describe('built files over the wire', () => {
  const dir = mkdtempSync(join(tmpdir(), 'socium-static-'));
  const js = join(dir, 'main-ABCDEFGH.js');
  const source = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `слово-${i % 50}`))};\n`;
  writeFileSync(js, source);
  const png = join(dir, 'logo.png');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  const app = express();
  app.use(compression({ threshold: 1024 }));
  app.get('/main.js', (req, res) =>
    sendBuiltFile(req, res, js, 'application/javascript; charset=utf-8', 'public, max-age=31536000, immutable'),
  );
  app.get('/logo.png', (req, res) => sendBuiltFile(req, res, png, 'image/png', 'no-cache'));
  let server: Server;
  beforeAll(() => new Promise<void>((done) => (server = app.listen(0, '127.0.0.1', () => done()))));
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  /** The bytes as sent (no client-side decoding), with the headers. */
  const get = (path: string, acceptEncoding: string) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      httpGet({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('sends brotli to a browser that accepts it, once compressed, and the bytes decode to the file', async () => {
    const res = await get('/main.js', 'gzip, deflate, br, zstd');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(source);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(source) / 5);
  });

  it('sends gzip when brotli is not accepted, and the file as it is when nothing is', async () => {
    const gz = await get('/main.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(source);
    const plain = await get('/main.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(source);
  });

  it('leaves images as they are', async () => {
    const res = await get('/logo.png', 'br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBe(7);
  });

  it.each([
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['gzip;q=0.5, br;q=0', 'gzip'],
    ['', null],
    ['deflate', null],
  ])('reads Accept-Encoding %j as %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});
