import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';

import { AuthService } from '../core/auth.service';
import { I18nService } from '../core/i18n.service';
import { Notify } from '../core/notify';
import { organisationName, OrganisationsData } from '../data-access/organisations.data';
import { PublicationData } from '../data-access/publication.data';
import { PublicTextReview } from './public-text-review';

/** The one-line embed code of the public widget for an organisation. */
export function embedSnippet(origin: string, slug: string, lang: string): string {
  return `<script src="${origin}/widget.js" async></script><socium-widget org="${slug}" lang="${lang}"></socium-widget>`;
}
/** The iframe variant for sites that forbid scripts. */
export function iframeSnippet(origin: string, slug: string, lang: string): string {
  return `<iframe src="${origin}/embed/${slug}?lang=${lang}" title="Socium" loading="lazy" style="width:100%;min-height:600px;border:0"></iframe>`;
}

/** Publication: the snippet for the school's site with a copy button, a live preview and the static export. */
@Component({
  selector: 'admin-publication',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, PublicTextReview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './publication.html',
  styleUrl: './publication.scss',
})
export class Publication {
  private readonly publication = inject(PublicationData);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(Notify);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18nService);
  private readonly preview = viewChild<ElementRef<HTMLElement>>('preview');

  protected readonly origin = this.document.location.origin;
  protected readonly isCoordinator = computed(() => this.auth.user()?.role === 'coordinator');
  protected readonly schools = toSignal(
    inject(OrganisationsData).organisationsWhere(
      (o) => o.kind === 'school' || (this.isCoordinator() && o.kind === 'department'),
    ),
    { initialValue: [] },
  );
  protected readonly name = organisationName;
  protected readonly picked = signal<string | null>(null);
  protected readonly organisation = computed(() => {
    const list = this.schools();
    const id = this.isCoordinator() ? this.picked() : this.auth.user()?.organisationId;
    return list.find((o) => o.id === id) ?? null;
  });
  protected readonly lang = computed(() => this.i18n.lang());
  /** The two ways to embed the widget, each with its heading and a copy button. */
  protected readonly snippets = computed(() => {
    const o = this.organisation();
    if (!o) return [];
    return [
      {
        testId: 'embed-snippet',
        heading: `${this.i18n.t('pub_snippet')} — ${organisationName(o)}`,
        code: embedSnippet(this.origin, o.slug, this.lang()),
      },
      {
        testId: 'iframe-snippet',
        heading: this.i18n.t('pub_iframe'),
        code: iframeSnippet(this.origin, o.slug, this.lang()),
      },
    ];
  });

  constructor() {
    effect(() => {
      const host = this.preview()?.nativeElement;
      const o = this.organisation();
      if (!host || !o) return;
      this.loadWidgetScript();
      const el = this.document.createElement('socium-widget');
      el.setAttribute('org', o.slug);
      el.setAttribute('lang', this.lang());
      host.replaceChildren(el);
    });
  }

  private loadWidgetScript(): void {
    if (this.document.querySelector('script[data-socium-preview]')) return;
    const s = this.document.createElement('script');
    s.src = `${this.origin}/widget.js`;
    s.async = true;
    s.dataset['sociumPreview'] = '1';
    this.document.head.appendChild(s);
  }

  protected async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = this.document.createElement('textarea');
      area.value = text;
      this.document.body.appendChild(area);
      area.select();
      this.document.execCommand('copy');
      area.remove();
    }
    this.notify.done(this.i18n.t('copied'), 3000);
  }

  protected async downloadHtml(): Promise<void> {
    const o = this.organisation();
    if (!o) return;
    try {
      await this.publication.exportHtml(o.slug, this.lang());
    } catch {
      this.notify.failed();
    }
  }
}
