import { ActivityRecord } from '@socium/api-persistence';
import type { PublicOrganisation } from '@socium/contracts';

import { renderIcs } from './ics';
import { renderFragment } from './public-html';

const school: PublicOrganisation = {
  slug: 'urussu-gymnasium',
  kind: 'school',
  name: 'Уруссинская гимназия',
  shortName: 'Уруссинская гимназия',
  site: null,
  address: null,
  partners: [],
  agreements: [{ number: 'С-1', kind: 'network_form', partner: 'Колледж', startsOn: '2026-09-01', endsOn: null }],
  upcoming: [
    {
      id: 'a1',
      title: 'Отряд на пришкольном участке',
      startsOn: '2026-12-12',
      endsOn: '2026-12-12',
      venue: '',
      form: 'labour_brigade',
      targetGrades: [10, 9],
      partner: null,
    },
  ],
  recent: [],
  figures: {
    academicYear: '2026-2027',
    partners: 5,
    agreementsActive: 3,
    activitiesHeld: 4,
    activitiesPlanned: 12,
    participants: 89,
  },
  generatedOn: '2026-11-28',
};

describe('the public page fragment', () => {
  it('names forms and agreement kinds from the domain catalogue, in the full wording of the glossary', () => {
    const html = renderFragment(school, 'ru');
    expect(html).toContain('Трудовая бригада (отряд) · 9, 10 кл.');
    expect(html).toContain('Договор о сетевой форме реализации образовательных программ № С-1');
  });

  it('writes the Tatar text shared with the widget: headings, the year and the ordinal after the highest grade', () => {
    const html = renderFragment({ ...school, upcoming: school.upcoming.slice(0, 0) }, 'tt');
    expect(html).toContain('2026–2027 уку елы');
    expect(html).toContain('Якынлашып килүче чаралар әлегә юк.');
    expect(renderFragment(school, 'tt')).toContain('Хезмәт отряды · 9, 10 нчы сыйныф');
  });

  it('shows counts of activities as they are and marks only a suppressed count of people', () => {
    const html = renderFragment({ ...school, figures: { ...school.figures, participants: null } }, 'ru');
    expect(html).toContain('>4</span>мероприятий проведено</li>');
    expect(html).toContain('>—</span>участий <span');
    expect(html).toContain('(группы менее 5 человек не показываются)');
    expect(html).not.toContain('&lt;5');
  });

  it('writes the English academic year in sentence case, as the widget does', () => {
    expect(renderFragment(school, 'en')).toContain('Academic year 2026–2027');
  });
});

describe('the public calendar feed', () => {
  it('describes an event by the Russian label of its form and its grades', () => {
    const activity = Object.assign(new ActivityRecord(), {
      id: 'a1',
      title: 'Отряд',
      form: 'labour_brigade',
      startsOn: '2026-12-12',
      endsOn: '2026-12-12',
      targetGrades: [9, 10, 11],
      updatedAt: '2026-11-28T10:00:00.000Z',
      version: 1,
    });
    const ics = renderIcs('Гимназия', [{ activity, partner: null, organisation: null }]).replace(/\r\n /g, '');
    expect(ics).toContain('CATEGORIES:Трудовая бригада (отряд)');
    expect(ics).toContain('DESCRIPTION:Трудовая бригада (отряд)\\n9–11 кл.');
  });
});
