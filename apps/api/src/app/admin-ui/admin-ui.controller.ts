import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Public } from '../auth/policy.decorator';
import { sendBuiltFile } from '../http/static-file';

/** Where `nx build admin` puts the browser files of the admin panel. */
export const ADMIN_DIR = resolve(process.cwd(), 'dist/apps/admin/browser');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Социум</title></head>
<body><p>Панель администратора ещё не собрана: npm run build</p></body></html>\n`;

/**
 * Serves the admin panel (an Angular SPA) at /admin: static files with their content types,
 * `index.html` for every other path (client-side routes). The path is excluded from the /api/v1 prefix.
 */
@Controller('admin')
export class AdminUiController {
  @Get()
  @Public()
  index(@Res() res: Response): void {
    sendIndex(res);
  }

  @Get('{*rest}')
  @Public()
  file(@Req() req: Request, @Res() res: Response): void {
    const relative = decodeURIComponent(req.path.replace(/^\/admin\/?/, ''));
    const path = resolve(ADMIN_DIR, relative);
    const inside = path.startsWith(ADMIN_DIR + sep);
    if (inside && relative && existsSync(path) && statSync(path).isFile()) {
      const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(path) || /\/media\//.test(path);
      sendBuiltFile(req, res, path, type, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return;
    }
    // A missing asset is a 404; any other path is a client-side route of the SPA.
    if (/\.[a-z0-9]{1,5}$/i.test(relative)) {
      res.status(404).type('text/plain; charset=utf-8').send('Not found\n');
      return;
    }
    sendIndex(res);
  }
}

function sendIndex(res: Response): void {
  const index = resolve(ADMIN_DIR, 'index.html');
  res.setHeader('Cache-Control', 'no-cache');
  // The SPA resolves its files against <base href="/admin/">: allow a same-origin base on this page only.
  const csp = res.getHeader('Content-Security-Policy');
  if (typeof csp === 'string')
    res.setHeader('Content-Security-Policy', csp.replace("base-uri 'none'", "base-uri 'self'"));
  if (!existsSync(index)) {
    res.status(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    return;
  }
  res.status(200).type('text/html; charset=utf-8').send(readFileSync(index));
}
