import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { AuthService } from '../core/auth.service';

export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`download failed with HTTP ${status}`);
  }
}

/** The extension of a file named without one, by the type the API sent (an agreement's scan: PDF, JPEG or PNG). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/** Fetches a file (with the bearer token when given) and hands it to the browser as a download. */
async function downloadFile(url: string, filename: string, token?: string | null): Promise<void> {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new DownloadError(response.status);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = /\.\w+$/.test(filename) ? filename : `${filename}${EXTENSIONS[blob.type] ?? ''}`;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Files from the API saved by the browser: exports behind the session, public pages without it. */
@Injectable({ providedIn: 'root' })
export class Downloads {
  private readonly auth = inject(AuthService);

  /** With the session's token; on a 401 refreshes the session once and tries again. */
  async withSession(url: string, filename: string): Promise<void> {
    try {
      await downloadFile(url, filename, this.auth.accessToken);
    } catch (e) {
      if (!(e instanceof DownloadError) || e.status !== 401) throw e;
      await downloadFile(url, filename, await firstValueFrom(this.auth.refresh()));
    }
  }

  /** A public file, without a token. */
  async public(url: string, filename: string): Promise<void> {
    await downloadFile(url, filename);
  }
}
