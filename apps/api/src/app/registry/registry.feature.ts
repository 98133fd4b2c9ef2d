// Controllers and providers of this context, registered in ../features.ts.
import { DirectionsService } from './directions.service';
import { DirectionsController, UsersController } from './registry.controllers';
import { UsersService } from './users.service';

export const controllers: (new (...args: never[]) => unknown)[] = [UsersController, DirectionsController];
export const providers: (new (...args: never[]) => unknown)[] = [UsersService, DirectionsService];
