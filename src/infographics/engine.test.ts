import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../pipeline.ts';
import { listJobs, renderJob } from './jobs.ts';
import { templates } from '../../templates/infographics/index.ts';
import { PNG } from 'pngjs';
import { h } from './h.ts';
import { glyphBounds, renderElement } from './render.ts';
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
    expect([r.fit, r.stages.layouts, r.stages.probes]).toEqual([2, 1, 0]);
  });
});

describe('glyph bounds', () => {
  it('spans the coordinates of glyph paths and skips boxes', () => {
    const svg = '<svg><path fill="#000" d="M10.5 20L-3.25 40.1Q5 6 7 8Z"/><rect x="0"/>' +
      '<path d="M0 0H2000V2000A5 5 0 0 1 0 0Z" fill="#fff"/><path fill="red" d="M1e2 -5C1 2 3 4 99.9 250Z"></path></svg>';
    expect(glyphBounds(svg)).toEqual({ type: 'glyphs', left: -3.25, top: -5, width: 103.25, height: 255 });
  });
  it('is undefined without glyph paths', () => {
    expect(glyphBounds('<svg><path d="M0 0h10v10z"/></svg>')).toBeUndefined();
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
