import { ReportQuery } from '@socium/contracts';

import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { ReportOutput, ReportsService } from './reports.service';

class ReportParams extends zodDto(ReportQuery) {}

/** JSON goes back as the body; a file as an attachment with its content type. */
function send(out: ReportOutput, res: Response): unknown {
  if (out.kind === 'json') return out.body;
  res.setHeader('Cache-Control', 'no-store');
  const options = { type: out.contentType, disposition: out.disposition };
  return Buffer.isBuffer(out.body) ? new StreamableFile(out.body, options) : new StreamableFile(out.body, options);
}

@Controller('reports')
export class ReportsController {
  constructor(private readonly service: ReportsService) {}

  @Get('summary')
  async summary(@CurrentUser() c: Caller, @Query() q: ReportParams, @Res({ passthrough: true }) res: Response) {
    return send(await this.service.summary(c, q), res);
  }
}
