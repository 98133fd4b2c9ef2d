import type { PublicOrganisation } from '@socium/contracts';

import { Lang, MESSAGES, Messages } from './i18n';

export const esc = (v: unknown): string =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Accepts only something shaped like a PublicOrganisation; anything else is garbage (→ null). */
export function asPublicOrganisation(v: unknown): PublicOrganisation | null {
  if (!isObj(v) || typeof v['name'] !== 'string' || typeof v['slug'] !== 'string' || !isObj(v['figures'])) return null;
  if (!Array.isArray(v['partners']) || !Array.isArray(v['upcoming']) || !Array.isArray(v['recent'])) return null;
  return v as unknown as PublicOrganisation;
}

function dateText(t: Messages, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? t.date(Number(m[1]), Number(m[2]), Number(m[3])) : iso;
}

function gradeText(t: Messages, grades: unknown): string {
  const g = arr(grades).filter((x): x is number => typeof x === 'number');
  return g.length ? t.grades(g) : '';
}

/** A count as it is; nothing when the count is missing. */
function figure(count: number | null, full: (n: number) => string): string {
  return count === null
    ? ''
    : `<li class="fig">${esc(full(count)).replace(/^(\d+)/, '<span class="n">$1</span>')}</li>`;
}

/** A count of people: `null` means suppressed (D4), the only kind of figure that can be. */
function peopleFigure(count: number | null, full: (n: number) => string, label: string, t: Messages): string {
  return count === null
    ? `<li class="fig"><span class="n">—</span> <span class="l">${esc(label)} (${esc(t.suppressed)})</span></li>`
    : figure(count, full);
}

function section(id: string, title: string, items: string[], empty: string): string {
  return `<section aria-labelledby="${id}"><h3 id="${id}">${esc(title)}</h3>${items.length ? `<ul>${items.join('')}</ul>` : `<p class="muted">${esc(empty)}</p>`}</section>`;
}

/** The widget's body for `data` in `lang`; `embedUrl` is the iframe page («Все материалы»). */
export function renderOrganisation(data: PublicOrganisation, lang: Lang, embedUrl: string, stale: boolean): string {
  const t = MESSAGES[lang];
  const f = isObj(data.figures) ? data.figures : ({} as PublicOrganisation['figures']);
  const figs = [
    figure(num(f.partners), t.nPartners),
    figure(num(f.activitiesHeld), t.nHeld),
    peopleFigure(num(f.participants), t.nParticipants, t.lParticipants, t),
    figure(num(f.schools), t.nSchools),
  ].filter(Boolean);
  const partners = arr(data.partners).map((p) => `<li>${esc(isObj(p) ? p['name'] : '')}</li>`);
  const upcoming = arr(data.upcoming)
    .filter(isObj)
    .map((e) => {
      const meta = [t.forms[str(e['form'])] ?? str(e['form']), str(e['venue']), gradeText(t, e['targetGrades'])]
        .filter(Boolean)
        .map(esc)
        .join(' · ');
      return `<li><time datetime="${esc(e['startsOn'])}">${esc(dateText(t, str(e['startsOn'])))}</time> <strong>${esc(e['title'])}</strong>${meta ? `<br><span class="muted">${meta}</span>` : ''}</li>`;
    });
  const recent = arr(data.recent)
    .filter(isObj)
    .map(
      (e) =>
        `<li><time datetime="${esc(e['heldOn'])}">${esc(dateText(t, str(e['heldOn'])))}</time> <strong>${esc(e['title'])}</strong>${str(e['result']) ? ` — ${esc(e['result'])}` : ''}</li>`,
    );
  const documents = arr(data.documents)
    .filter(isObj)
    .map(
      (d) =>
        `<li>№ ${esc(d['number'])} · ${esc(dateText(t, str(d['issuedOn'])))} — <strong>${esc(d['title'])}</strong></li>`,
    );
  return [
    `<article class="w" lang="${lang}">`,
    `<h2>${esc(data.shortName || data.name)}</h2>`,
    str(f.academicYear) ? `<p class="muted">${esc(t.year(str(f.academicYear)))}</p>` : '',
    `<ul class="figs" aria-label="${esc(t.figures)}">${figs.join('')}</ul>`,
    data.kind === 'department' ? '' : section('sw-p', t.partners, partners, t.noPartners),
    section('sw-u', t.upcoming, upcoming, t.noUpcoming),
    section('sw-r', t.results, recent, t.noResults),
    documents.length ? section('sw-d', t.documents, documents, '') : '',
    stale ? `<p class="muted" role="status">${esc(t.stale)}</p>` : '',
    `<p class="more"><a href="${esc(embedUrl)}" target="_blank" rel="noopener">${esc(t.allMaterials)}</a></p>`,
    '</article>',
  ].join('');
}

export const STYLES = `:host{display:block;min-height:var(--socium-min-height,18rem);font:inherit;font-size:var(--socium-font-size,inherit);color:inherit;contain:content}
:host([hidden]){display:none}
*{box-sizing:border-box}
.w{border:1px solid rgba(0,0,0,.18);border-radius:var(--socium-radius,8px);padding:1em;min-width:0;overflow-wrap:anywhere;animation:sw-in .2s ease-out}
h2{font-size:1.25em;margin:0 0 .2em;line-height:1.25}
h3{font-size:1.05em;margin:1em 0 .4em;color:var(--socium-accent,#1d4ed8)}
ul{margin:0;padding-left:1.2em}
li{margin:.3em 0}
.figs{display:flex;flex-wrap:wrap;gap:.5em;list-style:none;padding:0;margin:.75em 0}
.fig{flex:1 1 7.5em;margin:0;border-left:3px solid var(--socium-accent,#1d4ed8);padding:.2em .6em}
.n{display:block;font-size:1.5em;font-weight:700;line-height:1.2}
.muted{opacity:.8;margin:.2em 0}
.more{margin:1em 0 0}
a{color:var(--socium-accent,#1d4ed8)}
a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
.msg{padding:1em;border-radius:var(--socium-radius,8px);border:1px dashed rgba(0,0,0,.25);opacity:.85;margin:0}
@keyframes sw-in{from{opacity:0}to{opacity:1}}
@media (prefers-reduced-motion:reduce){.w{animation:none}}
@media (prefers-contrast:more){.w,.msg{border-color:currentColor}.muted,.msg{opacity:1}}
@media print{:host{min-height:0}.w{border:0;padding:0;animation:none}.more{display:none}}`;
