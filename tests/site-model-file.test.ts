// The model `npm run build` hands to the content loader inside Astro (PLAN_MODEL_FILE, src/site/entry.ts):
// it comes back as the same data, and the pages are made from it, not from a second load of the YAML.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlans } from '../src/pipeline.ts';
import { paths } from '../src/paths.ts';
import { readModelFile, waitForModelFile, writeModelFile } from '../src/site/entry.ts';
import { ROOT } from './helpers/content-copy.ts';

const work = mkdtempSync(join(tmpdir(), 'model-file-'));
// Astro writes inside the project (its prerender chunks import packages from node_modules).
const out = join(ROOT, '.astro', `out-${process.pid}-model-file`);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const demo = join(ROOT, 'examples', 'demo');
const loaded = () => {
  const { model, diagnostics } = loadPlans(demo, undefined, { relativeTo: ROOT });
  if (!model) throw new Error('examples/demo has errors');
  return { model, diagnostics };
};

describe('the model handed over to the site build', () => {
  it('reads back as the same data, with objects shared between places still shared', () => {
    const before = loaded();
    const file = join(work, 'model');
    writeModelFile(file, before);
    const after = readModelFile(file);
    expect(after).toEqual(before);
    // A project's owner is one of the organisation's units, the same object, as the content store keeps it.
    const owned = (m: typeof before.model) => m.plans[0]!.projects.find((p) => p.owner)!.owner!;
    expect(before.model.organisation.units).toContain(owned(before.model));
    expect(after.model.organisation.units).toContain(owned(after.model));
  });

  it('is what the pages show: the YAML is not loaded again', () => {
    const handed = loaded();
    const plan = handed.model.plans[0]!;
    const project = plan.projects[0]!;
    // A name no YAML file has: only the handed-over model can put it on the page.
    project.name = 'โครงการจากแบบจำลองที่ส่งต่อ';
    const file = join(work, 'model-renamed');
    writeModelFile(file, handed);
    mkdirSync(out, { recursive: true });
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'TEST'].includes(k) && !k.startsWith('VITEST_')));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...env, PLAN_CONTENT: demo, PLAN_OUT_DIR: out, PLAN_MODEL_FILE: file,
        PLAN_CACHE_DIR: join(work, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: '1506816000',
      },
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const html = readFileSync(join(out, paths.project(plan, project), 'index.html'), 'utf8');
    expect(html).toContain('<title>โครงการจากแบบจำลองที่ส่งต่อ');
  }, 180_000);
  it('is waited for until the build writes it whole, and not for ever', async () => {
    const file = join(work, 'later.model');
    const waiting = waitForModelFile(file);
    setTimeout(() => writeModelFile(file, loaded()), 100);
    expect((await waiting).model.plans.length).toBeGreaterThan(0);
    await expect(waitForModelFile(join(work, 'never.model'), 200)).rejects.toThrow(/not written within/);
  });
});
