// Every template renders for the seed and for SYNTHETIC fixtures (fixtures.ts): size, not blank, nothing outside
// the canvas; golden images per template (UPDATE_GOLDEN=1 to rewrite them on purpose); same input → same bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { col, h } from '../../src/infographics/h.ts';
import { listJobs, renderJob, renderMany, type Job } from '../../src/infographics/index.ts';
import { layOut } from '../../src/infographics/render.ts';
import type { Model } from '../../src/model/types.ts';
import { templates } from '../../templates/infographics/index.ts';
import { overviewData } from '../../src/infographics/data.ts';
import type { El } from '../../src/infographics/h.ts';
import { loadPlans } from '../../src/pipeline.ts';
import { formatter } from '../../src/views/format.ts';
import { extremes, root, seedModel, withReports } from './fixtures.ts';

const fixtures: Record<string, () => Model> = { seed: seedModel, reports: withReports, extremes };
const models = Object.fromEntries(Object.entries(fixtures).map(([k, f]) => [k, f()])) as Record<string, Model>;

function decode(png: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(png));
}

/** Share of pixels that differ from the top-left pixel's colour: a blank card is ~0. */
function inkShare(img: PNG): number {
  const d = img.data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i]! - 255) + Math.abs(d[i + 1]! - 255) + Math.abs(d[i + 2]! - 255) > 30) ink++;
  }
  return ink / (img.width * img.height);
}

describe('overflow detector', () => {
  it('reports a box that reaches past the canvas', async () => {
    const el = col({ width: 400, height: 200, fontFamily: 'Sarabun', fontSize: 30 },
      h('div', { style: { height: 180, flexShrink: 0 } }), h('div', { style: { flexShrink: 0 } }, 'ข้อความที่ล้นขอบล่าง'));
    const { outside } = await layOut(el, 400, 200);
    expect(outside.some((n) => n.text?.includes('ล้น'))).toBe(true);
  });
  it('reports an unbreakable line wider than the canvas', async () => {
    const el = col({ width: 300, height: 200, fontFamily: 'Sarabun', fontSize: 30 },
      h('div', { style: { display: 'block', whiteSpace: 'nowrap' } }, 'ข้อความยาวมากที่ไม่ขึ้นบรรทัดใหม่เลย'));
    const { outside } = await layOut(el, 300, 200);
    expect(outside.length).toBeGreaterThan(0);
  });
});

for (const [name, model] of Object.entries(models)) {
  describe(`every card renders: ${name}`, () => {
    const jobs = listJobs(model);
    it.each(jobs.map((j) => [j.out, j] as const))('%s', async (_out, job: Job) => {
      const r = await renderJob(model, job, templates);
      const img = decode(r.png);
      const [w, hgt] = job.kind.startsWith('og') ? [1200, 630] : [1080, 1350];
      expect([img.width, img.height]).toEqual([w, hgt]);
      expect(inkShare(img)).toBeGreaterThan(0.05);
      expect(r.outside, `outside the canvas at fit ${r.fit}`).toEqual([]);
      expect(r.texts.length).toBeGreaterThan(3);
    });
  });
}

describe('fixtures with gaps and extremes', () => {
  const m = models.extremes!;
  const card = (key: string) => renderJob(m, listJobs(m).find((j) => j.kind === 'month' && j.key === key)!, templates);
  it('40 activities in one month: first N and "และอีก K"', async () => {
    const r = await card('2561-03');
    const more = r.texts.map((t) => t.text ?? '').find((t) => t.replaceAll('\u200B', '').startsWith('และอีก') && t.includes('กิจกรรม'));
    expect(more).toBeDefined();
  });
  it('a month with no project says so', async () => {
    const r = await card('2560-10');
    expect(r.texts.some((t) => t.text?.replaceAll('\u200B', '').includes('ไม่มีโครงการ'))).toBe(true);
  });
  it('the 300-character name stays inside its lines (clamped with an ellipsis)', async () => {
    const r = await renderJob(m, listJobs(m).find((j) => j.kind === 'project' && j.key === 'synthetic-forty')!, templates);
    const name = r.texts.find((t) => (t.text ?? '').replaceAll('\u200B', '').startsWith('โครงการพัฒนาระบบสารสนเทศ') && t.height > 60)!;
    expect(name).toBeDefined();
    expect(name.height).toBeLessThanOrEqual(3 * 44 * 1.4 + 2);
    expect(r.outside).toEqual([]);
  });
  it('planned data is labelled แผน where no report exists', async () => {
    const r = await renderJob(models.seed!, listJobs(models.seed!).find((j) => j.key === '2561-02')!, templates);
    expect(r.texts.some((t) => t.text === 'แผน')).toBe(true);
  });
});

