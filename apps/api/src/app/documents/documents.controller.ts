import {
  AcknowledgeDocumentRequest,
  CloseRecipientRequest,
  CreateDocumentRequest,
  DocumentListQuery,
  ReceiveDocumentRequest,
  ReissueDocumentRequest,
  RespondDocumentRequest,
  SendDocumentRequest,
  UpdateDocumentRequest,
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
  Put,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import type { Request } from 'express';

import { Caller, CurrentUser } from '../auth/policy.decorator';
import { zodDto } from '../http/zod-validation.pipe';
import { DocumentFilesService } from './document-files.service';
import { DocumentMailingService } from './document-mailing.service';
import { DocumentsService } from './documents.service';

class CreateBody extends zodDto(CreateDocumentRequest) {}
class UpdateBody extends zodDto(UpdateDocumentRequest) {}
class ListParams extends zodDto(DocumentListQuery) {}
class SendBody extends zodDto(SendDocumentRequest) {}
class AcknowledgeBody extends zodDto(AcknowledgeDocumentRequest.unwrap()) {}
class RespondBody extends zodDto(RespondDocumentRequest) {}
class ReceiveBody extends zodDto(ReceiveDocumentRequest.unwrap()) {}
class CloseBody extends zodDto(CloseRecipientRequest) {}
class ReissueBody extends zodDto(ReissueDocumentRequest) {}

@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly service: DocumentsService,
    private readonly mailing: DocumentMailingService,
    private readonly files: DocumentFilesService,
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

  @Post(':id/send')
  @HttpCode(200)
  send(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: SendBody) {
    return this.mailing.send(c, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: CloseBody) {
    return this.mailing.close(c, id, body);
  }

  @Post(':id/reissue')
  @HttpCode(200)
  reissue(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ReissueBody) {
    return this.mailing.reissue(c, id, body);
  }

  @Post(':id/receive')
  @HttpCode(200)
  receive(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: ReceiveBody) {
    return this.service.transition(c, id, { action: 'receive', ...body });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: AcknowledgeBody) {
    return this.service.transition(c, id, { action: 'acknowledge', comment: body.comment });
  }

  @Post(':id/respond')
  @HttpCode(200)
  respond(@CurrentUser() c: Caller, @Param('id') id: string, @Body() body: RespondBody) {
    return this.service.transition(c, id, { action: 'respond', response: body.response, planId: body.planId });
  }

  @Get(':id/recipients')
  recipients(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.service.recipients(c, id);
  }

  /** Raw body (express.raw in setup-app for this path): the response's file, until the organisation responds. */
  @Put(':id/recipients/:orgId/response-file')
  @HttpCode(200)
  attachResponseFile(
    @CurrentUser() c: Caller,
    @Param('id') id: string,
    @Param('orgId') org: string,
    @Req() req: Request,
    @Query('filename') name?: string,
  ) {
    return this.files.attachResponse(c, id, org, req.body as unknown, typeof name === 'string' ? name : undefined);
  }

  @Get(':id/recipients/:orgId/response-file')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  downloadResponseFile(@CurrentUser() c: Caller, @Param('id') id: string, @Param('orgId') org: string) {
    return this.files.downloadResponse(c, id, org);
  }

  @Get(':id/files')
  listFiles(@CurrentUser() c: Caller, @Param('id') id: string) {
    return this.files.list(c, id);
  }

  /** Raw body (express.raw in setup-app for this path): the bytes of a PDF, DOCX, XLSX, ODT, JPEG or PNG. */
  @Post(':id/files')
  @HttpCode(201)
  uploadFile(@Param('id') id: string, @Req() req: Request, @Query('filename') name?: string) {
    return this.files.upload(id, req.body as unknown, typeof name === 'string' ? name : undefined);
  }

  @Get(':id/files/:fileId')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  downloadFile(@CurrentUser() c: Caller, @Param('id') id: string, @Param('fileId') f: string): Promise<StreamableFile> {
    return this.files.download(c, id, f);
  }

  @Delete(':id/files/:fileId')
  @HttpCode(204)
  removeFile(@Param('id') id: string, @Param('fileId') f: string) {
    return this.files.remove(id, f);
  }
}
