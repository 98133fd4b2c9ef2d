import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';

import { OrganisationRecord, UserRecord } from '@socium/api-persistence';

import { PasswordService } from '../auth/password.service';
import { newId, nowIso } from '../common/crud.support';

/** Demo log-ins, printed by `npm start`. Demo only: SOCIUM_DEMO=false never creates them. */
export const DEMO_ACCOUNTS = [
  { email: 'coordinator@demo.socium.local', password: 'demo-coordinator-2020', role: 'coordinator' as const, org: 'otdel-obrazovaniya' },
  { email: 'gymnasium@demo.socium.local', password: 'demo-school-2020', role: 'school_admin' as const, org: 'urussu-gymnasium' },
  { email: 'tapart@demo.socium.local', password: 'demo-partner-2020', role: 'partner_rep' as const, org: 'tapart' },
];

export const DEPARTMENT = {
  slug: 'otdel-obrazovaniya',
  name: 'МКУ «Отдел образования Исполнительного комитета Ютазинского муниципального района Республики Татарстан»',
  shortName: 'Отдел образования',
};

/** Organisation-level public facts of the Yutazinsky district (no private persons); agreements and events are synthetic. */
@Injectable()
export class DemoSeeder {
  constructor(private readonly passwords: PasswordService) {}

  async ensureDepartment(em: EntityManager): Promise<OrganisationRecord> {
    const existing = await em.findOne(OrganisationRecord, { slug: DEPARTMENT.slug });
    if (existing) return existing;
    return this.org(em, { kind: 'department', ...DEPARTMENT });
  }

  async createUser(em: EntityManager, u: { email: string; name: string; role: UserRecord['role']; password: string; organisationId?: string }): Promise<UserRecord> {
    const dept = u.organisationId ?? (await this.ensureDepartment(em)).id;
    const r = new UserRecord();
    const now = nowIso();
    Object.assign(r, { id: newId(), email: u.email.toLowerCase(), name: u.name, role: u.role, organisationId: dept, passwordHash: await this.passwords.hash(u.password), disabled: false, tokenGeneration: 1, version: 1, createdAt: now, updatedAt: now });
    em.persist(r);
    await em.flush();
    return r;
  }

  org(em: EntityManager, o: Partial<OrganisationRecord> & Pick<OrganisationRecord, 'kind' | 'name' | 'shortName' | 'slug'>): OrganisationRecord {
    const r = new OrganisationRecord();
    const now = nowIso();
    Object.assign(r, { id: newId(), version: 1, createdAt: now, updatedAt: now, partnerType: null, address: null, site: null, contacts: [], isPublished: true, termScheme: 'quarters', profminimumLevel: null, enrolment: null, ...o });
    em.persist(r);
    return r;
  }

  async seed(em: EntityManager): Promise<void> {
    const dept = await this.ensureDepartment(em);
    const school = this.org(em, { kind: 'school', name: 'Уруссинская гимназия', shortName: 'Уруссинская гимназия', slug: 'urussu-gymnasium', address: 'пгт Уруссу', profminimumLevel: 'main' });
    const tapart = this.org(em, { kind: 'partner', partnerType: 'employer', name: 'Опытно-экспериментальный машиностроительный завод «Тапарт»', shortName: 'Завод «Тапарт»', slug: 'tapart', address: 'пгт Уруссу' });
    await em.flush();
    const orgs: Record<string, string> = { [dept.slug]: dept.id, [school.slug]: school.id, [tapart.slug]: tapart.id };
    const names = { coordinator: 'Координатор (демо)', school_admin: 'Администратор школы (демо)', partner_rep: 'Представитель партнёра (демо)' };
    for (const a of DEMO_ACCOUNTS) await this.createUser(em, { email: a.email, name: names[a.role], role: a.role, password: a.password, organisationId: orgs[a.org] });
  }
}
