import { effect, inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

import { describeError } from './api-error';
import { I18nService } from './i18n.service';

/**
 * The snack bar of the panel: what was done, and what failed in the user's words. A message is shown in the language
 * it was written in, so switching the interface's language closes the open one rather than leave it in the old words.
 */
@Injectable({ providedIn: 'root' })
export class Notify {
  private readonly snack = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  constructor() {
    let shownIn = this.i18n.lang();
    effect(() => {
      const lang = this.i18n.lang();
      if (lang === shownIn) return;
      shownIn = lang;
      this.snack.dismiss();
    });
  }

  done(message: string, duration = 4000): void {
    this.snack.open(message, this.i18n.t('close'), { duration });
  }

  /** An API error as a sentence; anything else as the generic failure. */
  failed(e?: unknown): void {
    this.snack.open(describeError(e, this.i18n).message, this.i18n.t('close'), { duration: 8000 });
  }
}
