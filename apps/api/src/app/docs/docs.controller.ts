import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Public } from '../auth/policy.decorator';
import { httpFailure } from '../http/app-error';
import { buildOpenApi } from './openapi';

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']);

/** OpenAPI document and a Swagger UI page (assets from swagger-ui-dist, no CDN). */
@Controller('api')
export class DocsController {
  private readonly doc = buildOpenApi();

  @Get('docs-json')
  @Public()
  json() {
    return this.doc;
  }

  @Get('docs')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return PAGE;
  }

  @Get('docs/assets/:file')
  @Public()
  asset(@Param('file') file: string, @Res() res: Response) {
    return sendAsset(file, res);
  }
}

function sendAsset(file: string, res: Response): void {
  if (file === 'init.js') {
    res
      .type('application/javascript')
      .send("window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#ui', deepLinking: true });");
    return;
  }
  const dir = join(process.cwd(), 'node_modules', 'swagger-ui-dist');
  if (!ASSETS.has(file) || !existsSync(join(dir, file)))
    throw httpFailure('route.not-found', { en: 'No such asset', ru: 'Файл не найден', tt: 'Файл табылмады' });
  res.setHeader('Cache-Control', 'public, max-age=86400');
  res.sendFile(join(dir, file));
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Socium API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script></body></html>`;
