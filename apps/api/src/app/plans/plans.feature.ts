// Controllers and providers of this context, registered in ../features.ts.
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

export const controllers: (new (...args: never[]) => unknown)[] = [PlansController, ActivitiesController];
export const providers: (new (...args: never[]) => unknown)[] = [PlansService, ActivitiesService];
