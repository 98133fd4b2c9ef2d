import {
  CreateDirectionRequest,
  CreateUserRequest,
  DirectionListQuery,
  UpdateDirectionRequest,
  UpdateUserRequest,
  UserListQuery,
} from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { DirectionsService } from './directions.service';
import { UsersService } from './users.service';

class CreateUserBody extends zodDto(CreateUserRequest) {}
class UpdateUserBody extends zodDto(UpdateUserRequest) {}
class UserParams extends zodDto(UserListQuery) {}
class CreateDirectionBody extends zodDto(CreateDirectionRequest) {}
class UpdateDirectionBody extends zodDto(UpdateDirectionRequest) {}
class DirectionParams extends zodDto(DirectionListQuery) {}

@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  list(@Query() q: UserParams) {
    return this.service.list(q);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreateUserBody) {
    return this.service.create(c, body);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdateUserBody) {
    return this.service.update(c, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }
}

@Controller('directions')
export class DirectionsController {
  constructor(private readonly service: DirectionsService) {}

  @Get()
  list(@Query() q: DirectionParams) {
    return this.service.list(q);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreateDirectionBody) {
    return this.service.create(c, body);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  update(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: UpdateDirectionBody) {
    return this.service.update(c, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.remove(c, id);
  }
}
