import {
  ActivityRecord,
  AgreementRecord,
  DirectionRecord,
  DocumentRecipientRecord,
  DocumentRecord,
  EnrolmentRecord,
  LabourNeedRecord,
  OrganisationRecord,
  PlacementRecord,
  PlanRecord,
  UserRecord,
} from '@socium/api-persistence';
import {
  AcademicYear,
  DEFAULT_TERM_SCHEME,
  profminimumLevelForYear,
  RECIPIENT_STATES,
  RecipientState,
  unwrap,
  validatePlacement,
} from '@socium/domain';

import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

import { PasswordService } from '../auth/password.service';
import { CalendarService } from '../calendars/calendar.service';
import { ClockService } from '../clock/clock.service';
import { newId } from '../common/crud.support';
import { storeAssessment, toPlacementInput } from '../labour/placements.service';
import {
  DEMO_ACTIVITIES,
  DEMO_AGREEMENTS,
  DEMO_LABOUR_NEEDS,
  DEMO_ORGANISATIONS,
  DEMO_PLACEMENTS,
  DEMO_PREVIOUS_YEAR_SHARE,
  DEMO_PROFMINIMUM_LEVELS,
  DEMO_SCHOOLS,
  demoEnrolment,
  NETWORK_TERMS,
} from './demo-data';

/** Demo log-ins, printed by `npm start`. Demo only: SOCIUM_DEMO=false never creates them. */
export const DEMO_ACCOUNTS = [
  {
    email: 'coordinator@demo.socium.local',
    password: 'demo-coordinator-2020',
    role: 'coordinator' as const,
    org: 'otdel-obrazovaniya',
  },
  {
    email: 'gymnasium@demo.socium.local',
    password: 'demo-school-2020',
    role: 'school_admin' as const,
    org: 'urussu-gymnasium',
  },
  { email: 'tapart@demo.socium.local', password: 'demo-partner-2020', role: 'partner_rep' as const, org: 'tapart' },
];

export const DEPARTMENT = {
  slug: 'otdel-obrazovaniya',
  name: 'МКУ «Отдел образования Исполнительного комитета Ютазинского муниципального района Республики Татарстан»',
  shortName: 'Отдел образования',
};

/** The demo's current-year plans that left the draft: approved (shown in public) and submitted (awaiting approval). */
const CURRENT_PLAN_STATUS: Readonly<Record<string, 'approved' | 'submitted'>> = {
  'urussu-gymnasium': 'approved',
  'maloe-urussu-school': 'submitted',
};

