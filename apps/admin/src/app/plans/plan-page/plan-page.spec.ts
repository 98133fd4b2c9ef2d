import type { PlanResponse, Role } from '@socium/contracts';
import type { PlanStatus } from '@socium/domain';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { providePageTesting } from '../../testing/page-testing';
import { PlanPage } from './plan-page';

const plan = (status: PlanStatus): PlanResponse => ({
  id: 'plan-1',
  organisationId: 'school-1',
  academicYear: '2019-2020',
  agreementId: null,
  title: 'Совместный план',
  status,
  returnComment: null,
  submittedOn: null,
  approvedOn: null,
  activitiesCount: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
});
const empty = { items: [], total: 0, limit: 100, offset: 0 };

describe(PlanPage.name, () => {
  let http: HttpTestingController;

  const render = async (role: Role, status: PlanStatus) => {
    TestBed.configureTestingModule({
      providers: providePageTesting(role),
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanPage);
    fixture.componentRef.setInput('id', 'plan-1');
    await fixture.whenStable();
    http
      .match((r) => r.url === '/api/v1/organisations' || r.url === '/api/v1/directions')
      .forEach((r) => r.flush(empty));
    http.expectOne('/api/v1/plans/plan-1').flush(plan(status));
    http.expectOne((r) => r.url === '/api/v1/plans/plan-1/activities').flush(empty);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const buttons = () => [...el.querySelectorAll('.decision button')].map((b) => b.textContent?.trim());
    return { el, buttons, stable: () => fixture.whenStable() };
  };

  it.each([
    ['school_admin', 'draft', ['Отправить на утверждение']],
    ['school_admin', 'returned', ['Отправить на утверждение']],
    ['school_admin', 'submitted', []],
    ['coordinator', 'submitted', ['Утвердить', 'Вернуть на доработку']],
    ['coordinator', 'approved', []],
    ['partner_rep', 'draft', []],
  ] as const)('offers a %s the lifecycle steps that a %s plan allows', async (role, status, expected) => {
    const { buttons } = await render(role, status);
    expect(buttons()).toEqual(expected);
  });

  it('submits the plan and shows its new status', async () => {
    const { el, stable } = await render('school_admin', 'draft');
    (el.querySelector('.decision button') as HTMLButtonElement).click();
    http.expectOne('/api/v1/plans/plan-1/submit').flush(plan('submitted'));
    await stable();
    expect(el.querySelector('[data-testid="plan-status"]')?.textContent?.trim()).toBe('На утверждении');
  });
});
