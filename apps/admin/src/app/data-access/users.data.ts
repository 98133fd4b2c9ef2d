import type { CreateUserRequest, Page, UpdateUserRequest, UserListQuery, UserResponse } from '@socium/contracts';

import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiHttp, path, type Filters } from './http';

/** User accounts (coordinator only): the list, one account, create, edit, disable/enable, a new password. */
@Injectable({ providedIn: 'root' })
export class UsersData {
  private readonly http = inject(ApiHttp);

  list(q: Filters<UserListQuery>): Observable<Page<UserResponse>> {
    return this.http.get<Page<UserResponse>>('/users', q);
  }
  user(id: string): Observable<UserResponse> {
    return this.http.get<UserResponse>(path('users', id));
  }
  create(body: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>('/users', body);
  }
  /** Changes an account (send its `version`): name, role, organisation, `disabled`, or a new `password`. */
  update(id: string, body: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(path('users', id), body);
  }
}
