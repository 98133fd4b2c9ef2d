import {
  CreateLabourNeedRequest,
  CreatePlacementRequest,
  LabourCoverageQuery,
  LabourNeedListQuery,
  PlacementContextQuery,
  PlacementListQuery,
  UpdateLabourNeedRequest,
  UpdatePlacementRequest,
} from '@socium/contracts';
import type { Language } from '@socium/domain';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { Lang } from '../http/request-lang';
import { zodDto } from '../http/zod-validation.pipe';
import { LabourNeedsService } from './labour-needs.service';
import { PlacementsService } from './placements.service';

class CreateNeedBody extends zodDto(CreateLabourNeedRequest) {}
class UpdateNeedBody extends zodDto(UpdateLabourNeedRequest) {}
class NeedParams extends zodDto(LabourNeedListQuery) {}
class CreatePlacementBody extends zodDto(CreatePlacementRequest) {}
class UpdatePlacementBody extends zodDto(UpdatePlacementRequest) {}
class PlacementParams extends zodDto(PlacementListQuery) {}
class PlacementContextParams extends zodDto(PlacementContextQuery) {}
class CoverageParams extends zodDto(LabourCoverageQuery) {}

@Controller('labour-needs')
export class LabourNeedsController {
  constructor(private readonly service: LabourNeedsService) {}

  @Get()
  list(@Query() q: NeedParams) {
    return this.service.list(q);
  }

  @Get('coverage')
  coverage(@CurrentUser() c: Caller, @Query() q: CoverageParams) {
    return this.service.coverage(c, q);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreateNeedBody) {
    return this.service.create(c, body);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdateNeedBody) {
    return this.service.update(c, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }
}

@Controller('placements')
export class PlacementsController {
  constructor(private readonly service: PlacementsService) {}

  @Get()
  list(@CurrentUser() c: Caller, @Query() q: PlacementParams, @Lang() lang: Language) {
    return this.service.list(c, q, lang);
  }

  @Get('context')
  context(@CurrentUser() c: Caller, @Query() q: PlacementContextParams) {
    return this.service.context(c, q);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreatePlacementBody, @Lang() lang: Language) {
    return this.service.create(c, body, lang);
  }

  @Get(':id')
  get(@CurrentUser() c: Caller, @Param('id') id: string, @Lang() lang: Language) {
    return this.service.get(c, id, lang);
  }

  @Patch(':id')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdatePlacementBody, @Lang() lang: Language) {
    return this.service.update(c, id, body, lang);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }
}
