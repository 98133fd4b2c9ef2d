// Controllers and providers of this context, registered in ../features.ts.
import { PublicPagesService } from './public-pages.service';
import { PublicRateLimitService } from './public-rate-limit.service';
import { PublicationController, WidgetPagesController } from './publication.controller';
import { PublicationService } from './publication.service';

export const controllers: (new (...args: never[]) => unknown)[] = [PublicationController, WidgetPagesController];
export const providers: (new (...args: never[]) => unknown)[] = [
  PublicationService,
  PublicPagesService,
  PublicRateLimitService,
];
