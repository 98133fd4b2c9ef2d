import {
  AgreementListQuery,
  CreateAgreementRequest,
  SignAgreementRequest,
  TerminateAgreementRequest,
  UpdateAgreementRequest,
} from '@socium/contracts';

import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import type { Request } from 'express';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { AgreementsService } from './agreements.service';

class CreateBody extends zodDto(CreateAgreementRequest) {}
class UpdateBody extends zodDto(UpdateAgreementRequest) {}
class SignBody extends zodDto(SignAgreementRequest) {}
class TerminateBody extends zodDto(TerminateAgreementRequest) {}
class ListParams extends zodDto(AgreementListQuery) {}

@Controller('agreements')
export class AgreementsController {
  constructor(private readonly service: AgreementsService) {}

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

  @Post(':id/sign')
  @HttpCode(200)
  sign(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: SignBody) {
    return this.service.sign(c, id, body);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  terminate(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: TerminateBody) {
    return this.service.terminate(c, id, body);
  }

  /** Raw body (express.raw in setup-app for this path): the bytes of a PDF, JPEG or PNG. */
  @Post(':id/scan')
  @HttpCode(200)
  uploadScan(@CurrentUser() c: Caller, @Param('id') id: string, @Req() req: Request) {
    return this.service.uploadScan(c, id, req.body as unknown);
  }

  @Get(':id/scan')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  async downloadScan(@CurrentUser() c: Caller, @Param('id') id: string): Promise<StreamableFile> {
    return this.service.downloadScan(c, id);
  }
}
