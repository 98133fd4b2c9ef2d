import { DomainError, err, LINK_RULES, ok, refusal, Result } from '../common';

// A partner without an account confirms an activity, or acknowledges a document, through a link in its e-mail
// (issue 15 item 3): the link names one action on one object for one organisation, works once and expires.

export const LINK_PURPOSES = ['activity.confirm', 'document.acknowledge'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** How long a link works after it is made. */
export const LINK_LIFETIME_DAYS = 14;

export interface LinkState {
  /** ISO timestamps */
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** A link may be used while it has not been used and has not expired (`now` an ISO timestamp). */
export function checkLinkUsable(link: LinkState, now: string): Result<LinkState, DomainError> {
  if (link.usedAt)
    return err(
      refusal(LINK_RULES.used, {
        ru: 'Ссылка уже использована',
        en: 'This link has already been used',
        tt: 'Бу сылтама инде кулланылган',
      }),
    );
  if (now >= link.expiresAt)
    return err(
      refusal(LINK_RULES.expired, {
        ru: 'Срок действия ссылки истёк',
        en: 'This link has expired',
        tt: 'Сылтаманың гамәлдә булу срогы чыккан',
      }),
    );
  return ok(link);
}

/** When a link made at `now` (epoch ms) stops working, as an ISO timestamp. */
export function linkExpiry(nowMs: number): string {
  return new Date(nowMs + LINK_LIFETIME_DAYS * 24 * 60 * 60_000).toISOString();
}
