import {
  ActivityListQuery,
  CreateActivityRequest,
  CreatePlanRequest,
  PlanListQuery,
  ReturnPlanRequest,
  UpdatePlanRequest,
} from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Allow, Caller, CurrentUser } from '../auth/policy.decorator';
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
  @Allow('coordinator', 'school_admin', 'partner_rep')
  list(@CurrentUser() c: Caller, @Query() q: ListParams) {
    return this.service.list(c, q);
  }

  @Post()
  @Allow('coordinator', 'school_admin')
  create(@CurrentUser() c: Caller, @Body() body: CreateBody) {
    return this.service.create(c, body);
  }

  @Get(':id')
  @Allow('coordinator', 'school_admin', 'partner_rep')
  get(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.get(c, id);
  }

  @Patch(':id')
  @Allow('coordinator', 'school_admin')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdateBody) {
    return this.service.update(c, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('coordinator', 'school_admin')
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Allow('coordinator', 'school_admin')
  submit(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.submit(c, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Allow('coordinator')
  approve(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.approve(c, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Allow('coordinator')
  giveBack(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ReturnBody) {
    return this.service.giveBack(c, id, body);
  }

  @Get(':id/activities')
  @Allow('coordinator', 'school_admin', 'partner_rep')
  listActivities(@CurrentUser() c: Caller, @Param('id') id: string, @Query() q: ActivityParams) {
    return this.activities.listOfPlan(c, id, q);
  }

  @Post(':id/activities')
  @Allow('coordinator', 'school_admin')
  addActivity(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ActivityBody) {
    return this.activities.create(c, id, body);
  }
}
