// The output registry: a kind is one entry, job paths are the paths of src/paths.ts, code versions follow
// the import graph, cache keys follow the declared inputs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Model } from '../model/index.ts';
import { loadPlans } from '../pipeline.ts';
import { paths } from '../paths.ts';
import { hashKey } from './cache.ts';
import { kindVersion, outputKinds, renderPath, runKind, runKinds, type OutputKind } from './index.ts';
import { codeVersion, moduleGraph } from './version.ts';

const root = join(import.meta.dirname, '..', '..');
// Link previews follow SITE_URL (tested below, with it set and not); the other tests see none from outside.
delete process.env.SITE_URL;
const work = mkdtempSync(join(tmpdir(), 'registry-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function seed(): Model {
  const { model } = loadPlans(join(root, 'content'), root);
  if (!model) throw new Error('seed content does not load');
  return model;
}

const kind = (name: string) => outputKinds.find((k) => k.name === name)!;
const keys = (model: Model, k: OutputKind) => new Map(k.jobs(model).map((j) => [j.path, hashKey(kindVersion(k), j.inputs)]));

describe('output registry', () => {
  // The seed has no site.url (no link previews), the demo has one.
  it.each([['content', false], ['examples/demo', true]] as const)('lists every file beside the pages at the paths of src/paths.ts, each once (%s)', (dir, previews) => {
    const m = loadPlans(join(root, dir), root).model!;
    expect(Boolean(m.organisation.siteUrl)).toBe(previews);
    const expected: string[] = previews ? [paths.ogHome()] : [];
    for (const plan of m.plans) {
      const quarterly = plan.reports.filter((r) => r.kind === 'quarter').map((r) => paths.reportCard(plan, r.id));
      const cards = [...plan.months.map((mo) => paths.monthCard(plan, mo.key)), paths.overviewCard(plan), ...quarterly, ...plan.projects.map((p) => paths.projectCard(plan, p))];
      expected.push(...cards, ...cards.map(paths.thumbnail), paths.planPdf(plan));
      if (previews) expected.push(paths.ogPlan(plan));
      for (const p of plan.projects) expected.push(...(previews ? [paths.ogProject(plan, p)] : []), paths.projectPdf(plan, p));
      for (const r of plan.reports) expected.push(paths.reportPdf(plan, r.id));
      const tables = ['action-plan', 'budget-by-strategy', 'budget-by-priority', 'schedule', 'kpis', ...(plan.reports.length ? ['progress'] : [])];
      expected.push(paths.dataWorkbook(plan), ...tables.map((t) => paths.dataCsv(plan, t)), paths.dataJson(plan), paths.dataSchema(plan), paths.planCalendar(plan));
      // a calendar only for a project with something scheduled (an empty one would be no calendar)
      for (const p of plan.projects) if (p.activeMonthIndexes.length > 0) expected.push(paths.projectCalendar(plan, p));
    }
    const listed = outputKinds.flatMap((k) => k.jobs(m).map((j) => j.path));
    expect(listed.sort()).toEqual(expected.sort());
    expect(paths.thumbnail('plans/2561/infographics/2560-10.png')).toBe('plans/2561/infographics/thumbs/2560-10.png');
  });

  it('makes the link previews when SITE_URL gives the site an absolute address', () => {
    const m = seed();
    const og = () => kind('cards').jobs(m).filter((j) => j.path.includes('/og/') || j.path.startsWith('og/')).length;
    const before = process.env.SITE_URL;
    try {
      delete process.env.SITE_URL;
      expect(og()).toBe(0);
      process.env.SITE_URL = 'http://intranet.example.go.th';
      expect(og()).toBe(1 + m.plans.reduce((n, p) => n + 1 + p.projects.length, 0)); // home, each plan, each project
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
  });

  it('runs a new kind from its one entry, and reuses its cached files', async () => {
    const m = seed();
    let rendered = 0;
    const notes: OutputKind<{ title: string }> = {
      name: 'notes',
      title: 'notes',
      ext: 'txt',
      modules: [new URL(import.meta.url)],
      jobs: (model) => model.plans.map((plan) => ({ path: `${paths.plan(plan)}notes.txt`, inputs: { title: plan.title }, spec: { title: plan.title } })),
      async render(_model, jobs, ctx) {
        for (const j of jobs) { rendered++; ctx.emit(j, new TextEncoder().encode(j.spec.title)); }
      },
    };
    const out = join(work, 'out');
    const cacheDir = join(work, 'cache');
    const [first] = await runKinds([notes], m, out, { cacheDir });
    expect(first).toMatchObject({ name: 'notes', files: ['plans/2561/notes.txt'], made: 1, reused: 0 });
    expect(readFileSync(join(out, 'plans/2561/notes.txt'), 'utf8')).toBe(m.plans[0]!.title);
    rmSync(out, { recursive: true });
    const [second] = await runKinds([notes], m, out, { cacheDir });
    expect(second).toMatchObject({ made: 0, reused: 1 });
    expect(rendered).toBe(1);
    expect(readFileSync(join(out, 'plans/2561/notes.txt'), 'utf8')).toBe(m.plans[0]!.title);
    // A changed input renders again, and the stale entry is pruned.
    m.plans[0]!.title = 'แผนทดสอบ';
    const [third] = await runKinds([notes], m, out, { cacheDir });
    expect(third).toMatchObject({ made: 1, reused: 0 });
    expect(readdirSync(join(cacheDir, 'notes'))).toHaveLength(1);
  });

  it('places a reused file as a hard link to its cache entry, never written through by a later render', async () => {
    let renders = 0;
    const counter: OutputKind<null> = {
      name: 'counter', title: 'counter', ext: 'txt', modules: [new URL(import.meta.url)],
      jobs: () => [{ path: 'n/count.txt', inputs: 'same', spec: null }],
      async render(_model, jobs, ctx) {
        for (const j of jobs) ctx.emit(j, new TextEncoder().encode(String(++renders)));
      },
    };
    const out = join(work, 'linked');
    const cacheDir = join(work, 'cache-linked');
    await runKind(counter, seed(), join(work, 'linked-first'), { cacheDir });
    const [entry] = readdirSync(join(cacheDir, 'counter'));
    expect(await runKind(counter, seed(), out, { cacheDir })).toMatchObject({ made: 0, reused: 1 });
    expect(statSync(join(out, 'n/count.txt')).ino).toBe(statSync(join(cacheDir, 'counter', entry!)).ino);
    // Rendering into the same folder replaces the link: the cache entry keeps its bytes.
    expect(await runKind(counter, seed(), out)).toMatchObject({ made: 1 });
    expect(readFileSync(join(out, 'n/count.txt'), 'utf8')).toBe('2');
    expect(readFileSync(join(cacheDir, 'counter', entry!), 'utf8')).toBe('1');
  });

  it('fails a kind that leaves a job unrendered', async () => {
    const lazy: OutputKind = { name: 'lazy', title: 'lazy', ext: 'txt', modules: [], jobs: () => [{ path: 'a.txt', inputs: 1, spec: null }], render: async () => {} };
    await expect(runKind(lazy, seed(), join(work, 'lazy'))).rejects.toThrow(/not rendered: a\.txt/);
  });
});

describe('one output by its path (the dev server)', () => {
  const upper: OutputKind<null> = {
    name: 'upper', title: 'upper', ext: 'txt', modules: [],
    jobs: (model) => model.plans.map((plan) => ({ path: `${paths.plan(plan)}upper.txt`, inputs: plan.title, spec: null })),
    async render(_m, jobs, ctx) {
      for (const j of jobs) ctx.emit(j, new TextEncoder().encode(new TextDecoder().decode(await ctx.read(j.path.replace('upper', 'title'))).toUpperCase()));
    },
  };
  const title: OutputKind<string> = {
    name: 'title', title: 'title', ext: 'txt', modules: [],
    jobs: (model) => model.plans.map((plan) => ({ path: `${paths.plan(plan)}title.txt`, inputs: plan.title, spec: `Plan ${plan.id}` })),
    async render(_m, jobs, ctx) { for (const j of jobs) ctx.emit(j, new TextEncoder().encode(j.spec)); },
  };

  it('renders just that job, and what it reads, without writing', async () => {
    const m = seed();
    const bytes = await renderPath([title, upper], m, 'plans/2561/upper.txt');
    expect(new TextDecoder().decode(bytes)).toBe('PLAN 2561');
    expect(await renderPath([title, upper], m, 'plans/2561/none.txt')).toBeUndefined();
  });

  it('scripts/output.ts answers with the bytes the build writes', async () => {
    const m = seed();
    const sheets = kind('sheet');
    const out = join(work, 'sheets');
    await runKind(sheets, m, out);
    const path = paths.projectPdf(m.plans[0]!, m.plans[0]!.projects[0]!);
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'output.ts'), path], { env: { ...process.env, PLAN_OUTPUT_CACHE: join(work, 'dev-cache') } });
    expect(r.status, r.stderr.toString()).toBe(0);
    expect(Buffer.compare(r.stdout, readFileSync(join(out, path)))).toBe(0);
    expect(spawnSync(process.execPath, [join(root, 'scripts', 'output.ts'), 'plans/2561/none.pdf']).status).toBe(2);
  });
});

