import { domainError } from '@socium/domain';

import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Request, Response } from 'express';

import { AppError } from '../http/app-error';
import { pickEncoding } from '../http/static-file';

export const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=3600';

/** Answers smaller than this are sent as they are (compression would save little and cost a header). */
const COMPRESS_FROM_BYTES = 1024;
/** Brotli's quality for public answers: made once per answer kept, sent many times (11 costs ≈ 10× more for ≈ 5 % less). */
const BROTLI_QUALITY = 9;

/** Strong validator: the SHA-256 of the exact bytes sent (before content coding). */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header matches `etag` (a list, `*`, or weak forms compared weakly as RFC 9110 allows for 304). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The public pages; JSON and the calendar are one answer for every language. */
export type PublicPageKind = 'json' | 'ics' | 'export' | 'embed';

/** The cache key of a public page (the same for the pages' service and the fast path). */
export function publicPageKey(kind: PublicPageKind, slug: string, lang: string): string {
  return kind === 'json' || kind === 'ics' ? `${kind}|${slug}` : `${kind}|${lang}|${slug}`;
}

/** A public answer as a page builds it. */
export interface PublicAnswer {
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

/** The content codings a public answer is sent in, besides its plain bytes. */
export type PublicEncoding = 'br' | 'gzip';

/**
 * A public answer ready to send many times: its bytes, the validator, when it must be rebuilt, and its compressed
 * forms, each made the first time a client asks for it (an answer nobody asks compressed costs no compression).
 */
export interface PreparedAnswer {
  body: Buffer;
  etag: string;
  contentType: string;
  headers: Record<string, string>;
  expiresAt: number;
  /** the compressed forms made so far (see `encodedBody`) */
  encoded: Partial<Record<PublicEncoding, Buffer>>;
}

/** Encodes an answer once: UTF-8 bytes and the strong ETag of the bytes (compressed forms on demand). */
export function prepareAnswer(a: PublicAnswer, expiresAt: number): PreparedAnswer {
  const body = Buffer.from(a.body, 'utf8');
  return {
    body,
    etag: strongEtag(body),
    contentType: a.contentType,
    headers: a.headers ?? {},
    expiresAt,
    encoded: {},
  };
}

/** Whether an answer is worth compressing at all (from 1 KB). */
export const compressible = (a: PreparedAnswer): boolean => a.body.length >= COMPRESS_FROM_BYTES;

/** The answer's bytes in `encoding`, compressed on the first request for them and kept with the answer. */
export function encodedBody(a: PreparedAnswer, encoding: PublicEncoding): Buffer {
  const kept = a.encoded[encoding];
  if (kept) return kept;
  const made =
    encoding === 'br'
      ? brotliCompressSync(a.body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: a.body.length,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          },
        })
      : gzipSync(a.body);
  a.encoded[encoding] = made;
  return made;
}

/** The headers of a public answer: CORP, CORS, Cache-Control, Vary, ETag and the page's own. */
export function publicHeaders(a: PreparedAnswer): [string, string][] {
  return [
    ['Cross-Origin-Resource-Policy', 'cross-origin'],
    ['Access-Control-Allow-Origin', '*'],
    ['Cache-Control', PUBLIC_CACHE],
    ['Vary', 'Accept-Encoding'],
    ['ETag', a.etag],
    ...Object.entries(a.headers),
  ];
}

