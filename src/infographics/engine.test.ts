import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../pipeline.ts';
import { listJobs, renderJob } from './jobs.ts';
import { templates } from '../../templates/infographics/index.ts';
import { PNG } from 'pngjs';
import { h } from './h.ts';
import { layOut, renderElement } from './render.ts';
import { text } from '../../templates/infographics/parts.ts';
import { thaiBreaks, truncate, ZWSP } from './text.ts';

const root = join(import.meta.dirname, '..', '..');

describe('thai text', () => {
  it('puts U+200B between Thai words only', () => {
    const s = thaiBreaks('แก้ไขปัญหาหนี้สินข้าราชการครู (Plan) ธ.ก.ส.');
    expect(s.split(ZWSP).length).toBeGreaterThan(3);
    expect(s).toContain('(Plan)');
    expect(s).toContain('ธ.ก.ส.');
    expect(s.replaceAll(ZWSP, '')).toBe('แก้ไขปัญหาหนี้สินข้าราชการครู (Plan) ธ.ก.ส.');
  });
  it('truncates with an ellipsis', () => {
    expect(truncate('สั้น', 10)).toBe('สั้น');
    const t = truncate('ก'.repeat(300), 20);
    expect(t.endsWith('…')).toBe(true);
    expect([...t].length).toBeLessThanOrEqual(21);
  });
});

describe('jobs', () => {
  const { model } = loadPlans(join(root, 'content'), root);
  it('lists every output path of src/paths.ts', () => {
    const outs = listJobs(model!).map((j) => j.out);
    expect(outs).toContain('plans/2561/infographics/2560-10.png');
    expect(outs).toContain('plans/2561/infographics/2561-09.png');
    expect(outs).toContain('plans/2561/infographics/overview.png');
    expect(outs).toContain('og/home.png');
    expect(outs.filter((o) => /\d{4}-\d\d\.png$/.test(o))).toHaveLength(12);
  });
  it('renders a month card of the right size', async () => {
    const job = listJobs(model!).find((j) => j.key === '2561-02')!;
    const r = await renderJob(model!, job, templates);
    expect(r.png.readUInt32BE(16)).toBe(1080);
    expect(r.png.readUInt32BE(20)).toBe(1350);
    expect(r.outside).toEqual([]);
  });
  it('draws the level it is asked for with one layout and no search', async () => {
    const job = listJobs(model!).find((j) => j.key === '2561-02')!;
    const r = await renderJob(model!, job, templates, { level: 2 });
    expect([r.fit, r.stages.layouts, r.stages.masks]).toEqual([2, 1, 1]);
  });
  it('finds the same level and bytes wherever its search starts; from the level found last time in two layouts', async () => {
    const job = listJobs(model!).find((j) => j.key === '2561-02')!;
    const max = templates.month.fitLevels - 1;
    const first = await renderJob(model!, job, templates);
    expect(first.fit).toBeGreaterThan(0); // the search has a level above to reject
    for (const fit of [0, first.fit - 1, first.fit, first.fit + 1, max]) {
      const r = await renderJob(model!, { ...job, fit }, templates);
      expect([fit, r.fit]).toEqual([fit, first.fit]);
      expect(Buffer.compare(r.png, first.png)).toBe(0);
      if (fit === first.fit) expect(r.stages.layouts).toBe(2); // it fits, the level above does not
    }
    // A template no card has used yet (a fresh worker's first card): the levels halved, not walked.
    const fresh = { ...templates, month: { ...templates.month } };
    const r = await renderJob(model!, job, fresh);
    expect(r.fit).toBe(first.fit);
    expect(Buffer.compare(r.png, first.png)).toBe(0);
    expect(r.stages.layouts).toBeLessThanOrEqual(Math.ceil(Math.log2(max + 1)) + 1);
  });
});

describe('glyph ink', () => {
  it('reports a line whose glyphs reach past the canvas while its box does not', async () => {
    // A nowrap line in a box as wide as the canvas: the box fits, the glyphs run out on the right.
    const el = h('div', { style: { display: 'flex', width: 300, height: 100, fontFamily: 'Sarabun', fontSize: 40 } },
      h('div', { style: { display: 'block', whiteSpace: 'nowrap', width: 300, overflow: 'visible' } }, 'ข้อความยาวเกินความกว้าง'));
    const l = await layOut(el, 300, 100);
    const glyphs = l.outside.find((n) => n.type === 'glyphs');
    expect(glyphs).toBeDefined();
    expect(glyphs!.left + glyphs!.width).toBeGreaterThan(301);
  });
  it('reports nothing for text well inside', async () => {
    const el = h('div', { style: { display: 'flex', width: 260, height: 60, fontFamily: 'Sarabun', fontSize: 20, padding: 20 } }, 'ขั้นทุน');
    const l = await layOut(el, 300, 100);
    expect(l.outside).toEqual([]);
    expect(l.shaped.ink!.y0).toBeGreaterThan(15); // the tone mark of ขั้น, above the line's top but on the canvas
  });
});

describe('clamped text', () => {
  // Thai marks reach above and below a tight line box: a clamped box used to clip them (overflow: hidden),
  // cutting the tone mark of ขั้น and the vowel of ทุน by a few pixels. Satori clamps the lines itself.
  it('keeps the marks that reach outside the line box, and shows one line only', async () => {
    const line = text('ขั้นทุน ขั้นทุน ขั้นทุน ขั้นทุน ขั้นทุน ขั้นทุน ขั้นทุน ขั้นทุน', { fontSize: 60, lineHeight: 1, color: '#000' }, 1);
    // The line box: y 60 to 120.
    const el = h('div', { style: { display: 'flex', alignItems: 'flex-start', width: 400, height: 240, paddingTop: 60, backgroundColor: '#fff', fontFamily: 'Sarabun' } }, line);
    const r = await renderElement(el, 400, 240);
    const { data, width } = PNG.sync.read(r.png);
    const inkRows = (y0: number, y1: number) => {
      let rows = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = 0; x < width; x++) if (data[(y * width + x) * 4]! < 128) { rows++; break; }
      }
      return rows;
    };
    expect(inkRows(0, 60)).toBeGreaterThan(2); // the tone mark of ขั้น above the line box
    expect(inkRows(120, 140)).toBeGreaterThan(2); // the vowel of ทุน below it
    expect(inkRows(140, 240)).toBe(0); // no second line: Satori clamps the text itself
  });
});