describe('determinism', () => {
  it('same input, same bytes: twice on this thread and once in a worker', async () => {
    const m = models.reports!;
    const jobs = listJobs(m).filter((j) => j.key === '2561-03' || j.kind === 'overview' || j.kind === 'ogPlan');
    const a = await Promise.all(jobs.map((j) => renderJob(m, j, templates)));
    const b = await Promise.all(jobs.map((j) => renderJob(m, j, templates)));
    const c = await renderMany(m, jobs, { workers: 2, templates: new URL('../../templates/infographics/index.ts', import.meta.url) });
    for (let i = 0; i < jobs.length; i++) {
      expect(Buffer.compare(a[i]!.png, b[i]!.png), jobs[i]!.out).toBe(0);
      expect(Buffer.compare(a[i]!.png, Buffer.from(c[i]!.png)), jobs[i]!.out).toBe(0);
    }
  });
});

// One golden image per template (and the extreme month). Tolerance: per-pixel threshold 0.1 (pixelmatch) and at most
// 0.2 % of the pixels different, so a font hinting change passes and a moved block fails.
const GOLDEN: Array<[string, string, (j: Job) => boolean]> = [
  ['month-seed-2561-02', 'seed', (j) => j.kind === 'month' && j.key === '2561-02'],
  ['month-empty-2560-10', 'seed', (j) => j.kind === 'month' && j.key === '2560-10'],
  ['month-reports-2561-03', 'reports', (j) => j.kind === 'month' && j.key === '2561-03'],
  ['month-extremes-2561-03', 'extremes', (j) => j.kind === 'month' && j.key === '2561-03'],
  ['overview-seed', 'seed', (j) => j.kind === 'overview'],
  ['project-seed-digital-plan', 'seed', (j) => j.kind === 'project' && j.key === 'digital-plan'],
  ['project-extremes-forty', 'extremes', (j) => j.kind === 'project' && j.key === 'synthetic-forty'],
  ['og-home', 'seed', (j) => j.kind === 'ogHome'],
  ['og-plan', 'seed', (j) => j.kind === 'ogPlan'],
  ['og-project-seed-digital-plan', 'seed', (j) => j.kind === 'ogProject' && j.key === 'digital-plan'],
];
const goldenDir = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden images', () => {
  it.each(GOLDEN)('%s', async (name, fixture, pick) => {
    const m = models[fixture]!;
    const r = await renderJob(m, listJobs(m).find(pick)!, templates);
    const file = join(goldenDir, `${name}.png`);
    if (update || !existsSync(file)) {
      if (!update) throw new Error(`no golden image ${file}: run UPDATE_GOLDEN=1 npx vitest run tests/infographics`);
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, r.png);
      return;
    }
    const want = decode(readFileSync(file));
    const got = decode(r.png);
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    const diff = new PNG({ width: want.width, height: want.height });
    const n = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 });
    if (n / (want.width * want.height) > 0.002) {
      mkdirSync(join(root, 'tmp'), { recursive: true });
      writeFileSync(join(root, 'tmp', `golden-diff-${name}.png`), PNG.sync.write(diff));
      writeFileSync(join(root, 'tmp', `golden-actual-${name}.png`), r.png);
    }
    expect(n / (want.width * want.height), `${n} pixels differ; see tmp/golden-diff-${name}.png`).toBeLessThanOrEqual(0.002);
  });
});

describe('the overview card\'s ring', () => {
  /** The coloured arcs of the card's donut (its SVG's dashed circles) and every text of the card. */
  const ringOf = (model: Model) => {
    const plan = model.plans.at(-1)!;
    const org = model.organisation;
    const c = { model, organisation: org, theme: templates.theme(org), logo: undefined, fmt: formatter(org) };
    const el = templates.overview.render(overviewData(plan), c, 0) as El;
    const all: El[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object' && 'props' in x) { all.push(x as El); walk((x as El).props.children); }
    };
    walk(el);
    const svg = all.map((e) => e.props.src).find((s): s is string => typeof s === 'string' && s.startsWith('data:image/svg+xml'))!;
    const arcs = Buffer.from(svg.split(',')[1]!, 'base64').toString().match(/stroke-dasharray/g)?.length ?? 0;
    const texts = all.flatMap((e) => (typeof e.props.children === 'string' ? [e.props.children] : []));
    return { plan, arcs, texts };
  };

  it('is one arc a strategy when the strategies part the budget (the seed: 92 % + 8 %)', () => {
    const { plan, arcs, texts } = ringOf(seedModel());
    expect(plan.totals.byStrategy.reduce((a, g) => a + g.share, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(arcs).toBe(plan.totals.byStrategy.filter((g) => g.share > 0).length);
    expect(texts.join(' ')).not.toContain('ร้อยละจึงรวมกันเกิน 100');
  });

  it('holds the total alone, and says why, when a project counts in two strategies (the demo: 101.7 %)', () => {
    const { plan, arcs, texts } = ringOf(loadPlans(join(root, 'examples', 'demo'), root).model!);
    expect(plan.totals.byStrategy.reduce((a, g) => a + g.share, 0)).toBeGreaterThan(1);
    expect(arcs).toBe(1);
    expect(texts.join(' ')).toContain('โครงการที่สอดคล้องหลายยุทธศาสตร์นับในทุกยุทธศาสตร์ ร้อยละจึงรวมกันเกิน 100');
  });
});
