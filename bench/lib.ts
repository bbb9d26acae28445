// Small helpers shared by the benchmarks: medians, peak memory, a printed table.
import { performance } from 'node:perf_hooks';
import type { Stages } from '../src/infographics/jobs.ts';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs `fn` `runs` times after `warmup` untimed runs; returns the median in ms. */
export async function timeMedian(fn: () => unknown | Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function printTable(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const cell = (v: string | number) => (typeof v === 'number' ? v.toFixed(v < 10 ? 2 : 0) : v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r[c] ?? '')).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(line(cols));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(cell(r[c] ?? '')))));
}

export const mib = (bytes: number) => bytes / 2 ** 20;

/** Median of each stage over several renders of one card (src/infographics/jobs.ts Stages). */
export function stageMedians(stages: Stages[]): Stages {
  const m = (k: keyof Stages) => median(stages.map((s) => s[k]));
  return { layouts: m('layouts'), layoutMs: m('layoutMs'), masks: m('masks'), rasterMs: m('rasterMs'), textMs: m('textMs'), encodeMs: m('encodeMs'), pngBytes: m('pngBytes'), thumbnailMs: m('thumbnailMs') };
}

/** One line of a card's stages: where its time goes. */
export function stageLine(s: Stages): string {
  const text = s.masks ? 'text from glyph masks' : 'text as outlines (Satori, the fallback)';
  return `${s.layouts} layout(s) (Satori, text shaped, overflow check) ${s.layoutMs.toFixed(1)} ms · boxes (resvg) ${s.rasterMs.toFixed(1)} ms · ` +
    `${text} ${s.textMs.toFixed(1)} ms · PNG encode ${s.encodeMs.toFixed(1)} ms, ${(s.pngBytes / 1024).toFixed(0)} KiB`;
}
