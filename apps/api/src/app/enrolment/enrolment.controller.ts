import { CreateEnrolmentRequest, EnrolmentListQuery, UpdateEnrolmentRequest } from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { EnrolmentService } from './enrolment.service';

class CreateBody extends zodDto(CreateEnrolmentRequest) {}
class UpdateBody extends zodDto(UpdateEnrolmentRequest) {}
class ListParams extends zodDto(EnrolmentListQuery) {}

@Controller('enrolment')
export class EnrolmentController {
  constructor(private readonly service: EnrolmentService) {}

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
}
