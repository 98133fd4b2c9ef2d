// Controllers and providers of this context, registered in ../features.ts.
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

export const controllers: (new (...args: never[]) => unknown)[] = [ImportsController];
export const providers: (new (...args: never[]) => unknown)[] = [ImportsService];
