import { PeriodsQuery } from '@socium/contracts';

import { Controller, Get, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { PeriodsService } from './periods.service';

class PeriodsParams extends zodDto(PeriodsQuery) {}

@Controller('periods')
export class PeriodsController {
  constructor(private readonly service: PeriodsService) {}

  @Get()
  get(@CurrentUser() c: Caller, @Query() q: PeriodsParams) {
    return this.service.get(c, q);
  }
}
