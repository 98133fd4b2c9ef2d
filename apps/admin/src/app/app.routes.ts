import { Route } from '@angular/router';

import { authGuard } from './core/auth.guard';

export const appRoutes: Route[] = [
  { path: 'login', loadComponent: () => import('./login/login').then((m) => m.Login) },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./dashboard/dashboard').then((m) => m.Dashboard) },
      {
        path: 'agreements',
        loadComponent: () => import('./agreements/agreements-list/agreements-list').then((m) => m.AgreementsList),
      },
      {
        path: 'agreements/new',
        loadComponent: () => import('./agreements/agreement-form/agreement-form').then((m) => m.AgreementForm),
      },
      {
        path: 'agreements/:id',
        loadComponent: () => import('./agreements/agreement-page/agreement-page').then((m) => m.AgreementPage),
      },
      {
        path: 'agreements/:id/edit',
        loadComponent: () => import('./agreements/agreement-form/agreement-form').then((m) => m.AgreementForm),
      },
      { path: 'plans', loadComponent: () => import('./plans/plans-list/plans-list').then((m) => m.PlansList) },
      { path: 'plans/:id', loadComponent: () => import('./plans/plan-page/plan-page').then((m) => m.PlanPage) },
      { path: 'activities', loadComponent: () => import('./activities/activities-list').then((m) => m.ActivitiesList) },
      { path: 'placements', loadComponent: () => import('./placements/placements-list').then((m) => m.PlacementsList) },
      {
        path: 'placements/new',
        loadComponent: () => import('./placements/placement-form/placement-form').then((m) => m.PlacementForm),
      },
      {
        path: 'placements/:id',
        loadComponent: () => import('./placements/placement-page/placement-page').then((m) => m.PlacementPage),
      },
      {
        path: 'placements/:id/edit',
        loadComponent: () => import('./placements/placement-form/placement-form').then((m) => m.PlacementForm),
      },
      { path: 'labour-needs', loadComponent: () => import('./labour-needs/labour-needs').then((m) => m.LabourNeeds) },
      { path: 'documents', loadComponent: () => import('./documents/documents-list').then((m) => m.DocumentsList) },
      {
        path: 'documents/new',
        loadComponent: () => import('./documents/document-form/document-form').then((m) => m.DocumentForm),
      },
      {
        path: 'documents/:id',
        loadComponent: () => import('./documents/document-page/document-page').then((m) => m.DocumentPage),
      },
      { path: 'reports', loadComponent: () => import('./reports/reports').then((m) => m.Reports) },
      {
        path: 'calendar',
        loadComponent: () =>
          import('./calendars/school-year-calendar/school-year-calendar').then((m) => m.SchoolYearCalendar),
      },
      { path: 'publication', loadComponent: () => import('./publication/publication').then((m) => m.Publication) },
      { path: 'imports', loadComponent: () => import('./imports/imports').then((m) => m.Imports) },
      {
        path: 'organisations',
        loadComponent: () => import('./organisations/organisations-list').then((m) => m.OrganisationsList),
      },
      {
        path: 'organisations/new',
        loadComponent: () => import('./organisations/organisation-form').then((m) => m.OrganisationForm),
      },
      {
        path: 'organisations/:id',
        loadComponent: () => import('./organisations/organisation-page').then((m) => m.OrganisationPage),
      },
      {
        path: 'organisations/:id/edit',
        loadComponent: () => import('./organisations/organisation-form').then((m) => m.OrganisationForm),
      },
      { path: 'users', loadComponent: () => import('./users/users-list').then((m) => m.UsersList) },
      { path: 'users/new', loadComponent: () => import('./users/user-form').then((m) => m.UserForm) },
      { path: 'users/:id', loadComponent: () => import('./users/user-form').then((m) => m.UserForm) },
      {
        path: 'account/password',
        loadComponent: () => import('./account/change-password').then((m) => m.ChangePassword),
      },
      { path: 'audit', loadComponent: () => import('./audit/audit-log').then((m) => m.AuditLog) },
      {
        path: 'notifications',
        loadComponent: () => import('./notifications/notifications-page').then((m) => m.NotificationsPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
