import type { ImportKind, ImportResult, Lang } from '@socium/contracts';

import type { HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { Downloads } from './download';
import { ApiHttp, apiUrl, path } from './http';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type a file is sent with: XLSX by its name or type, else CSV. */
export function importContentType(file: Pick<File, 'name' | 'type'>): string {
  return file.type === XLSX || /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
}

/** Spreadsheet imports: templates, a dry run and the real run of a file. */
@Injectable({ providedIn: 'root' })
export class ImportsData {
  private readonly http = inject(ApiHttp);
  private readonly downloads = inject(Downloads);

  /** Saves the CSV template of `kind` (English headers for English, Russian otherwise). */
  template(kind: ImportKind, lang: Lang): Promise<void> {
    return this.downloads.withSession(
      apiUrl(`${path('imports', kind)}/template`, { lang: lang === 'en' ? 'en' : undefined }),
      `socium-${kind}-template.csv`,
    );
  }

  /** Sends the file: `dryRun` checks it and stores nothing; otherwise all rows or none are stored. */
  send(kind: ImportKind, file: File, dryRun: boolean, lang: Lang): Observable<HttpEvent<ImportResult>> {
    return this.http.upload<ImportResult>(path('imports', kind), file, importContentType(file), {
      dryRun: String(dryRun),
      lang,
    });
  }
}
