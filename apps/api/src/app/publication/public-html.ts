import type { PublicOrganisation } from '@socium/contracts';

import { dmy, Lang, LANGS, TEXT } from './public-text';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const e = escapeHtml;

const S = {
  root: 'font:inherit;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;max-width:100%;box-sizing:border-box',
  h2: 'font-size:1.25em;margin:0 0 4px',
  h3: 'font-size:1.05em;margin:16px 0 6px',
  muted: 'color:#57606a;margin:0',
  figures: 'display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:12px 0',
  figure: 'flex:1 1 110px;border:1px solid #d0d7de;border-radius:6px;padding:6px 8px',
  num: 'display:block;font-size:1.4em;font-weight:700',
  list: 'margin:0;padding-left:1.2em',
  item: 'margin:4px 0',
  link: 'color:#0b5cad',
};

/** The organisation as a self-contained HTML fragment: inline styles, no scripts, no external resources. */
export function renderFragment(p: PublicOrganisation, lang: Lang, embedUrl?: string): string {
  const t = TEXT[lang];
  const fig = (key: keyof typeof t.figures, v: number | null | undefined) =>
    v === undefined
      ? ''
      : `<li style="${S.figure}"><span style="${S.num}">${v === null ? '—' : v}</span>${e(t.figures[key])}${v === null ? ` <span style="${S.muted}">(${e(t.suppressed)})</span>` : ''}</li>`;
  const f = p.figures;
  const section = (title: string, items: string[], empty: string) =>
    `<section><h3 style="${S.h3}">${e(title)}</h3>${items.length ? `<ul style="${S.list}">${items.join('')}</ul>` : `<p style="${S.muted}">${e(empty)}</p>`}</section>`;
  const grades = (g: number[]) => (g.length ? ` · ${e(t.grades(g))}` : '');
  const parts = [
    `<article lang="${lang}" class="socium-public" style="${S.root}">`,
    `<h2 style="${S.h2}">${e(p.shortName || p.name)}</h2>`,
    p.address ? `<p style="${S.muted}">${e(p.address)}</p>` : '',
    `<p style="${S.muted}">${e(t.year(f.academicYear))}</p>`,
    `<ul style="${S.figures}">${fig('partners', f.partners)}${fig('activitiesHeld', f.activitiesHeld)}${fig('activitiesPlanned', f.activitiesPlanned)}${fig('participants', f.participants)}${fig('agreementsActive', f.agreementsActive)}${fig('schools', f.schools)}</ul>`,
    p.kind === 'department'
      ? ''
      : section(
          t.partners,
          p.partners.map((x) => `<li style="${S.item}">${e(x.name)}</li>`),
          t.noPartners,
        ),
    section(
      t.upcoming,
      p.upcoming.map(
        (x) =>
          `<li style="${S.item}"><time datetime="${e(x.startsOn)}">${e(dmy(x.startsOn))}</time> — <strong>${e(x.title)}</strong><br><span style="${S.muted}">${e(t.forms[x.form] ?? x.form)}${x.venue ? ` · ${e(x.venue)}` : ''}${grades(x.targetGrades)}</span></li>`,
      ),
      t.noUpcoming,
    ),
    section(
      t.results,
      p.recent.map(
        (x) =>
          `<li style="${S.item}"><time datetime="${e(x.heldOn)}">${e(dmy(x.heldOn))}</time> — <strong>${e(x.title)}</strong>. ${e(x.result)}</li>`,
      ),
      t.noResults,
    ),
    p.agreements.length
      ? section(
          t.agreements,
          p.agreements.map(
            (a) =>
              `<li style="${S.item}">${e(t.kinds[a.kind] ?? a.kind)} № ${e(a.number)} — ${e(a.partner)}, ${e(t.since(dmy(a.startsOn)))} ${e(a.endsOn ? t.until(dmy(a.endsOn)) : t.openEnded)}</li>`,
          ),
          '',
        )
      : '',
    p.schools
      ? section(
          t.schools,
          p.schools.map((s) => `<li style="${S.item}">${e(s.name)}</li>`),
          '',
        )
      : '',
    p.documents?.length
      ? section(
          t.documents,
          p.documents.map(
            (d) =>
              `<li style="${S.item}">№ ${e(d.number)} ${e(t.since(dmy(d.issuedOn)))} — <strong>${e(d.title)}</strong>${d.summary ? `<br><span style="${S.muted}">${e(d.summary)}</span>` : ''}</li>`,
          ),
          '',
        )
      : '',
    embedUrl
      ? `<p style="margin:16px 0 0"><a style="${S.link}" href="${e(embedUrl)}">${e(t.allMaterials)}</a></p>`
      : '',
    '</article>',
  ];
  return parts.filter(Boolean).join('\n');
}

