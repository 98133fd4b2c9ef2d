import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyAddr from 'proxy-addr';

import { securityHeaderValues } from '../http/security.middleware';
import { pickEncoding } from '../http/static-file';
import { PublicCacheService } from './public-cache.service';
import { compressible, encodedBody, etagMatches, publicHeaders, publicPageKey, PublicPageKind } from './public-http';
import { PublicRateLimitService } from './public-rate-limit.service';

/** The public pages in their plain forms: the JSON, the calendar, the export and the embed page, `?lang=` at most. */
const PAGE =
  /^\/(?:api\/v1\/public\/organisations\/([a-z0-9-]{1,100})(\/events\.ics|\/export\.html)?|embed\/([a-z0-9-]{1,100}))(?:\?lang=(ru|tt|en))?$/;
/** An Accept-Encoding without weights (what browsers and HTTP clients send); anything else goes the long way. */
const SIMPLE_ENCODINGS = /^[a-z0-9\s,-]*$/i;

export interface FastPathDeps {
  cache: PublicCacheService;
  limiter: PublicRateLimitService;
  /** SOCIUM_TRUST_PROXY_HOPS */
  trustProxyHops: number;
}

/**
 * Answers a public page straight from the cache, before Express and Nest, when everything is known in memory: a
 * GET of a page in its plain form, an answer in the cache (fresh, the shared revision looked at within the sync
 * interval), a client this process may count alone (far below its limit; a first visit too). The answer is the one the full path
 * gives — the same security headers (`securityHeaderValues`), public headers (`publicHeaders`), 304, brotli and gzip (`pickEncoding`, as for built files) — so
 * a test compares them. Returns false when the request must take the full path; then nothing was written.
 */
export function answerFromCache(deps: FastPathDeps, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const m = PAGE.exec(req.url);
  if (!m) return false;
  const encodings = req.headers['accept-encoding'];
  if (encodings !== undefined && !SIMPLE_ENCODINGS.test(encodings)) return false;
  const slug = (m[1] ?? m[3]) as string;
  const kind: PublicPageKind = m[3] ? 'embed' : m[2] === '/events.ics' ? 'ics' : m[2] ? 'export' : 'json';
  const answer = deps.cache.peek(publicPageKey(kind, slug, m[4] ?? 'ru'));
  if (!answer) return false;
  const trust = (_: string, hop: number) => hop < deps.trustProxyHops;
  if (!deps.limiter.allowedLocally(proxyAddr(req, trust))) return false;
  deps.cache.fastAnswers++;

  const path = req.url.split('?')[0] as string;
  const secure = (req.socket as TLSSocket).encrypted === true || (deps.trustProxyHops > 0 && forwardedHttps(req));
  for (const [k, v] of securityHeaderValues({ path, secure, authorized: !!req.headers.authorization }))
    res.setHeader(k, v);
  for (const [k, v] of publicHeaders(answer)) res.setHeader(k, v);
  if (etagMatches(req.headers['if-none-match'], answer.etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  const encoding = compressible(answer) ? pickEncoding(encodings) : null;
  const body = encoding ? encodedBody(answer, encoding) : answer.body;
  res.statusCode = 200;
  res.setHeader('Content-Type', answer.contentType);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.end(body);
  return true;
}

/** X-Forwarded-Proto's first value is https (read only when a proxy is trusted, as Express does). */
function forwardedHttps(req: IncomingMessage): boolean {
  const h = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(h) ? h[0] : h)?.split(',')[0]?.trim();
  return first === 'https';
}

/** Puts `answerFromCache` in front of the server's request handler (Express). */
export function installFastPath(server: Server, deps: FastPathDeps): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!answerFromCache(deps, req, res)) for (const h of handlers) h(req, res);
  });
}
