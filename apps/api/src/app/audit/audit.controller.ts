import { AuditListQuery } from '@socium/contracts';

import { Controller, Get, Query } from '@nestjs/common';

import { zodDto } from '../http/zod-validation.pipe';
import { AuditQueryService } from './audit-query.service';

class ListParams extends zodDto(AuditListQuery) {}

@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditQueryService) {}

  @Get()
  list(@Query() q: ListParams) {
    return this.service.list(q);
  }
}
