// Controllers and providers of this context, registered in ../features.ts.
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';

export const controllers: (new (...args: never[]) => unknown)[] = [EnrolmentController];
export const providers: (new (...args: never[]) => unknown)[] = [EnrolmentService];
