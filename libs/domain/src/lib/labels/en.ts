import { gradeRanges } from './grades';
import type { CodeLabels, PublicText } from './labels';

// English (docs/product/glossary.md, column «English»).

export const EN_FORM_LABELS: CodeLabels['activityForm'] = {
  excursion: 'Excursion',
  professional_trial: 'Professional trial',
  master_class: 'Master class',
  meeting_with_professionals: 'Meeting with professionals',
  open_day: 'Open day',
  fair: 'Career fair',
  career_lesson: 'Career-guidance lesson',
  diagnostics: 'Career diagnostics',
  consultation: 'Consultation',
  parent_meeting: 'Parent meeting',
  competition: 'Competition',
  project: 'Project',
  volunteering: 'Volunteering',
  labour_brigade: 'Labour brigade',
  other: 'Other',
};

export const EN_LABELS: CodeLabels = {
  activityForm: EN_FORM_LABELS,
  activityStatus: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled', postponed: 'Postponed' },
  agreementKind: {
    cooperation: 'Cooperation agreement',
    social_partnership: 'Social-partnership agreement',
    network_form: 'Network-form agreement',
  },
  agreementStatus: {
    draft: 'Draft',
    signed: 'Signed',
    active: 'Active',
    expiring: 'Expiring',
    expired: 'Expired',
    renewed: 'Renewed',
    terminated: 'Terminated',
  },
  planStatus: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', returned: 'Returned', closed: 'Closed' },
  recipientState: {
    sent: 'Sent',
    received: 'Received',
    acknowledged: 'Acknowledged',
    responded: 'Responded',
    closed: 'Closed',
  },
  placementChannel: {
    employment_centre: 'Employment centre',
    school_brigade: 'School labour brigade',
    direct: 'Directly with the employer',
  },
  direction: {
    career_guidance: 'Career guidance',
    labour_employment: 'Labour employment',
    culture: 'Culture',
    sport_health: 'Sport and health',
    patriotic: 'Patriotic education',
    volunteering: 'Volunteering',
    ecology: 'Ecology',
    prevention: 'Prevention',
    other: 'Other',
  },
  partnerType: {
    culture: 'Culture',
    sport_youth: 'Sport and youth',
    social_services: 'Social services',
    health: 'Health',
    employer: 'Employer',
    college: 'College',
    employment_centre: 'Employment centre',
    ngo: 'NGO',
    government: 'Government body',
    media: 'Media',
    other: 'Other',
  },
  organisationKind: { department: 'Education Department', school: 'School', partner: 'Social partner' },
  profminimumLevel: { basic: 'Basic', main: 'Main', advanced: 'Advanced' },
  publicTextFlag: {
    email: 'e-mail address',
    phone: 'phone number',
    person_name: "person's name",
    class_with_name: 'class next to a name',
  },
  activityTextField: { title: 'Title', venue: 'Venue', result: 'Result' },
  language: { ru: 'Russian', tt: 'Tatar', en: 'English' },
};

export const EN_PUBLIC_TEXT: PublicText = {
  partners: 'Partners',
  upcoming: 'Upcoming events',
  results: 'Results',
  documents: 'Documents',
  allMaterials: 'All materials',
  noPartners: 'No partners listed yet.',
  noUpcoming: 'No upcoming events yet.',
  noResults: 'No results yet.',
  suppressed: 'groups under 5 people are not shown',
  year: (label) => `Academic year ${label.replace('-', '–')}`,
  grades: (grades) => `grades ${gradeRanges(grades)}`,
};
