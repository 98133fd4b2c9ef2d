// Controllers and providers of this context, registered in ../features.ts.
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';

export const controllers: (new (...args: never[]) => unknown)[] = [AgreementsController];
export const providers: (new (...args: never[]) => unknown)[] = [AgreementsService];
