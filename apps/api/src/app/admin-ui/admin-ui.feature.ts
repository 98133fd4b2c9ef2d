// Controllers and providers of the admin panel host, registered in ../features.ts.
import { AdminUiController } from './admin-ui.controller';

export const controllers: (new (...args: never[]) => unknown)[] = [AdminUiController];
export const providers: (new (...args: never[]) => unknown)[] = [];
