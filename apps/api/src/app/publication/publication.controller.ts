import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Public } from '../auth/policy.decorator';
import { PublicPagesService } from './public-pages.service';

/** The public JSON API (no token, open CORS, cacheable): what the widget, the feed and the export show. */
@Controller('public/organisations')
export class PublicationController {
  constructor(private readonly pages: PublicPagesService) {}

  @Get(':slug')
  organisation(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string) {
    return this.pages.json(req, res, slug);
  }

  @Get(':slug/events.ics')
  events(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string) {
    return this.pages.ics(req, res, slug);
  }

  @Get(':slug/export.html')
  exportHtml(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string) {
    return this.pages.exportHtml(req, res, slug);
  }
}

/** Pages outside /api/v1 (excluded from the prefix in setup-app): the loader, the bundle, the iframe page and the demo. */
@Controller()
export class WidgetPagesController {
  constructor(private readonly pages: PublicPagesService) {}

  @Get('widget.js')
  @Public()
  loader(@Res() res: Response) {
    return this.pages.loader(res);
  }

  @Get('widget/:file')
  @Public()
  bundle(@Req() req: Request, @Res() res: Response, @Param('file') file: string) {
    return this.pages.bundle(req, res, file);
  }

  @Get('embed/:slug')
  @Public()
  embed(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string) {
    return this.pages.embed(req, res, slug);
  }

  @Get('demo')
  @Public()
  demo(@Req() req: Request, @Res() res: Response) {
    return this.pages.demo(req, res);
  }
}
