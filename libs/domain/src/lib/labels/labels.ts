// The labels of the domain's codes in the three interface languages (terms of docs/product/glossary.md). Each language is one
// module (`ru.ts`, `tt.ts`, `en.ts`) typed by `CodeLabels`, whose keys come from the domain's own code lists: a code
// added to a list without a label in every language does not compile. Type-only imports keep this module free of
// runtime dependencies, so a bundle (the public widget) that imports one section carries nothing else.
import type { ActivityForm, ActivityStatus, DirectionCode } from '../activity';
import type { AgreementKind, AgreementStatus } from '../agreement';
import type { ProfminimumLevel } from '../career/profminimum';
import type { RecipientState } from '../document';
import type { OrganisationKind, PartnerType } from '../organisation';
import type { PlacementChannel } from '../placement';
import type { PlanStatus } from '../plan';
import type { PublicActivityTextField, PublicTextFlag } from '../publication/public-text-screen';

export const LANGUAGES = ['ru', 'tt', 'en'] as const;
/** An interface language: Russian (the default), Tatar, English. */
export type Language = (typeof LANGUAGES)[number];

type Labels<Code extends string> = Readonly<Record<Code, string>>;

export interface CodeLabels {
  readonly activityForm: Labels<ActivityForm>;
  readonly activityStatus: Labels<ActivityStatus>;
  readonly agreementKind: Labels<AgreementKind>;
  readonly agreementStatus: Labels<AgreementStatus>;
  readonly planStatus: Labels<PlanStatus>;
  readonly recipientState: Labels<RecipientState>;
  readonly placementChannel: Labels<PlacementChannel>;
  /** the seeded directions; a direction a coordinator adds shows its own name */
  readonly direction: Labels<DirectionCode>;
  readonly partnerType: Labels<PartnerType>;
  readonly organisationKind: Labels<OrganisationKind>;
  /** the профминимум levels (E1), without their hours */
  readonly profminimumLevel: Labels<ProfminimumLevel>;
  /** what the screening of public text found (an e-mail, a phone, a person's name, a class beside a name) */
  readonly publicTextFlag: Labels<PublicTextFlag>;
  /** the activity's public text fields */
  readonly activityTextField: Labels<PublicActivityTextField>;
  /** the interface languages, named in the language of the label (an organisation's language for e-mails) */
  readonly language: Labels<Language>;
}
export type CodeSection = keyof CodeLabels;

/** The text that the public widget and the server-rendered public pages (embed, export, calendar) both show. */
export interface PublicText {
  readonly partners: string;
  readonly upcoming: string;
  readonly results: string;
  readonly documents: string;
  readonly allMaterials: string;
  readonly noPartners: string;
  readonly noUpcoming: string;
  readonly noResults: string;
  /** shown next to a figure hidden because it is below 5 */
  readonly suppressed: string;
  /** `2019-2020` → the academic year's line */
  readonly year: (label: string) => string;
  /** the target grades of an activity, e.g. «5–7, 9 кл.» (not called with an empty list) */
  readonly grades: (grades: readonly number[]) => string;
}
