// The render pool: tasks run in worker threads that keep the model and their imported modules between tasks
// and between the kinds of one run, results come back by index, and a PDF is the same bytes whichever thread
// (or none) made it.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Model } from '../model/types.ts';
import { loadPlans } from '../pipeline.ts';
import { outputKinds, runKinds } from './index.ts';
import { RenderPool } from './pool.ts';

const root = join(import.meta.dirname, '..', '..');
const tasks = new URL('../../tests/helpers/pool-tasks.ts', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'pool-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function load(dir: string): Model {
  const { model } = loadPlans(join(root, dir), root);
  if (!model) throw new Error(`${dir} does not load`);
  return model;
}

type Who = { thread: number; calls: number; n: number; plans: number };

async function run(pool: RenderPool, n: number, offset = 0): Promise<Who[]> {
  const out: Who[] = [];
  await pool.run(tasks, 'whoAmI', Array.from({ length: n }, (_, i) => ({ n: offset + i })), (i, bytes) => {
    expect(out[i]).toBeUndefined();
    out[i] = JSON.parse(new TextDecoder().decode(bytes)) as Who;
  });
  return out;
}

describe('render pool', () => {
  const model = load('content');

  it('runs each task once in its workers, each result by its index, and keeps the workers for the next run', async () => {
    const pool = new RenderPool(model, 2);
    try {
      const first = await run(pool, 12);
      expect(first.map((w) => w.n)).toEqual([...Array(12).keys()]);
      expect(first.every((w) => w.plans === model.plans.length)).toBe(true);
      const threads = new Set(first.map((w) => w.thread));
      expect(threads.size).toBeLessThanOrEqual(2);
      expect(threads.has(0)).toBe(false);
      // The second run (another kind, in a build) is served by the same workers, whose module kept counting.
      const second = await run(pool, 6, 12);
      expect(second.map((w) => w.n)).toEqual([12, 13, 14, 15, 16, 17]);
      expect(new Set([...threads, ...second.map((w) => w.thread)]).size).toBe(threads.size);
      const last = new Map<number, number>();
      for (const w of [...first, ...second]) last.set(w.thread, Math.max(last.get(w.thread) ?? 0, w.calls));
      expect([...last.values()].reduce((a, b) => a + b, 0)).toBe(18);
    } finally {
      await pool.close();
    }
    await expect(run(pool, 1)).rejects.toThrow(/closed/);
  });

  it('runs on this thread, in order, with no workers', async () => {
    const pool = new RenderPool(model, 0);
    const done = await run(pool, 3);
    expect(done.map((w) => [w.thread, w.n])).toEqual([[0, 0], [0, 1], [0, 2]]);
  });

  it("fails a run with its task's error, and serves the next run", async () => {
    const pool = new RenderPool(model, 2);
    try {
      await expect(pool.run(tasks, 'failing', [{ n: 1 }, { n: 2 }, { n: 3 }], () => {})).rejects.toThrow(/^งานที่ \d ล้มเหลว$/);
      expect((await run(pool, 4)).map((w) => w.n)).toEqual([0, 1, 2, 3]);
    } finally {
      await pool.close();
    }
  });

  it('fails a run whose caller cannot take a result (a full disk), and serves the next run', async () => {
    const pool = new RenderPool(model, 2);
    try {
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      await expect(pool.run(tasks, 'whoAmI', [{ n: 1 }, { n: 2 }, { n: 3 }], () => { throw full; })).rejects.toBe(full);
      expect((await run(pool, 2)).map((w) => w.n)).toEqual([0, 1]);
    } finally {
      await pool.close();
    }
  });

  it('does a task again on this thread when its worker runs out of memory, and goes on in the workers', async () => {
    const pool = new RenderPool(model, 2, { heapMb: 32 });
    try {
      const out: Array<{ thread: number; held: number }> = [];
      await pool.run(tasks, 'hog', [{ mb: 1 }, { mb: 160 }, { mb: 1 }], (i, bytes) => { out[i] = JSON.parse(new TextDecoder().decode(bytes)); });
      expect(out.map((o) => o.held)).toEqual([8, 1280, 8]);
      expect(out[1]!.thread).toBe(0);
      expect(out[0]!.thread).not.toBe(0);
      expect((await run(pool, 4)).every((w) => w.thread !== 0)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  // The demo: books, sheets and reports of two plans; workers take the jobs in whatever order they finish.
  it('makes every PDF the same bytes in two workers and on this thread', async () => {
    const demo = load('examples/demo');
    const kinds = outputKinds.filter((k) => k.ext === 'pdf');
    const made = async (workers: number) => {
      const out = join(work, `w${workers}`);
      const files = (await runKinds(kinds, demo, out, { workers })).flatMap((r) => r.files);
      return new Map(files.map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
    };
    const inline = await made(0);
    expect(inline.size).toBeGreaterThan(10);
    expect(await made(2)).toEqual(inline);
  });
});