/** The iframe page: the same content, server-rendered, no scripts. */
export function renderEmbedPage(p: PublicOrganisation, lang: Lang): string {
  const langs = LANGS.map((l) => (l === lang ? `<strong>${l}</strong>` : `<a href="?lang=${l}">${l}</a>`)).join(' · ');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(p.shortName || p.name)}</title>
<style>body{margin:0;padding:8px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.45}nav{font-size:.9em;margin:0 0 8px}a{color:#0b5cad}@media (prefers-contrast: more){article{border-color:#000!important}}@media print{nav{display:none}}</style>
</head><body>
<nav aria-label="Language">${langs}</nav>
${renderFragment(p, lang)}
</body></html>
`;
}

/** A plain page that looks like a small school's site, with the widget embedded by the public snippet. */
export function renderDemoPage(lang: Lang): string {
  const langs = LANGS.map((l) => (l === lang ? `<strong>${l}</strong>` : `<a href="/demo?lang=${l}">${l}</a>`)).join(
    ' · ',
  );
  const text: Record<Lang, { title: string; menu: string[]; lead: string; body: string }> = {
    ru: {
      title: 'МБОУ «Уруссинская гимназия»',
      menu: ['Главная', 'Сведения об образовательной организации', 'Родителям', 'Социальное партнёрство', 'Контакты'],
      lead: 'Социальное партнёрство',
      body: 'Гимназия сотрудничает с предприятиями, учреждениями культуры и спорта, центром занятости. Ниже — наши партнёры, ближайшие мероприятия и итоги совместной работы.',
    },
    tt: {
      title: '«Урыссу гимназиясе» МБГБУ',
      menu: ['Баш бит', 'Белем бирү оешмасы турында', 'Ата-аналарга', 'Социаль партнерлык', 'Элемтә'],
      lead: 'Социаль партнерлык',
      body: 'Гимназия предприятиеләр, мәдәният һәм спорт учреждениеләре, мәшгульлек үзәге белән хезмәттәшлек итә. Түбәндә — безнең партнерлар, якынлашып килүче чаралар һәм уртак эш нәтиҗәләре.',
    },
    en: {
      title: 'Urussu Gymnasium',
      menu: ['Home', 'About the school', 'For parents', 'Social partnership', 'Contacts'],
      lead: 'Social partnership',
      body: 'The gymnasium works with employers, culture and sport institutions and the employment centre. Below are our partners, upcoming events and results of our joint work.',
    },
  };
  const x = text[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(x.title)}</title>
<style>
body{margin:0;font-family:Georgia,"Times New Roman",serif;font-size:17px;color:#222;background:#f6f3ee;line-height:1.5}
header{background:#2c4a6b;color:#fff;padding:16px 24px}header h1{margin:0;font-size:1.4em}
nav.menu{background:#e4ddd0;padding:8px 24px}nav.menu a{color:#2c4a6b;margin-right:16px;text-decoration:none}
main{max-width:860px;margin:0 auto;padding:16px 24px 48px}.langs{font-size:.9em;float:right}
socium-widget{--socium-accent:#2c4a6b;display:block;margin-top:24px}
footer{text-align:center;color:#666;font-size:.85em;padding:24px}
</style></head><body>
<header><span class="langs">${langs}</span><h1>${e(x.title)}</h1></header>
<nav class="menu">${x.menu.map((m) => `<a href="#">${e(m)}</a>`).join('')}</nav>
<main>
<h2>${e(x.lead)}</h2>
<p>${e(x.body)}</p>
<script src="/widget.js" async></script><socium-widget org="urussu-gymnasium" lang="${lang}"></socium-widget>
</main>
<footer>Socium demo</footer>
</body></html>
`;
}
