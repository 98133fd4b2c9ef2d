// Controllers and providers of this context, registered in ../features.ts.
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

export const controllers: (new (...args: never[]) => unknown)[] = [PeriodsController];
export const providers: (new (...args: never[]) => unknown)[] = [PeriodsService];
