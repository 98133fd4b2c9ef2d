// Controllers and providers of this context, registered in ../features.ts.
import { LabourNeedsService } from './labour-needs.service';
import { LabourNeedsController, PlacementsController } from './labour.controllers';
import { PlacementsService } from './placements.service';

export const controllers: (new (...args: never[]) => unknown)[] = [LabourNeedsController, PlacementsController];
export const providers: (new (...args: never[]) => unknown)[] = [LabourNeedsService, PlacementsService];
