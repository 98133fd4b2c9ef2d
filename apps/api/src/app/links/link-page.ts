import type { LinkResponse } from '@socium/contracts';

import { escapeHtml as e } from '../publication/public-html';

/** dd.mm.yyyy of an ISO date or timestamp. */
const day = (iso: string | null): string => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '');

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${e(title)}</title><style>` +
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}' +
  'h1{font-size:1.4rem}textarea{width:100%;min-height:5rem;font:inherit}button{font:inherit;padding:.5rem 1.2rem;' +
  'background:#1d4ed8;color:#fff;border:0;border-radius:.4rem;cursor:pointer}.muted{color:#57606a}' +
  `</style></head><body><main>${body}</main></body></html>`;

/** The page a single-use link opens: what is asked, a comment box and one button (a plain form, no script). */
export function linkPage(token: string, link: LinkResponse): string {
  const activity = link.purpose === 'activity.confirm';
  const title = activity ? 'Подтверждение участия в мероприятии' : 'Подтверждение ознакомления с документом';
  const what = activity
    ? `<p>Мероприятие: <strong>${e(link.title)}</strong>, ${e(day(link.startsOn))}.</p>`
    : `<p>Документ № ${e(link.number ?? '')} от ${e(day(link.startsOn))}: <strong>${e(link.title)}</strong>.</p>`;
  return page(
    title,
    `<h1>${e(title)}</h1><p>Организация: ${e(link.organisationName)}</p>${what}` +
      `<form method="post" action="/link/${e(token)}"><p><label for="comment">Комментарий (необязательно)</label>` +
      `<textarea id="comment" name="comment" maxlength="2000"></textarea></p>` +
      `<button type="submit">${activity ? 'Подтвердить участие' : 'Подтвердить ознакомление'}</button></form>` +
      `<p class="muted">Ссылка действует один раз, до ${e(day(link.expiresAt))}.</p>`,
  );
}

/** The answer after the form: done, or why not (used, expired, not found). */
export function linkResultPage(ok: boolean, message: string): string {
  const title = ok ? 'Спасибо, подтверждение получено' : 'Ссылка не сработала';
  return page(title, `<h1>${e(title)}</h1><p>${e(message)}</p>`);
}
