import { HttpEventType, HttpResponse, type HttpEvent } from '@angular/common/http';
import { of, throwError } from 'rxjs';

import { withProgress } from './upload-progress';

describe(withProgress.name, () => {
  it('tells the progress on the way, answers the body, and clears the progress once answered', () => {
    const told: (number | null)[] = [];
    const bodies: string[] = [];
    const events: HttpEvent<string>[] = [
      { type: HttpEventType.Sent },
      { type: HttpEventType.UploadProgress, loaded: 50, total: 200 },
      { type: HttpEventType.UploadProgress, loaded: 200, total: 200 },
      new HttpResponse({ body: 'stored' }),
    ];
    withProgress(of(...events), (p) => told.push(p)).subscribe((b) => bodies.push(b));
    expect(told).toEqual([0, 25, 100, null]);
    expect(bodies).toEqual(['stored']);
  });

  it('clears the progress when the upload is refused', () => {
    const told: (number | null)[] = [];
    let failed = false;
    withProgress(
      throwError(() => new Error('refused')),
      (p) => told.push(p),
    ).subscribe({ error: () => (failed = true) });
    expect([failed, told]).toEqual([true, [0, null]]);
  });
});
