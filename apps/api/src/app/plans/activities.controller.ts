import {
  ActivityListQuery,
  ActivityOutcomeRequest,
  ConfirmActivityRequest,
  UpdateActivityRequest,
} from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { ActivitiesService } from './activities.service';

class UpdateBody extends zodDto(UpdateActivityRequest) {}
/** The outcome is a union (held | cancelled | postponed): a class cannot extend it, so the DTO is widened. */
class OutcomeBody extends (zodDto(ActivityOutcomeRequest) as unknown as new () => object) {}
class ListParams extends zodDto(ActivityListQuery) {}
class ConfirmBody extends zodDto(ConfirmActivityRequest.unwrap()) {}

@Controller('activities')
export class ActivitiesController {
  constructor(private readonly service: ActivitiesService) {}

  @Get()
  list(@CurrentUser() c: Caller, @Query() q: ListParams) {
    return this.service.list(c, q);
  }

  @Get(':id')
  get(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.get(c, id);
  }

  @Patch(':id')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdateBody) {
    return this.service.update(c, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  outcome(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: OutcomeBody) {
    return this.service.outcome(c, id, body as ActivityOutcomeRequest);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ConfirmBody) {
    return this.service.confirm(c, id, body);
  }
}
