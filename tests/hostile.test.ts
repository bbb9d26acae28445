// Hostile content through the PDF and PNG renderers: rendered as text, nothing cut by the canvas, no crash.
// (The website's side — no script runs, no javascript: links — is tested in tests/e2e.)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBook } from '../src/book/render.ts';
import { listJobs, renderJob } from '../src/infographics/index.ts';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { type Model } from '../src/model/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { templates } from '../templates/infographics/index.ts';
import { hostileContent } from './helpers/hostile.ts';

let c: ReturnType<typeof hostileContent>;
let model: Model;

beforeAll(() => {
  c = hostileContent();
  const r = loadPlans(c.content, c.root);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  model = r.model!;
});
afterAll(() => c.cleanup());

describe('hostile content', () => {
  it('is kept as plain text in the model', () => {
    const p = model.plans[0]!.projects.find((x) => x.id === 'antivirus')!;
    expect(p.name).toContain('<');
    expect(model.plans[0]!.projects.find((x) => x.id === 'digital-plan')!.name.length).toBe(300);
  });

  it('prints in the PDF as text', async () => {
    const { bytes } = await renderBook(model, model.plans[0]!);
    const f = join(c.root, 'hostile.pdf');
    writeFileSync(f, bytes);
    const text = execFileSync('pdftotext', ['-raw', f, '-'], { encoding: 'utf8', maxBuffer: 1e8 }).replace(/\s+/g, '');
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('{{7*7}}');
    expect(execFileSync('qpdf', ['--check', f], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('draws every infographic inside its canvas', async () => {
    const jobs = listJobs(model).filter((j) => ['month', 'project', 'overview', 'ogProject'].includes(j.kind)).filter((j, i) => i % 3 === 0 || j.key === 'digital-plan' || j.key === '2561-02');
    for (const job of jobs) {
      const r = await renderJob(model, job, templates);
      expect(r.outside, job.out).toEqual([]);
      expect(r.png.length).toBeGreaterThan(1000);
    }
  });
});
