import type { NextFunction, Request, Response } from 'express';

/** What the security headers of an answer depend on. */
export interface HeaderContext {
  path: string;
  /** over HTTPS (directly, or as a trusted proxy says) */
  secure: boolean;
  /** the request carries an Authorization header */
  authorized: boolean;
}

/**
 * Security headers on every answer (HSTS on secure requests only); `no-store` on authenticated answers;
 * open CORS (no credentials) on the public API only. The embed page may be framed by any site; nothing else may.
 * One list, used by the middleware and by the public pages' fast path (`public-fast-path.ts`).
 */
export function securityHeaderValues(c: HeaderContext): [string, string][] {
  const { path } = c;
  const embeddable = path.startsWith('/embed/');
  const docs = path.startsWith('/api/docs');
  const out: [string, string][] = [['X-Content-Type-Options', 'nosniff']];
  // Only over HTTPS (RFC 6797 §7.2): `secure` reads X-Forwarded-Proto only from the trusted proxies.
  if (c.secure) out.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  out.push(['Referrer-Policy', 'no-referrer'], ['Cross-Origin-Opener-Policy', 'same-origin']);
  out.push([
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "base-uri 'none'",
      "object-src 'none'",
      `frame-ancestors ${embeddable ? '*' : "'none'"}`,
      `script-src 'self'${docs ? " 'unsafe-inline'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
    ].join('; '),
  ]);
  if (!embeddable) out.push(['X-Frame-Options', 'DENY']);
  if (path.startsWith('/api/v1/public/') || path === '/widget.js' || path.startsWith('/widget/'))
    out.push(
      ['Access-Control-Allow-Origin', '*'],
      ['Cross-Origin-Resource-Policy', 'cross-origin'],
      ['Access-Control-Expose-Headers', 'ETag'],
    );
  else out.push(['Cross-Origin-Resource-Policy', 'same-origin']);
  if (c.authorized || (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/public/')))
    out.push(['Cache-Control', 'no-store']);
  return out;
}

/** The public API's CORS preflight (answered here, before any route). */
function isPreflight(req: Request): boolean {
  const p = req.path;
  return (
    req.method === 'OPTIONS' && (p.startsWith('/api/v1/public/') || p === '/widget.js' || p.startsWith('/widget/'))
  );
}

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const context = { path: req.path, secure: req.secure, authorized: !!req.headers.authorization };
  for (const [name, value] of securityHeaderValues(context)) res.setHeader(name, value);
  if (isPreflight(req)) {
    res.removeHeader('Cache-Control');
    res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Content-Type');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
    return;
  }
  next();
}