describe('code version', () => {
  it('changes with a module the entry imports, not with an unrelated one', () => {
    const dir = join(work, 'graph');
    mkdirSync(join(dir, 'lib'), { recursive: true });
    writeFileSync(join(dir, 'entry.ts'), "// import { x } from './commented.ts'\nimport { b } from './lib/b.ts';\nexport const worker = new URL('./w.ts', import.meta.url);\n");
    writeFileSync(join(dir, 'lib', 'b.ts'), "export type { T } from '../t.ts';\nexport const b = 1;\n");
    writeFileSync(join(dir, 't.ts'), 'export type T = 1;\n');
    writeFileSync(join(dir, 'w.ts'), "import 'node:fs';\n");
    writeFileSync(join(dir, 'unrelated.ts'), 'export const u = 1;\n');
    writeFileSync(join(dir, 'commented.ts'), 'export const x = 1;\n');
    const entry = join(dir, 'entry.ts');
    expect(moduleGraph([entry]).map((f) => f.slice(dir.length + 1))).toEqual(['entry.ts', 'lib/b.ts', 't.ts', 'w.ts']);
    const v0 = codeVersion([entry], { root: dir });
    writeFileSync(join(dir, 'unrelated.ts'), 'export const u = 2;\n');
    expect(codeVersion([entry], { root: dir })).toBe(v0);
    writeFileSync(join(dir, 't.ts'), 'export type T = 2;\n');
    expect(codeVersion([entry], { root: dir })).not.toBe(v0);
  });

  it('takes the templates into the images and not into the PDFs', () => {
    const rel = (k: OutputKind) => moduleGraph(k.modules).map((f) => f.slice(root.length + 1));
    expect(rel(kind('cards'))).toContain('templates/infographics/month.ts');
    expect(rel(kind('cards'))).toContain('src/infographics/worker.ts');
    expect(rel(kind('book'))).toContain('templates/book/theme.ts');
    expect(rel(kind('book')).some((f) => f.startsWith('templates/infographics') || f.startsWith('src/infographics'))).toBe(false);
    expect(rel(kind('sheet'))).toContain('src/pdf/render/writer.ts');
    // The image kinds share plan-meta.ts with the sheets and the PDF core's shaping and fonts (their text is
    // drawn from HarfBuzz's glyphs, so a shaping change re-makes them), not the PDF writer or the book.
    expect(rel(kind('cards'))).toContain('src/pdf/shape/shaper.ts');
    expect(rel(kind('cards')).some((f) => f.startsWith('src/book') || f.startsWith('src/pdf/render/') || f.startsWith('src/pdf/layout/'))).toBe(false);
  });
});

