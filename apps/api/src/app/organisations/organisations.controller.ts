import { CreateOrganisationRequest, OrganisationListQuery, UpdateOrganisationRequest } from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { OrganisationsService } from './organisations.service';

class CreateBody extends zodDto(CreateOrganisationRequest) {}
class UpdateBody extends zodDto(UpdateOrganisationRequest) {}
class ListParams extends zodDto(OrganisationListQuery) {}

@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly service: OrganisationsService) {}

  @Get()
  list(@Query() q: ListParams) {
    return this.service.list(q);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreateBody) {
    return this.service.create(c, body);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.service.get(id);
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
