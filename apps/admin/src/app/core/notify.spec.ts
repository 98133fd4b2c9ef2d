import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';

import { I18nService, LANG_STORAGE } from './i18n.service';
import { Notify } from './notify';

describe('Notify', () => {
  const setUp = () => {
    TestBed.configureTestingModule({ providers: [{ provide: LANG_STORAGE, useValue: null }] });
    const notify = TestBed.inject(Notify);
    const i18n = TestBed.inject(I18nService);
    const snack = TestBed.inject(MatSnackBar);
    TestBed.tick();
    return { notify, i18n, snack };
  };
  const shown = () => document.querySelector('.mat-mdc-snack-bar-container')?.textContent ?? '';

  afterEach(() => TestBed.inject(MatSnackBar).dismiss());

  it('closes the message shown when the user switches the interface language, so no toast stays in the old words', async () => {
    const { notify, i18n, snack } = setUp();
    notify.done('Договор ДЕМО-01 подписан', 60_000);
    TestBed.tick();
    const ref = snack._openedSnackBarRef;
    expect(ref).not.toBeNull();
    expect(shown()).toContain('Договор ДЕМО-01 подписан');
    const stillOpen = new Promise((resolve) => setTimeout(() => resolve('still open'), 1000));
    const dismissed = ref ? Promise.race([firstValueFrom(ref.afterDismissed()), stillOpen]) : null;

    i18n.use('tt');
    TestBed.tick();

    await expect(dismissed).resolves.toEqual({ dismissedByAction: false });
    expect(snack._openedSnackBarRef).toBeNull();
    expect(shown()).toBe('');
  });

  it('keeps the message open while the language stays the same', () => {
    const { notify, i18n, snack } = setUp();
    notify.done('Сохранено');
    TestBed.tick();
    i18n.use('ru');
    TestBed.tick();
    expect(snack._openedSnackBarRef).not.toBeNull();
  });

  it('writes a message opened after the switch in the new language (its «Закрыть» too)', () => {
    const { notify, i18n } = setUp();
    i18n.use('en');
    TestBed.tick();
    notify.done(i18n.t('pwd_changed'));
    TestBed.tick();
    expect(shown()).toContain(i18n.t('pwd_changed'));
    expect(shown()).toContain('Close');
  });
});
