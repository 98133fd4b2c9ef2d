import {
  ActivityListQuery,
  CreateActivityRequest,
  CreatePlanRequest,
  PlanListQuery,
  ReturnPlanRequest,
  UpdatePlanRequest,
} from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { ActivitiesService } from './activities.service';
import { PlansService } from './plans.service';

class CreateBody extends zodDto(CreatePlanRequest) {}
class UpdateBody extends zodDto(UpdatePlanRequest) {}
class ReturnBody extends zodDto(ReturnPlanRequest) {}
class ListParams extends zodDto(PlanListQuery) {}
class ActivityBody extends zodDto(CreateActivityRequest) {}
class ActivityParams extends zodDto(ActivityListQuery) {}

@Controller('plans')
export class PlansController {
  constructor(
    private readonly service: PlansService,
    private readonly activities: ActivitiesService,
  ) {}

  @Get()
  list(@CurrentUser() c: Caller, @Query() q: ListParams) {
    return this.service.list(c, q);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreateBody) {
    return this.service.create(c, body);
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

  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.submit(c, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.approve(c, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  giveBack(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ReturnBody) {
    return this.service.giveBack(c, id, body);
  }

  @Get(':id/activities')
  listActivities(@CurrentUser() c: Caller, @Param('id') id: string, @Query() q: ActivityParams) {
    return this.activities.listOfPlan(c, id, q);
  }

  @Post(':id/activities')
  addActivity(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ActivityBody) {
    return this.activities.create(c, id, body);
  }
}
