import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** Content types worth compressing (text); images and fonts are compressed already. */
const TEXT = /^(text\/|application\/(javascript|json)|image\/svg\+xml)/;

interface Encoded {
  readonly mtimeMs: number;
  readonly identity: Buffer;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

/**
 * Built files compressed once per process at the strongest settings (brotli 11, gzip 9) and kept, keyed by path and
 * checked against the file's modification time: the bytes a browser downloads are as small as the build allows,
 * and no request pays for compressing them again. Bounded by the size of the build output.
 */
const cache = new Map<string, Encoded>();

function encoded(path: string): Encoded {
  const mtimeMs = statSync(path).mtimeMs;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const identity = readFileSync(path);
  const entry: Encoded = {
    mtimeMs,
    identity,
    br: brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
    gzip: gzipSync(identity, { level: 9 }),
  };
  cache.set(path, entry);
  return entry;
}

/** The encoding to send: brotli if accepted, else gzip if accepted, else none (`q=0` honoured). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Sends a built file with its type and cache header; text files pre-compressed (brotli or gzip by the request's
 * `Accept-Encoding`, with `Vary`), which the compression middleware leaves alone as already encoded.
 */
export function sendBuiltFile(req: Request, res: Response, path: string, type: string, cacheControl: string): void {
  res.setHeader('Cache-Control', cacheControl);
  res.status(200).type(type);
  if (!TEXT.test(type)) {
    res.send(readFileSync(path));
    return;
  }
  const file = encoded(path);
  res.setHeader('Vary', 'Accept-Encoding');
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (!encoding) {
    res.send(file.identity);
    return;
  }
  res.setHeader('Content-Encoding', encoding);
  res.send(encoding === 'br' ? file.br : file.gzip);
}
