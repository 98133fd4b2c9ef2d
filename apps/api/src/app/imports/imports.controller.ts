import { ImportQuery, ImportTemplateQuery } from '@socium/contracts';

import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { templateCsv } from './import-columns';
import type { Lang } from './import-rows';
import { ImportsService, rowsInvalid } from './imports.service';

class ImportParams extends zodDto(ImportQuery) {}
class TemplateParams extends zodDto(ImportTemplateQuery) {}

/** `?lang=` when given, else the first language `Accept-Language` starts with, else Russian. */
const langOf = (req: Request, given?: Lang): Lang => {
  if (given) return given;
  const h = String(req.headers['accept-language'] ?? '').toLowerCase();
  return (['ru', 'tt', 'en'] as const).find((l) => h.startsWith(l)) ?? 'ru';
};

@Controller('imports')
export class ImportsController {
  constructor(private readonly service: ImportsService) {}

  /** Raw body (express.raw in setup-app for this path): the bytes of a CSV or XLSX file. */
  @Post(':kind')
  @HttpCode(200)
  async run(
    @CurrentUser() c: Caller,
    @Param('kind') kind: string,
    @Query() q: ImportParams,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lang = langOf(req, q.lang);
    const type = String(req.headers['content-type'] ?? '');
    const result = await this.service.run(c, kind, req.body as unknown, type, q.dryRun !== 'false', lang);
    if (q.dryRun !== 'false' || result.errors.length === 0) return result;
    res.status(422);
    return rowsInvalid(result, lang);
  }

  @Get(':kind/template')
  template(
    @CurrentUser() c: Caller,
    @Param('kind') kind: string,
    @Query() q: TemplateParams,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const k = this.service.kindOf(c, kind);
    // set once the kind is known: a refusal before this answers as JSON
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', `attachment; filename="socium-${k}-template.csv"`);
    return templateCsv(k, q.lang === 'en' ? 'en' : 'ru');
  }
}
