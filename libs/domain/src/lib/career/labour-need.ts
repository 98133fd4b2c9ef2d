import { DomainError, domainError, err, Finding, finding, LABOUR_NEED_RULES, ok, Result } from '../common';
import { normaliseProfession } from './professions';

export { LABOUR_NEED_RULES } from '../common';

export interface LabourNeedInput {
  readonly profession: string;
  readonly sector: string;
  readonly demand: number;
  /** `2019-2020` */
  readonly academicYear: string;
}

const ACADEMIC_YEAR = /^(\d{4})-(\d{4})$/;

/** A labour-market need (C4, E7): how many people of a profession a sector needs in an academic year. */
export class LabourNeed {
  private constructor(
    readonly profession: string,
    readonly sector: string,
    readonly demand: number,
    readonly academicYear: string,
  ) {}

  /**
   * Trims the texts and checks every field; all broken rules are reported in `details`, the first one
   * names the error (category `invalid`).
   */
  static create(input: LabourNeedInput): Result<LabourNeed, DomainError> {
    const profession = input.profession.trim().replace(/\s+/g, ' ');
    const sector = input.sector.trim();
    const findings: Finding[] = [];
    if (profession === '')
      findings.push(
        finding(
          LABOUR_NEED_RULES.professionRequired,
          { ru: 'Укажите профессию', en: 'A profession is required', tt: 'Һөнәрне күрсәтегез' },
          { field: 'profession' },
        ),
      );
    if (sector === '')
      findings.push(
        finding(
          LABOUR_NEED_RULES.sectorRequired,
          { ru: 'Укажите отрасль', en: 'A sector is required', tt: 'Тармакны күрсәтегез' },
          { field: 'sector' },
        ),
      );
    if (!Number.isInteger(input.demand) || input.demand < 1)
      findings.push(
        finding(
          LABOUR_NEED_RULES.demandInvalid,
          {
            ru: 'Потребность — целое число не меньше 1',
            en: 'Demand must be a whole number of at least 1',
            tt: 'Ихтыяҗ — кимендә 1 булган бөтен сан',
          },
          { field: 'demand', limit: 1, actual: input.demand },
        ),
      );
    const year = ACADEMIC_YEAR.exec(input.academicYear);
    if (!year || Number(year[2]) !== Number(year[1]) + 1)
      findings.push(
        finding(
          LABOUR_NEED_RULES.academicYearInvalid,
          {
            ru: 'Учебный год в виде 2019-2020',
            en: 'An academic year such as 2019-2020',
            tt: 'Уку елы 2019-2020 рәвешендә',
          },
          { field: 'academicYear', actual: input.academicYear },
        ),
      );
    const [first] = findings;
    if (first) return err(domainError(first.rule, 'invalid', first.message, { field: first.field, details: findings }));
    return ok(new LabourNeed(profession, sector, input.demand, input.academicYear));
  }

  /** The key used to match this need against activity profession tags. */
  get professionKey(): string {
    return normaliseProfession(this.profession);
  }
}
