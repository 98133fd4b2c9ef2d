import { CreateAmendmentRequest, SignAmendmentRequest } from '@socium/contracts';

import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { AmendmentsService } from './amendments.service';

class CreateBody extends zodDto(CreateAmendmentRequest) {}
class SignBody extends zodDto(SignAmendmentRequest) {}

/** Amendments (дополнительные соглашения) of an agreement, by their number. */
@Controller('agreements/:id/amendments')
export class AmendmentsController {
  constructor(private readonly service: AmendmentsService) {}

  @Get()
  list(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.list(c, id);
  }

  @Post()
  create(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: CreateBody) {
    return this.service.create(c, id, body);
  }

  @Post(':number/sign')
  @HttpCode(200)
  sign(@CurrentUser() c: Caller, @Param('id') id: string, @Param('number') n: string, @Body() body: SignBody) {
    return this.service.sign(c, id, n, body);
  }

  @Delete(':number')
  @HttpCode(204)
  remove(@CurrentUser() c: Caller, @Param('id') id: string, @Param('number') n: string) {
    return this.service.remove(c, id, n);
  }
}
