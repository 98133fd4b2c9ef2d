import { defineSociumWidget } from './socium-widget.element';

export const VERSION = '1.0.0';

/** Where the API is: the loader's `data-api-base`, else this script's origin, else the page's origin. */
export function defaultApiBase(script: HTMLScriptElement | null, pageOrigin: string): string {
  try {
    const explicit = script?.getAttribute('data-api-base');
    if (explicit) return explicit;
    if (script?.src) return new URL(script.src, pageOrigin).origin;
  } catch {
    /* fall through */
  }
  return pageOrigin;
}

try {
  const script = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
  const w = window as unknown as { Socium?: { version: string } };
  if (!w.Socium) w.Socium = { version: VERSION };
  defineSociumWidget(defaultApiBase(script, typeof location !== 'undefined' ? location.origin : ''));
} catch {
  /* never throw into the host page */
}
