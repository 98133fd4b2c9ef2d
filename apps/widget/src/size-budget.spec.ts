import { RU_LABELS } from '@socium/domain/labels';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 15 * 1024;

describe('the widget bundle', () => {
  it('builds to one content-hashed file within the gzip budget of 15 KB, without zod or labels it does not show', () => {
    const out = mkdtempSync(join(tmpdir(), 'socium-widget-'));
    try {
      execFileSync(process.execPath, [resolve(__dirname, '../build.mjs'), '--outdir', out], { stdio: 'pipe' });
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
        file: string;
        gzipBytes: number;
      };
      expect(manifest.file).toMatch(/^socium-widget\.[0-9a-f]{12}\.js$/);
      const code = readFileSync(join(out, manifest.file));
      const gz = gzipSync(code, { level: 9 }).length;
      expect(gz).toBe(manifest.gzipBytes);
      expect(gz).toBeLessThanOrEqual(BUDGET);
      expect(code.toString('utf8')).not.toMatch(/\bzod\b|ZodError/);
      expect(code.toString('utf8')).toContain(RU_LABELS.activityForm.professional_trial);
      expect(code.toString('utf8')).not.toContain(RU_LABELS.agreementStatus.terminated);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
