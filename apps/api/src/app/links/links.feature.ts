// Controllers and providers of this context, registered in ../features.ts.
import { LinkPageController } from './link-page.controller';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

export const controllers: (new (...args: never[]) => unknown)[] = [LinksController, LinkPageController];
export const providers: (new (...args: never[]) => unknown)[] = [LinksService];
