import { CreateOrganisationRequest, OrganisationListQuery, UpdateOrganisationRequest } from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Allow, Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { OrganisationsService } from './organisations.service';

class CreateBody extends zodDto(CreateOrganisationRequest) {}
class UpdateBody extends zodDto(UpdateOrganisationRequest) {}
class ListParams extends zodDto(OrganisationListQuery) {}

@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly service: OrganisationsService) {}

  @Get()
  @Allow('coordinator', 'school_admin', 'partner_rep')
  list(@Query() q: ListParams) {
    return this.service.list(q);
  }

  @Post()
  @Allow('coordinator')
  create(@CurrentUser() c: Caller, @Body() body: CreateBody) {
    return this.service.create(c, body);
  }

  @Get(':id')
  @Allow('coordinator', 'school_admin', 'partner_rep')
  get(@Param('id') id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  @Allow('coordinator')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdateBody) {
    return this.service.update(c, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('coordinator')
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }
}