/** Sends a cacheable public answer: its headers, 304 on a matching If-None-Match, brotli or gzip when asked. */
export function sendPublic(req: Request, res: Response, a: PreparedAnswer): void {
  for (const [k, v] of publicHeaders(a)) res.setHeader(k, v);
  if (etagMatches(req.headers['if-none-match'], a.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type(a.contentType);
  const encoding = compressible(a) ? pickEncoding(req.headers['accept-encoding']) : null;
  if (encoding) {
    // the compression middleware leaves an answer that already has a Content-Encoding alone
    res.setHeader('Content-Encoding', encoding);
    res.send(encodedBody(a, encoding));
  } else res.send(a.body);
}

/** Adds hits to the shared counters and answers each (bucket, window)'s total after the addition. */
export interface HitStore {
  add(rows: readonly HitRow[]): Promise<Map<string, number>>;
  /** Forgets windows that started before `before`. */
  sweep(before: number): Promise<void>;
}
export interface HitRow {
  bucket: string;
  windowStart: number;
  hits: number;
}
export const hitKey = (bucket: string, windowStart: number): string => `${bucket}@${windowStart}`;

interface LocalWindow {
  bucket: string;
  windowStart: number;
  /** the shared total the store last reported (all processes) */
  known: number;
  /** this process's hits not yet added to the store */
  pending: number;
}

/**
 * A fixed-window limit per client, shared by every process through a `HitStore` (the database). Aligned windows
 * (the clock's minute) let processes agree without talking. Each process counts locally and adds its counts to the
 * store in batches (`flush`, on a timer); a client that has used half of its limit is counted in the store on every
 * request, so near the limit the decision is made on the shared total. A refusal is never a false one (the local
 * figure never exceeds the shared one); at most one batch interval of another process's hits can pass unseen
 * below half the limit. Clients are stored as SHA-256 digests, never as addresses. When the store fails the limiter
 * falls back to this process's own count.
 */
export class SharedRateLimiter {
  private readonly windows = new Map<string, LocalWindow>();
  private lastSweep = 0;

  constructor(
    private readonly store: HitStore,
    private readonly now: () => number,
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, or 0. */
  async hit(client: string): Promise<number> {
    if (this.limit === 0) return 0;
    const now = this.now();
    const w = this.window(client);
    w.pending++;
    let total = w.known + w.pending;
    if (total <= this.limit && total * 2 > this.limit) total = (await this.sync([w])).get(w) ?? total;
    return total > this.limit ? Math.max(1, Math.ceil((w.windowStart + this.windowMs - now) / 1000)) : 0;
  }

  /**
   * Counts a hit when this process can decide it alone: a client far below its limit (a first visit included).
   * Returns false (and counts nothing) otherwise; then `hit` decides.
   */
  hitLocally(client: string): boolean {
    if (this.limit === 0) return true;
    const w = this.window(client);
    if ((w.known + w.pending + 1) * 2 > this.limit) return false;
    w.pending++;
    return true;
  }

  /** The client's window of the current minute (a new one, counted from nothing, when the minute is new). */
  private window(client: string): LocalWindow {
    const now = this.now();
    const windowStart = now - (now % this.windowMs);
    let w = this.windows.get(client);
    if (!w || w.windowStart !== windowStart) {
      w = { bucket: w?.bucket ?? digest(client), windowStart, known: 0, pending: 0 };
      this.windows.set(client, w);
    }
    return w;
  }

  /** Adds every pending count to the store; forgets windows that have passed (in memory and, once a window, in the store). */
  async flush(): Promise<void> {
    const now = this.now();
    const current = now - (now % this.windowMs);
    const live: LocalWindow[] = [];
    for (const [client, w] of this.windows) {
      if (w.windowStart !== current) this.windows.delete(client);
      else if (w.pending > 0) live.push(w);
    }
    for (let i = 0; i < live.length; i += 200) await this.sync(live.slice(i, i + 200));
    if (current !== this.lastSweep) {
      this.lastSweep = current;
      await this.store.sweep(current - this.windowMs).catch(() => undefined);
    }
  }

  /** Moves the windows' pending hits to the store; returns each window's shared total (its own count if the store failed). */
  private async sync(ws: readonly LocalWindow[]): Promise<Map<LocalWindow, number>> {
    const taken = ws.map((w) => {
      const hits = w.pending;
      w.pending = 0;
      return { w, hits };
    });
    const out = new Map<LocalWindow, number>();
    try {
      const totals = await this.store.add(
        taken.map(({ w, hits }) => ({ bucket: w.bucket, windowStart: w.windowStart, hits })),
      );
      for (const { w } of taken) {
        const total = totals.get(hitKey(w.bucket, w.windowStart));
        if (total !== undefined) w.known = Math.max(w.known, total);
        out.set(w, (total ?? w.known) + w.pending);
      }
    } catch {
      for (const { w, hits } of taken) {
        w.pending += hits;
        out.set(w, w.known + w.pending);
      }
    }
    return out;
  }
}

const digest = (client: string): string => createHash('sha256').update(`public:${client}`).digest('hex');

/** The 429 every public page gives a client over its limit. */
export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError(
    domainError('public.rate-limited', 'throttled', {
      en: 'Too many requests; try again later',
      ru: 'Слишком много запросов; повторите позже',
      tt: 'Сораулар артык күп; соңрак кабатлагыз',
    }),
    { retryAfterSeconds },
  );
}
