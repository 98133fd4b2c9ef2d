import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Public } from '../auth/policy.decorator';
import { AppError } from '../http/app-error';
import { statusOfCode } from '../http/http-status';
import { linkPage, linkResultPage } from './link-page';
import { LinksService } from './links.service';

/** The human side of a single-use link: `/link/<token>` (outside /api/v1), a page and its form. */
@Controller('link')
export class LinkPageController {
  constructor(private readonly links: LinksService) {}

  @Get(':token')
  @Public()
  async show(@Res() res: Response, @Param('token') token: string) {
    await this.answer(res, async () => linkPage(token, await this.links.describe(token)));
  }

  @Post(':token')
  @Public()
  async use(@Res() res: Response, @Param('token') token: string, @Body() body: { comment?: unknown }) {
    const comment = typeof body?.comment === 'string' ? body.comment.slice(0, 2000) : undefined;
    await this.answer(res, async () => {
      await this.links.use(token, comment ? { comment } : {});
      return linkResultPage(true, 'Отдел образования и школа увидят его в системе. Страницу можно закрыть.');
    });
  }

  /** A refusal (used, expired, unknown) is a page with its message, with the refusal's status. */
  private async answer(res: Response, build: () => Promise<string>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      res
        .status(200)
        .type('html')
        .send(await build());
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const status = statusOfCode(err.error.code);
      const message =
        status === 404 ? 'Ссылка не найдена: проверьте, что она скопирована целиком.' : err.error.message.ru;
      res.status(status).type('html').send(linkResultPage(false, message));
    }
  }
}
