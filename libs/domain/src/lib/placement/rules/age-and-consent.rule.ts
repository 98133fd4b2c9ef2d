import { Finding } from '../../common';
import { GUARDIANSHIP_CONSENT, LABOUR_LIMITS, versionOn } from '../labour-limits';
import { ageOnStart, placementFinding, PlacementRule } from '../placement.model';

/**
 * B1, ТК ст. 63; age on the contract's start date. Under 14: refused. 14, or 15 and still a pupil without a
 * recorded grade-9 certificate (ч. 3): one parent's written consent; before 13.06.2023 the guardianship
 * authority's consent as well; from 13.06.2023 (259-ФЗ) an orphan needs the guardianship authority's (or
 * another legal representative's) consent instead of a parent's. 15 with general education and 16+ sign alone.
 * Before 13.06.2023 `parentConsent` of an orphan stands for the попечитель's consent.
 */
export const ageAndConsentRule: PlacementRule = {
  code: 'age-and-consent',
  source: 'B1 · ТК ст. 63',
  scope: 'minor_employment',
  emits: ['placement.age.under-14', 'placement.consent.parent-required', 'placement.consent.guardianship-required'],
  evaluate(input) {
    const age = ageOnStart(input);
    if (age < LABOUR_LIMITS.minAge) {
      return [
        placementFinding(
          'placement.age.under-14',
          {
            ru: `Трудовой договор заключается с 14 лет; на дату начала учащемуся ${age}`,
            en: `A contract needs the age of 14; the student is ${age} on the start date`,
            tt: `Хезмәт шартнамәсе 14 яшьтән төзелә; эш башланган көнгә укучыга ${age} яшь`,
          },
          { field: 'studentBirthDate', limit: LABOUR_LIMITS.minAge, actual: age },
        ),
      ];
    }
    if (age >= 16 || (age === 15 && input.hasGeneralEducation === true)) return [];
    const regime = versionOn(GUARDIANSHIP_CONSENT, input.startsOn);
    const orphan = input.orphan === true;
    const out: Finding[] = [];
    if ((!orphan || regime.value === 'every_minor') && !input.parentConsent) {
      out.push(
        placementFinding(
          'placement.consent.parent-required',
          {
            ru: `Нужно письменное согласие одного из родителей (попечителя): учащемуся ${age} лет, он получает общее образование`,
            en: `A parent's written consent is required: the student is ${age} and still receiving general education`,
            tt: `Ата-ананың (попечительнең) берсенең язма ризалыгы кирәк: укучыга ${age} яшь, ул гомуми белем ала`,
          },
          { field: 'parentConsent', limit: 'required', actual: 'missing' },
        ),
      );
    }
    if ((orphan || regime.value === 'every_minor') && !input.guardianshipConsent) {
      out.push(
        placementFinding(
          'placement.consent.guardianship-required',
          {
            ru: `Нужно согласие органа опеки и попечительства (${regime.source})`,
            en: `The guardianship authority's consent is required (${regime.source})`,
            tt: `Васыйлык һәм попечительлек органы ризалыгы кирәк (${regime.source})`,
          },
          { field: 'guardianshipConsent', limit: 'required', actual: 'missing' },
        ),
      );
    }
    return out;
  },
};
