import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notFound } from '../http/app-error';
import { sendBuiltFile } from '../http/static-file';
import { renderIcs } from './ics';
import { PublicBuild, PublicCacheService } from './public-cache.service';
import { renderDemoPage, renderEmbedPage, renderFragment } from './public-html';
import { publicPageKey, sendPublic } from './public-http';
import { PublicRateLimitService } from './public-rate-limit.service';
import { pickLang } from './public-text';
import { PublicationService } from './publication.service';

/** Where `nx build widget` puts the bundle and its manifest. */
export const WIDGET_DIR = resolve(process.cwd(), 'dist/apps/widget');
const SAFE_FILE = /^socium-widget\.[A-Za-z0-9_-]+\.js(\.map)?$/;

/** Loader: injects the content-hashed bundle next to itself and tells it where the API is (its own origin). */
export function loaderScript(bundle: string | null): string {
  if (!bundle) return '/* Socium widget: bundle not built */\n';
  return `(function(){try{if(window.customElements&&customElements.get("socium-widget"))return;var c=document.currentScript,u=new URL(${JSON.stringify('widget/' + bundle)},c&&c.src?c.src:location.href),s=document.createElement("script");s.src=u.href;s.async=true;s.setAttribute("data-api-base",u.origin);(document.head||document.documentElement).appendChild(s)}catch(e){}})();\n`;
}

/** The anonymous pages: JSON, iCalendar, HTML export, the iframe page, the loader, the bundle and the demo. */
@Injectable()
export class PublicPagesService {
  constructor(
    private readonly publication: PublicationService,
    private readonly limiter: PublicRateLimitService,
    private readonly cache: PublicCacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async json(req: Request, res: Response, slug: string): Promise<void> {
    await this.send(req, res, publicPageKey('json', slug, 'ru'), async () => {
      const { page, dependsOn } = await this.publication.organisationPage(slug);
      return { body: JSON.stringify(page), contentType: 'application/json; charset=utf-8', dependsOn };
    });
  }

  async ics(req: Request, res: Response, slug: string): Promise<void> {
    await this.send(req, res, publicPageKey('ics', slug, 'ru'), async () => {
      const { org, events, dependsOn } = await this.publication.feed(slug);
      return {
        dependsOn,
        body: renderIcs(org.shortName || org.name, events),
        contentType: 'text/calendar; charset=utf-8',
        headers: { 'Content-Disposition': `inline; filename="${org.slug}.ics"` },
      };
    });
  }

  async exportHtml(req: Request, res: Response, slug: string): Promise<void> {
    const lang = pickLang(req.query['lang']);
    await this.send(req, res, publicPageKey('export', slug, lang), async () => {
      const { page, dependsOn } = await this.publication.organisationPage(slug);
      const link = `${this.config.publicUrl ?? ''}/embed/${encodeURIComponent(page.slug)}`;
      return { body: renderFragment(page, lang, link) + '\n', contentType: 'text/html; charset=utf-8', dependsOn };
    });
  }

  async embed(req: Request, res: Response, slug: string): Promise<void> {
    const lang = pickLang(req.query['lang']);
    await this.send(req, res, publicPageKey('embed', slug, lang), async () => {
      const { page, dependsOn } = await this.publication.organisationPage(slug);
      return { body: renderEmbedPage(page, lang), contentType: 'text/html; charset=utf-8', dependsOn };
    });
  }

  /** Every public page: the client's limit first, then the answer from the cache (built when missing). */
  private async send(req: Request, res: Response, key: string, build: () => Promise<PublicBuild>): Promise<void> {
    await this.limiter.check(req);
    sendPublic(req, res, await this.cache.answer(key, build));
  }

  demo(req: Request, res: Response): void {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .send(renderDemoPage(pickLang(req.query['lang'])));
  }

  loader(res: Response): void {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.status(200).type('application/javascript; charset=utf-8').send(loaderScript(bundleName()));
  }

  bundle(req: Request, res: Response, file: string): void {
    const path = join(WIDGET_DIR, file);
    if (!SAFE_FILE.test(file) || !existsSync(path) || !statSync(path).isFile()) throw notFound('widget file');
    const type = file.endsWith('.map') ? 'application/json; charset=utf-8' : 'application/javascript; charset=utf-8';
    sendBuiltFile(req, res, path, type, 'public, max-age=31536000, immutable');
  }
}

/** The content-hashed bundle named by the build manifest, or null when the widget is not built. */
export function bundleName(): string | null {
  try {
    const m = JSON.parse(readFileSync(join(WIDGET_DIR, 'manifest.json'), 'utf8')) as { file?: unknown };
    return typeof m.file === 'string' && SAFE_FILE.test(m.file) && existsSync(join(WIDGET_DIR, m.file)) ? m.file : null;
  } catch {
    return null;
  }
}
