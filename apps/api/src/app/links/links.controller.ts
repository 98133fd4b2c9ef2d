import { CreateLinkRequest, UseLinkRequest } from '@socium/contracts';

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { LinksService } from './links.service';

class CreateBody extends zodDto(CreateLinkRequest) {}
class UseBody extends zodDto(UseLinkRequest.unwrap()) {}

@Controller('links')
export class LinksController {
  constructor(private readonly service: LinksService) {}

  @Post()
  create(@CurrentUser() c: Caller, @Body() body: CreateBody) {
    return this.service.create(c, body);
  }

  @Get(':token')
  describe(@Param('token') token: string) {
    return this.service.describe(token);
  }

  @Post(':token')
  @HttpCode(200)
  use(@Param('token') token: string, @Body() body: UseBody) {
    return this.service.use(token, body);
  }
}
