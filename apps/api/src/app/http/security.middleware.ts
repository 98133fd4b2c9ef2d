import type { NextFunction, Request, Response } from 'express';

/**
 * Security headers on every answer (HSTS on secure requests only); `no-store` on authenticated answers;
 * open CORS (no credentials) on the public API only. The embed page may be framed by any site; nothing else may.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const path = req.path;
  const embeddable = path.startsWith('/embed/');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Only over HTTPS (RFC 6797 §7.2): `req.secure` reads X-Forwarded-Proto only from the trusted proxies.
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  const docs = path.startsWith('/api/docs');
  res.setHeader(
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
  );
  if (!embeddable) res.setHeader('X-Frame-Options', 'DENY');
  if (path.startsWith('/api/v1/public/') || path === '/widget.js' || path.startsWith('/widget/')) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Access-Control-Expose-Headers', 'ETag');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Content-Type');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
  } else {
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  }
  if (req.headers.authorization || (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/public/')))
    res.setHeader('Cache-Control', 'no-store');
  next();
}