/** Organisation-level public facts of the Yutazinsky district (no private persons); agreements and events are synthetic. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly passwords: PasswordService,
    private readonly clock: ClockService,
  ) {}

  async ensureDepartment(em: EntityManager): Promise<OrganisationRecord> {
    const existing = await em.findOne(OrganisationRecord, { slug: DEPARTMENT.slug });
    if (existing) return existing;
    return this.org(em, { kind: 'department', ...DEPARTMENT });
  }

  async createUser(
    em: EntityManager,
    u: { email: string; name: string; role: UserRecord['role']; password: string; organisationId?: string },
  ): Promise<UserRecord> {
    const dept = u.organisationId ?? (await this.ensureDepartment(em)).id;
    const r = new UserRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      id: newId(),
      email: u.email.toLowerCase(),
      name: u.name,
      role: u.role,
      organisationId: dept,
      passwordHash: await this.passwords.hash(u.password),
      disabled: false,
      tokenGeneration: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    em.persist(r);
    await em.flush();
    return r;
  }

  org(
    em: EntityManager,
    o: Partial<OrganisationRecord> & Pick<OrganisationRecord, 'kind' | 'name' | 'shortName' | 'slug'>,
  ): OrganisationRecord {
    const r = new OrganisationRecord();
    const now = this.clock.nowIso();
    Object.assign(r, {
      id: newId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      partnerType: null,
      address: null,
      site: null,
      contacts: [],
      isPublished: true,
      termScheme: DEFAULT_TERM_SCHEME,
      enrolment: null,
      ...o,
    });
    em.persist(r);
    return r;
  }

  async seed(em: EntityManager): Promise<void> {
    const dept = await this.ensureDepartment(em);
    const bySlug: Record<string, OrganisationRecord> = { [dept.slug]: dept };
    for (const o of DEMO_ORGANISATIONS) bySlug[o.slug] = this.org(em, o);
    await em.flush();
    const dirs = Object.fromEntries((await em.find(DirectionRecord, {})).map((d) => [d.code, d.id]));
    const now = this.clock.nowIso();
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    const id = (slug: string) => (bySlug[slug] as OrganisationRecord).id;

    // Agreements (synthetic numbers and dates, marked «ДЕМО»).
    const agreements: Record<string, AgreementRecord> = {};
    for (const a of DEMO_AGREEMENTS) {
      const r = new AgreementRecord();
      Object.assign(r, {
        ...stamp,
        id: newId(),
        number: a.number,
        kind: a.kind,
        schoolId: id(a.school),
        partnerId: id(a.partner),
        subject: a.subject,
        goal: a.goal,
        directionIds: a.directions.map((c) => dirs[c]),
        obligations: [
          { party: 'school', text: a.schoolDoes },
          { party: 'partner', text: a.partnerDoes },
        ],
        responsibleRoles: { school: 'Заместитель директора по воспитательной работе', partner: a.partnerRole },
        networkTerms: a.kind === 'network_form' ? NETWORK_TERMS : null,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        autoRenew: a.autoRenew,
        noticeDays: 30,
        signedBySchoolOn: a.startsOn,
        signedByPartnerOn: a.startsOn,
        terminatedOn: null,
        terminationReason: null,
        noticeGivenOn: null,
        scanFileId: null,
      });
      em.persist(r);
      agreements[`${a.school}|${a.partner}`] = r;
    }

    // Joint plans and activities: 2019-2020 (approved, mostly held) and the current year 2026-2027 (the gymnasium's
    // approved, so its public page announces its upcoming activities; one submitted, awaiting the coordinator; the
    // others drafts, whose public activities stay off the public pages until approval).
    for (const school of DEMO_SCHOOLS) {
      for (const year of ['2019-2020', '2026-2027'] as const) {
        const plan = new PlanRecord();
        const past = year === '2019-2020';
        Object.assign(plan, {
          ...stamp,
          id: newId(),
          organisationId: id(school),
          academicYear: year,
          agreementId: null,
          title: `Совместный план работы с социальными партнёрами на ${year.replace('-', '/')} учебный год`,
          status: past ? 'approved' : (CURRENT_PLAN_STATUS[school] ?? 'draft'),
          returnComment: null,
          submittedOn: past ? '2020-02-20' : CURRENT_PLAN_STATUS[school] ? '2026-10-01' : null,
          approvedOn: past ? '2020-02-28' : CURRENT_PLAN_STATUS[school] === 'approved' ? '2026-10-05' : null,
        });
        em.persist(plan);
        const first = Number(year.slice(0, 4));
        DEMO_ACTIVITIES.forEach((t, i) => {
          const partner = t.partner === 'own' ? null : t.partner;
          const startsOn = `${t.month >= 9 ? first : first + 1}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
          // Spring 2020 events after mid-March were cancelled (school closures); earlier ones were held.
          const held = past ? startsOn < '2020-03-16' || t.month >= 6 : startsOn < '2026-11-28';
          const cancelled = past && !held;
          const a = new ActivityRecord();
          Object.assign(a, {
            ...stamp,
            id: newId(),
            planId: plan.id,
            organisationId: id(school),
            academicYear: year,
            title: t.title,
            directionId: dirs[t.direction],
            form: t.form,
            partnerId: partner ? id(partner) : null,
            startsOn,
            endsOn: startsOn,
            venue: t.venue,
            targetGrades: t.grades,
            plannedParticipants: t.planned + (i % 3) * 2,
            hours: t.hours,
            isPublic: t.isPublic,
            professions: t.professions,
            description: '',
            status: held ? 'held' : cancelled ? 'cancelled' : 'planned',
            heldOn: held ? startsOn : null,
            actualParticipants: held ? t.planned - (i % 4) : null,
            result: held ? t.result : null,
            evidenceLinks: [],
            cancelReason: cancelled ? 'Перевод школ на дистанционное обучение (весна 2020 г.)' : null,
          });
          em.persist(a);
        });
      }
    }

    // Enrolment of every school for the current and the previous academic year (the denominators of G2 #7, #11 and
    // the профминимум level of #8): the current year's grades add up to the school's `enrolment`, the previous
    // year's to DEMO_PREVIOUS_YEAR_SHARE % of it.
    const current = AcademicYear.containing(this.clock.today());
    for (const school of DEMO_SCHOOLS) {
      const total = bySlug[school]?.enrolment ?? 0;
      for (const [year, pupils] of [
        [current, total],
        [AcademicYear.of(current.startYear - 1), Math.round((total * DEMO_PREVIOUS_YEAR_SHARE) / 100)],
      ] as const) {
        const r = new EnrolmentRecord();
        Object.assign(r, {
          ...stamp,
          id: newId(),
          organisationId: id(school),
          academicYear: year.label,
          ...demoEnrolment(pupils),
          // none before 2023-2024 (E1), should the clock be pinned that far back
          profminimumLevel: profminimumLevelForYear(year, DEMO_PROFMINIMUM_LEVELS[school] ?? null).ok
            ? (DEMO_PROFMINIMUM_LEVELS[school] ?? null)
            : null,
        });
        em.persist(r);
      }
    }

    // Labour-market needs (employment centre), both years.
    for (const year of ['2019-2020', '2026-2027']) {
      for (const n of DEMO_LABOUR_NEEDS) {
        const r = new LabourNeedRecord();
        Object.assign(r, {
          ...stamp,
          id: newId(),
          profession: n.profession,
          sector: n.sector,
          demand: n.demand,
          academicYear: year,
          source: 'Центр занятости населения (Ютазинский район)',
          employerId: n.employer ? id(n.employer) : null,
        });
        em.persist(r);
      }
    }

    // Summer placements: lawful, pseudonymous students (codes only); one blocked until its medical clearance is recorded.
    const calendars = new CalendarService(em);
    for (const [i, p] of DEMO_PLACEMENTS.entries()) {
      const r = new PlacementRecord();
      Object.assign(r, {
        ...stamp,
        id: newId(),
        schoolId: id(p.school),
        employerId: id(p.employer),
        channel: p.channel,
        kind: p.kind,
        jobTitle: p.jobTitle,
        studentCode: `DEMO-${p.year}-${String(i + 1).padStart(3, '0')}`,
        studentBirthDate: p.birth,
        studentSex: i % 2 ? 'female' : 'male',
        startsOn: `${p.year}-06-15`,
        endsOn: `${p.year}-07-10`,
        workDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        shiftStartsAt: '09:00',
        shiftEndsAt: p.hoursPerDay > 4 ? '15:00' : '13:00',
        hoursPerDay: p.hoursPerDay,
        hoursPerWeek: p.hoursPerDay * 5,
        harmful: false,
        maxLoadKg: null,
        loadMode: 'constant',
        parentConsent: true,
        guardianshipConsent: p.year === 2020,
        medicalClearanceOn: p.noClearance ? null : `${p.year}-06-01`,
        hasGeneralEducation: false,
        orphan: false,
        studentDetachment: false,
        probationClause: false,
        weekendWorkConsent: false,
      });
      const school = { id: r.schoolId, termScheme: DEFAULT_TERM_SCHEME };
      const ctx = await calendars.placementContextFor(school, r.startsOn, r.endsOn);
      storeAssessment(r, unwrap(validatePlacement(toPlacementInput(r), ctx)));
      em.persist(r);
    }

    // The resolution itself, sent to every school and the municipal bodies, with mixed states.
    const doc = new DocumentRecord();
    Object.assign(doc, {
      ...stamp,
      id: newId(),
      // the round table's resolution carries no number: «б/н» (без номера), as Russian registers write it
      number: 'б/н',
      title:
        'Резолюция Круглого стола «Взаимодействие образовательной организации с социальными партнерами в целях расширения возможностей развития и воспитания обучающихся»',
      issuedOn: '2020-02-12',
      summary:
        'Создать систему взаимодействия на основе договоров и совместных планов; учитывать потребности рынка труда в профориентации и трудовой занятости; координатор — Отдел образования; обсудить и спланировать деятельность на 2019–2020 учебный год; разместить материалы на официальном сайте.',
      dueOn: '2020-03-02',
      isPublic: true,
    });
    em.persist(doc);
    const recipients = [...DEMO_SCHOOLS, 'otdel-molodezhi', 'otdel-kultury', 'kcson-yutazy'];
    recipients.forEach((slug, i) => {
      const r = new DocumentRecipientRecord();
      const state = (['closed', 'responded', 'acknowledged', 'acknowledged', 'received', 'sent'] as const)[
        i % 6
      ] as RecipientState;
      const reached = (s: RecipientState) => RECIPIENT_STATES.indexOf(state) >= RECIPIENT_STATES.indexOf(s);
      Object.assign(r, {
        id: newId(),
        documentId: doc.id,
        organisationId: id(slug),
        state,
        sentOn: '2020-02-13',
        receivedOn: reached('received') ? '2020-02-14' : null,
        acknowledgedOn: reached('acknowledged') ? '2020-02-17' : null,
        acknowledgedBy: null,
        respondedOn: reached('responded') ? '2020-02-27' : null,
        response: reached('responded')
          ? 'Резолюция обсуждена на педагогическом совете; совместный план на 2019–2020 учебный год направлен в Отдел образования.'
          : null,
        closedOn: reached('closed') ? '2020-03-02' : null,
      });
      em.persist(r);
    });
    await em.flush();

    const names = {
      coordinator: 'Координатор (демо)',
      school_admin: 'Администратор школы (демо)',
      partner_rep: 'Представитель партнёра (демо)',
    };
    for (const a of DEMO_ACCOUNTS)
      await this.createUser(em, {
        email: a.email,
        name: names[a.role],
        role: a.role,
        password: a.password,
        organisationId: id(a.org),
      });
  }
}
