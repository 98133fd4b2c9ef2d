import type { LinkResponse } from '@socium/contracts';
import { LANGUAGES, type Language } from '@socium/domain';

import { escapeHtml as e } from '../publication/public-html';
import { LANGUAGE_NAMES, LINK_TEXTS } from './link-texts';

/** dd.mm.yyyy of an ISO date or timestamp. */
const day = (iso: string | null): string => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '');

/** The three languages as links to the same page (`?lang=`), the current one marked. */
const switcher = (lang: Language, path: string | null): string =>
  path === null
    ? ''
    : `<nav aria-label="${e(LINK_TEXTS[lang].languages)}"><ul class="langs">` +
      LANGUAGES.map((l) =>
        l === lang
          ? `<li><span aria-current="true" lang="${l}">${e(LANGUAGE_NAMES[l])}</span></li>`
          : `<li><a href="${e(`${path}?lang=${l}`)}" lang="${l}" hreflang="${l}">${e(LANGUAGE_NAMES[l])}</a></li>`,
      ).join('') +
      '</ul></nav>';

const page = (lang: Language, title: string, body: string, path: string | null = null): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${e(title)}</title><style>` +
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}' +
  'h1{font-size:1.4rem}textarea{width:100%;min-height:5rem;font:inherit;box-sizing:border-box}button{font:inherit;padding:.5rem 1.2rem;' +
  'background:#1d4ed8;color:#fff;border:0;border-radius:.4rem;cursor:pointer}.muted{color:#57606a}' +
  '.langs{list-style:none;display:flex;gap:1rem;padding:0;margin:0 0 1rem;flex-wrap:wrap}.langs a{color:#1d4ed8}' +
  '.langs span{font-weight:600}' +
  `</style></head><body>${switcher(lang, path)}<main>${body}</main></body></html>`;

/** The page a single-use link opens, in `lang`: what is asked, a comment box and one button (a plain form, no script). */
export function linkPage(token: string, link: LinkResponse, lang: Language = 'ru'): string {
  const t = LINK_TEXTS[lang];
  const title = t.title[link.purpose];
  const what =
    link.purpose === 'activity.confirm'
      ? t.activityLine(link.title, day(link.startsOn))
      : t.documentLine(link.number ?? '', day(link.startsOn), link.title);
  const path = `/link/${token}`;
  return page(
    lang,
    title,
    `<h1>${e(title)}</h1><p>${e(t.organisation(link.organisationName))}</p><p>${e(what)}</p>` +
      `<form method="post" action="${e(`${path}?lang=${lang}`)}"><p><label for="comment">${e(t.comment)}</label>` +
      `<textarea id="comment" name="comment" maxlength="2000"></textarea></p>` +
      `<button type="submit">${e(t.button[link.purpose])}</button></form>` +
      `<p class="muted">${e(t.validUntil(day(link.expiresAt)))}</p>`,
    path,
  );
}

/** The answer after the form, in `lang`: done, or why not (`message`: used, expired, not found). */
export function linkResultPage(ok: boolean, lang: Language = 'ru', message?: string): string {
  const t = LINK_TEXTS[lang];
  const title = ok ? t.doneTitle : t.failedTitle;
  return page(lang, title, `<h1>${e(title)}</h1><p>${e(message ?? (ok ? t.doneText : t.notFound))}</p>`);
}
