import type { PlacementResponse } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../../testing/page-testing';
import { PlacementPage } from './placement-page';

const blocked = {
  id: 'p-1',
  schoolId: 'school-1',
  employerId: 'czn',
  channel: 'employment_centre',
  kind: 'employment_contract',
  jobTitle: 'Помощник библиотекаря',
  studentCode: 'S-2026-14',
  studentBirthDate: '2011-09-01',
  studentSex: 'female',
  startsOn: '2026-03-16',
  endsOn: '2026-03-20',
  workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  shiftStartsAt: '15:00',
  shiftEndsAt: '17:00',
  hoursPerDay: 2,
  hoursPerWeek: 10,
  harmful: false,
  maxLoadKg: null,
  loadMode: 'constant',
  parentConsent: false,
  guardianshipConsent: false,
  weekendWorkConsent: false,
  medicalClearanceOn: '2026-03-01',
  hasGeneralEducation: false,
  orphan: false,
  studentDetachment: false,
  probationClause: false,
  status: 'blocked',
  findings: [
    {
      rule: 'placement.consent.parent-required',
      message: 'Нужно письменное согласие одного из родителей',
      field: 'parentConsent',
      kind: 'paperwork',
    },
  ],
  version: 3,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
} as PlacementResponse;

describe(PlacementPage.name, () => {
  let http: HttpTestingController;

  const render = async (role: 'school_admin' | 'partner_rep' = 'school_admin') => {
    TestBed.configureTestingModule({ providers: providePageTesting(role, { organisationId: 'school-1' }) });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlacementPage);
    fixture.componentRef.setInput('id', 'p-1');
    fixture.detectChanges();
    await fixture.whenStable();
    http.match((r) => r.url === '/api/v1/organisations').forEach((r) => r.flush({ items: [], total: 0 }));
    http.expectOne('/api/v1/placements/p-1').flush(blocked);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector(`[data-testid="${id}"]`);
    const stable = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { el, q, stable };
  };

  afterEach(() => http.verify());

  it('records the missing consent with the version and shows the placement cleared', async () => {
    const { q, stable } = await render();
    expect(q('plp-status')?.textContent).toContain('Заблокировано');
    expect(q('plp-findings')?.textContent).toContain('согласие одного из родителей');
    (q('plp-parent-consent')?.querySelector('input') as HTMLInputElement).click();
    await stable();
    (q('plp-record') as HTMLButtonElement).click();
    await stable();
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/placements/p-1');
    expect(patch.request.body).toEqual({
      version: 3,
      parentConsent: true,
      guardianshipConsent: false,
      weekendWorkConsent: false,
      medicalClearanceOn: '2026-03-01',
    });
    patch.flush({ ...blocked, parentConsent: true, status: 'cleared', findings: [], version: 4 });
    await stable();
    expect(q('plp-status')?.textContent).toContain('Допущено');
    expect(q('plp-no-findings')).not.toBeNull();
  });

  it('offers to reload when someone else changed the placement (409)', async () => {
    const { q, stable } = await render();
    (q('plp-record') as HTMLButtonElement).click();
    await stable();
    http
      .expectOne((r) => r.method === 'PATCH')
      .flush({ statusCode: 409, message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await stable();
    expect(q('plp-conflict')).not.toBeNull();
    expect(q('plp-error')).toBeNull();
  });

  it('shows what someone else recorded meanwhile and records the paperwork over it knowingly', async () => {
    const { el, q, stable } = await render();
    (q('plp-parent-consent')?.querySelector('input') as HTMLInputElement).click();
    await stable();
    (q('plp-record') as HTMLButtonElement).click();
    await stable();
    http
      .expectOne((r) => r.method === 'PATCH')
      .flush({ statusCode: 409, message: 'stale', rule: 'version.stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/v1/placements/p-1').flush({ ...blocked, medicalClearanceOn: '2026-03-05', version: 4 });
    await stable();
    const rows = [...el.querySelectorAll('[data-testid="conflict-changes"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Да', 'Нет'],
      ['01.03.2026', '05.03.2026'],
    ]);
    (q('conflict-overwrite') as HTMLButtonElement).click();
    await stable();
    const again = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/placements/p-1');
    expect(again.request.body).toMatchObject({ version: 4, parentConsent: true, medicalClearanceOn: '2026-03-01' });
    again.flush({ ...blocked, parentConsent: true, status: 'cleared', findings: [], version: 5 });
    await stable();
  });

  it('shows a partner representative the placement without the paperwork form or actions', async () => {
    const { q } = await render('partner_rep');
    expect(q('plp-paperwork')).toBeNull();
    expect(q('plp-edit')).toBeNull();
  });
});
