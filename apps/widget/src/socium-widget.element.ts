import type { PublicOrganisation } from '@socium/contracts';

import { Lang, MESSAGES, pickLang } from './i18n';
import { asPublicOrganisation, esc, renderOrganisation, STYLES } from './render';

export const TAG = 'socium-widget';
export const TIMEOUT_MS = 3000;

/** Last good answer per URL, kept in memory only (no storage, no cookies). */
const lastGood = new Map<string, PublicOrganisation>();

/** Runs `fn`, swallowing anything it throws: the widget must never break the host page. */
function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    /* a guest stays quiet */
  }
}

/** Loads `url` once with a timeout; resolves to the data or null (never rejects). */
export async function fetchPublic(url: string, timeoutMs = TIMEOUT_MS): Promise<PublicOrganisation | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    timer = setTimeout(() => safe(() => ctrl?.abort()), timeoutMs);
    const res = await fetch(url, {
      credentials: 'omit',
      mode: 'cors',
      headers: { Accept: 'application/json' },
      signal: ctrl?.signal,
    });
    if (!res.ok) return null;
    return asPublicOrganisation(await res.json());
  } catch {
    return null;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * `<socium-widget org="slug" lang="ru|tt|en" api-base="https://host">`: the public face of a school or the
 * department, rendered in an open shadow root when it scrolls into view. A plain HTMLElement (no framework).
 */
export function defineSociumWidget(defaultBase: string): void {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return;

  class SociumWidget extends HTMLElement {
    static get observedAttributes(): string[] {
      return ['org', 'lang', 'api-base'];
    }
    private readonly root: ShadowRoot;
    private data: PublicOrganisation | null = null;
    private state: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
    private stale = false;
    private observer: IntersectionObserver | null = null;
    private seq = 0;
    private visible = false;

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
    }

    get language(): Lang {
      return pickLang(
        this.getAttribute('lang') || (typeof document !== 'undefined' ? document.documentElement.lang : ''),
      );
    }

    get base(): string {
      return (this.getAttribute('api-base') || defaultBase).replace(/\/+$/, '');
    }

    get org(): string {
      return (this.getAttribute('org') || '').trim();
    }

    connectedCallback(): void {
      safe(() => {
        this.paint();
        if (this.visible) return void this.load();
        if (typeof IntersectionObserver !== 'function') {
          this.visible = true;
          return void this.load();
        }
        this.observer = new IntersectionObserver(
          (entries) =>
            safe(() => {
              if (!entries.some((e) => e.isIntersecting)) return;
              this.visible = true;
              this.observer?.disconnect();
              this.observer = null;
              void this.load();
            }),
          { rootMargin: '200px' },
        );
        this.observer.observe(this);
      });
    }

    disconnectedCallback(): void {
      safe(() => {
        this.observer?.disconnect();
        this.observer = null;
      });
    }

    attributeChangedCallback(name: string, before: string | null, after: string | null): void {
      safe(() => {
        if (before === after || !this.isConnected) return;
        if (name === 'lang') this.paint();
        else if (this.visible) void this.load();
      });
    }

    private url(): string {
      return `${this.base}/api/v1/public/organisations/${encodeURIComponent(this.org)}`;
    }

    private async load(): Promise<void> {
      try {
        const seq = ++this.seq;
        if (!this.org) {
          this.state = 'failed';
          return this.paint();
        }
        const url = this.url();
        if (!this.data) {
          this.state = 'loading';
          this.paint();
        }
        const data = await fetchPublic(url);
        if (seq !== this.seq) return;
        if (data) {
          lastGood.set(url, data);
          this.data = data;
          this.stale = false;
          this.state = 'ready';
        } else {
          this.data = lastGood.get(url) ?? null;
          this.stale = !!this.data;
          this.state = this.data ? 'ready' : 'failed';
        }
        this.paint();
      } catch {
        /* never an unhandled rejection */
      }
    }

    private paint(): void {
      safe(() => {
        const t = MESSAGES[this.language];
        let body: string;
        if (this.state === 'ready' && this.data)
          body = renderOrganisation(
            this.data,
            this.language,
            `${this.base}/embed/${encodeURIComponent(this.data.slug || this.org)}?lang=${this.language}`,
            this.stale,
          );
        else if (this.state === 'failed') body = `<p class="msg" role="status">${esc(t.unavailable)}</p>`;
        else body = `<p class="msg" aria-busy="true">${esc(t.loading)}</p>`;
        this.root.innerHTML = `<style>${STYLES}</style>${body}`;
      });
    }
  }

  try {
    customElements.define(TAG, SociumWidget);
  } catch {
    /* defined concurrently by another copy */
  }
}

/** Test hook: forget the remembered answers. */
export function forgetLastGood(): void {
  lastGood.clear();
}
