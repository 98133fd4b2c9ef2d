// Controllers and providers of this context, registered in ../features.ts.
import { DocumentFilesService } from './document-files.service';
import { DocumentMailingService } from './document-mailing.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

export const controllers: (new (...args: never[]) => unknown)[] = [DocumentsController];
export const providers: (new (...args: never[]) => unknown)[] = [
  DocumentsService,
  DocumentMailingService,
  DocumentFilesService,
];