describe('cache keys from declared inputs', () => {
  /** The seed with its second project renamed, and which of a kind's outputs then have other cache keys. */
  const oneProjectRenamed = () => {
    const before = seed();
    const after = seed();
    const plan = after.plans[0]!;
    const changed = plan.projects[1]!;
    changed.name = `${changed.name} (แก้ไข)`;
    const differing = (k: OutputKind) => {
      const a = keys(before, k);
      const b = keys(after, k);
      return [...a.keys()].filter((p) => a.get(p) !== b.get(p));
    };
    return { plan, changed, differing };
  };

  it('a changed project changes its own sheet and its plan book, no other PDF', () => {
    const { plan, changed, differing } = oneProjectRenamed();
    expect(differing(kind('sheet'))).toEqual([paths.projectPdf(plan, changed)]);
    expect(differing(kind('book'))).toEqual([paths.planPdf(plan)]);
  });

  it('a changed project changes its own card and thumbnail and the plan-wide cards, no other project card', () => {
    const { plan, changed, differing } = oneProjectRenamed();
    const planWide = [...plan.months.map((m) => paths.monthCard(plan, m.key)), paths.overviewCard(plan), ...plan.reports.filter((r) => r.kind === 'quarter').map((r) => paths.reportCard(plan, r.id))];
    expect(differing(kind('cards')).sort()).toEqual([...planWide, paths.projectCard(plan, changed)].sort());
    expect(differing(kind('thumbnails')).sort()).toEqual([...planWide, paths.projectCard(plan, changed)].map(paths.thumbnail).sort());
  });

  it('a project card is the same whatever the other projects say (what its cache key claims)', async () => {
    const before = seed();
    const after = seed();
    const other = after.plans[0]!.projects[0]!;
    other.name = `${other.name} (แก้ไข)`;
    other.budget += 1000;
    const card = async (m: Model) => {
      const p = m.plans[0]!.projects[2]!;
      return (await renderPath(outputKinds, m, paths.projectCard(m.plans[0]!, p)))!;
    };
    expect(Buffer.compare(Buffer.from(await card(before)), Buffer.from(await card(after)))).toBe(0);
  });

  it('the logo and the date are inputs of the plan book', () => {
    const m = seed();
    const book = kind('book');
    const a = keys(m, book);
    const dated = (() => {
      const old = process.env.SOURCE_DATE_EPOCH;
      process.env.SOURCE_DATE_EPOCH = '1506816000';
      try { return keys(m, book); } finally { if (old === undefined) delete process.env.SOURCE_DATE_EPOCH; else process.env.SOURCE_DATE_EPOCH = old; }
    })();
    expect([...dated.values()]).not.toEqual([...a.values()]);
    // The same logo path with other bytes: only the logo's hash tells them apart.
    const logo = join(work, 'logo.png');
    writeFileSync(logo, 'one');
    m.organisation.branding.logoPath = logo;
    const one = keys(m, book);
    writeFileSync(logo, 'other');
    expect([...keys(m, book).values()]).not.toEqual([...one.values()]);
  });
});

