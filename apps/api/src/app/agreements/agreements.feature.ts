// Controllers and providers of this context, registered in ../features.ts.
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { AmendmentsController } from './amendments.controller';
import { AmendmentsService } from './amendments.service';

export const controllers: (new (...args: never[]) => unknown)[] = [AgreementsController, AmendmentsController];
export const providers: (new (...args: never[]) => unknown)[] = [AgreementsService, AmendmentsService];
