import type { Lang } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';

import { Downloads } from './download';
import { apiUrl, path } from './http';

/** What the panel offers for the school's site: the static page of an organisation's public data. */
@Injectable({ providedIn: 'root' })
export class PublicationData {
  private readonly downloads = inject(Downloads);

  /** Saves the public page of the organisation `slug` as `<slug>.html`. */
  exportHtml(slug: string, lang: Lang): Promise<void> {
    return this.downloads.public(
      apiUrl(`${path('public', 'organisations', slug)}/export.html`, { lang }),
      `${slug}.html`,
    );
  }
}
