import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** sent as is: percent-encoding, raw Latin-1 bytes and all */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  /** the parsed body when it is JSON, else undefined */
  json: unknown;
}

/**
 * Sends one request over a fresh connection, byte for byte (supertest would re-encode the URL and the body).
 * An answer that arrives before the whole body was written (a 413, a refused encoding) still counts.
 */
export function sendRaw(port: number, r: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path: r.path,
        agent: false,
        headers: { ...r.headers, ...(r.body ? { 'Content-Length': String(r.body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          answered = true;
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = String(res.headers['content-type'] ?? '');
          let json: unknown;
          if (contentType.startsWith('application/json'))
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          resolve({ status: res.statusCode ?? 0, contentType, text, json });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      // the server may answer and close before reading the rest of a large body; the answer is what counts
      if (!answered && e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
      else if (!answered) setTimeout(() => answered || reject(e), 1000);
    });
    req.end(r.body);
  });
}
