import type { AgreementResponse } from '@socium/contracts';

import type { I18nService } from '../core/i18n.service';

/** «№ 12/2026 · ООО «Тапарт» (до 31.08.2027)»: how a plan names the agreement it annexes. */
export function agreementLabel(
  a: Pick<AgreementResponse, 'number' | 'partnerId' | 'effectiveEndsOn'>,
  names: ReadonlyMap<string, string>,
  i18n: I18nService,
): string {
  const partner = names.get(a.partnerId) ?? '…';
  return a.effectiveEndsOn
    ? i18n.t('plan_agreement_label_until', { number: a.number, partner, until: i18n.date(a.effectiveEndsOn) })
    : i18n.t('plan_agreement_label', { number: a.number, partner });
}
