// Issue 11: no line of the seed book or of a card ends inside a dictionary compound (src/thai/compounds.ts), but
// one wider than its line, and that between its words.
// Book: the laid-out pages' text items, line by line. Cards: Satori's own layout of the card (its text runs with
// their positions, from an SVG made without embedded glyphs), line by line.
import { join } from 'node:path';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { renderBook } from '../src/book/render.ts';
import { loadFonts } from '../src/infographics/fonts.ts';
import { jobElement, listJobs, renderJob } from '../src/infographics/index.ts';
import { prepareTree } from '../src/infographics/render.ts';
import type { Model } from '../src/model/types.ts';
import { loadPlans } from '../src/pipeline.ts';
import { compoundInnerBreaks, compoundRanges, ZWSP } from '../src/thai/breaks.ts';
import { templates } from '../templates/infographics/index.ts';
import { extremes, withReports } from './infographics/fixtures.ts';

const ROOT = join(import.meta.dirname, '..');

interface TextLine { y: number; x: number; text: string }

/** Each wrap (a line followed by the next line of the same block) that cuts a compound: "…end|start…". */
function cutCompounds<L extends TextLine>(lines: L[], sameBlock: (a: L, b: L) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (!sameBlock(a, b)) continue;
    const head = a.text.replaceAll(ZWSP, '').trimEnd();
    const joined = head + b.text.replaceAll(ZWSP, '').trimStart();
    for (const [s, e] of compoundRanges(joined)) {
      if (s >= head.length || head.length >= e) continue;
      // A compound that starts its line and is still cut is wider than the line (the layout splits a piece only at
      // a line start): it may be cut, but between its words.
      if (s === 0 && compoundInnerBreaks(joined).includes(head.length)) continue;
      out.push(`${head.slice(-12)}|${b.text.replaceAll(ZWSP, '').slice(0, 12)}`);
    }
  }
  return out;
}

describe('the seed book', () => {
  it('no line ends inside a dictionary compound', async () => {
    const model = loadPlans(join(ROOT, 'content'), ROOT).model!;
    const { layout } = await renderBook(model, model.plans[0]!, { date: new Date(Date.UTC(2017, 9, 1)) });
    const cuts: string[] = [];
    let wraps = 0;
    for (const [n, page] of layout.pages.entries()) {
      // consecutive text items on one baseline are one line (fragments of its runs), in drawing order
      const lines: Array<TextLine & { size: number }> = [];
      for (const item of page.items) {
        if (item.kind !== 'text') continue;
        const last = lines.at(-1);
        if (last && Math.abs(last.y - item.y) < 0.5) last.text += item.shaped.text;
        else lines.push({ y: item.y, x: item.x, text: item.shaped.text, size: item.size });
      }
      const next = (a: TextLine & { size: number }, b: TextLine) => b.y > a.y && b.y - a.y < 2.2 * a.size;
      wraps += lines.filter((l, i) => i + 1 < lines.length && next(l, lines[i + 1]!)).length;
      cuts.push(...cutCompounds(lines, next).map((c) => `page ${n + 1}: ${c}`));
    }
    expect(wraps).toBeGreaterThan(300);
    expect(cuts).toEqual([]);
  }, 120_000);
});

/** Satori's lines of a card at the level renderJob chose: text runs on one y, in order. */
async function cardLines(model: Model, job: ReturnType<typeof listJobs>[number]): Promise<TextLine[]> {
  const { fit } = await renderJob(model, job, templates);
  const { el, width, height } = jobElement(model, job, templates, fit);
  const svg = await satori(prepareTree(el) as never, { width, height, fonts: loadFonts(), embedFont: false });
  const lines: TextLine[] = [];
  for (const m of svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    const text = m[3]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const last = lines.at(-1);
    if (last && last.y === y && x >= last.x) last.text += text;
    else lines.push({ x, y, text });
  }
  return lines;
}

describe('the cards', () => {
  for (const [name, model] of [['reports', withReports()], ['extremes', extremes()]] as const) {
    it(`no line ends inside a dictionary compound: ${name}`, async () => {
      const cuts: string[] = [];
      let wraps = 0;
      for (const job of listJobs(model)) {
        const lines = await cardLines(model, job);
        // wrapped: the next run starts further down and back at (or left of) the line's start
        const wrapped = (a: TextLine, b: TextLine) => b.y > a.y && b.x <= a.x + 0.5;
        wraps += lines.filter((l, i) => i + 1 < lines.length && wrapped(l, lines[i + 1]!)).length;
        cuts.push(...cutCompounds(lines, wrapped).map((c) => `${job.out}: ${c}`));
      }
      expect(wraps).toBeGreaterThan(20);
      expect(cuts).toEqual([]);
    }, 300_000);
  }
});
