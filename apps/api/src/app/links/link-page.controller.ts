import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Public } from '../auth/policy.decorator';
import { AppError } from '../http/app-error';
import { statusOfCode } from '../http/http-status';
import { inLang, requestLang } from '../http/request-lang';
import { linkPage, linkResultPage } from './link-page';
import { LinksService } from './links.service';

/**
 * The human side of a single-use link: `/link/<token>` (outside /api/v1), a page and its form, in the language of
 * `?lang=` (the e-mail's link names the recipient's), else of `Accept-Language`, else Russian.
 */
@Controller('link')
export class LinkPageController {
  constructor(private readonly links: LinksService) {}

  @Get(':token')
  @Public()
  async show(@Req() req: Request, @Res() res: Response, @Param('token') token: string) {
    const lang = requestLang(req);
    await this.answer(res, req, async () => linkPage(token, await this.links.describe(token), lang));
  }

  @Post(':token')
  @Public()
  async use(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') token: string,
    @Body() body: { comment?: unknown },
  ) {
    const comment = typeof body?.comment === 'string' ? body.comment.slice(0, 2000) : undefined;
    await this.answer(res, req, async () => {
      await this.links.use(token, comment ? { comment } : {});
      return linkResultPage(true, requestLang(req));
    });
  }

  /** A refusal (used, expired, unknown) is a page with its message, with the refusal's status. */
  private async answer(res: Response, req: Request, build: () => Promise<string>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Language', requestLang(req));
    try {
      res
        .status(200)
        .type('html')
        .send(await build());
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const lang = requestLang(req);
      const status = statusOfCode(err.error.code);
      const message = status === 404 ? undefined : inLang(err.error.message, lang);
      res
        .status(status)
        .type('html')
        .send(linkResultPage(false, lang, message));
    }
  }
}