describe("a kind's notes", () => {
  it('hands a kind what it noted about a file when it last made it, kept beside the cache for the jobs it still has', async () => {
    const cacheDir = mkdtempSync(join(work, 'notes-'));
    const seen: unknown[] = [];
    let paths = ['a.txt', 'b.txt'];
    let made = 0;
    const k: OutputKind = {
      name: 'noting', title: 'noting', ext: 'txt', modules: [],
      // A new input each run, so every file is made again and can read its note.
      jobs: () => paths.map((path) => ({ path, inputs: [path, made], spec: null })),
      async render(_m, jobs, ctx) {
        for (const j of jobs) {
          seen.push([j.path, ctx.noted(j.path)]);
          ctx.note(j.path, made);
          ctx.emit(j, new TextEncoder().encode(j.path));
        }
      },
    };
    const m = seed();
    await runKind(k, m, mkdtempSync(join(work, 'out-')), { cacheDir, workers: 0 });
    made++;
    paths = ['a.txt'];
    await runKind(k, m, mkdtempSync(join(work, 'out-')), { cacheDir, workers: 0 });
    expect(seen).toEqual([['a.txt', undefined], ['b.txt', undefined], ['a.txt', 0]]);
    expect(JSON.parse(readFileSync(join(cacheDir, 'noting.notes.json'), 'utf8'))).toEqual({ 'a.txt': 1 });
  });
});
