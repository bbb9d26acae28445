// Text drawn from glyph masks: Satori's SVG split into boxes and runs, the check that text may be drawn last,
// and the pixels against resvg filling Satori's own outlines of the same layout.
import fc from 'fast-check';
import satori from 'satori';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { clearGlyphMasks, inlineTexts } from './glyphs.ts';
import { col, h } from './h.ts';
import { rgbaPng } from './png.ts';
import { draw, encodePng, layOut, rasterise } from './render.ts';
import { loadFonts } from './fonts.ts';
import { parseColour, pathBounds, splitSvg } from './svg-text.ts';

const SVG = (body: string) => `<svg width="200" height="100" viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
const TEXT = (attrs: string, t: string) => `<text x="10" y="50" width="40" height="20" font-weight="600" font-style="normal" font-size="20" font-family="sarabun" ${attrs}>${t}</text>`;

describe('splitSvg', () => {
  it('takes the <text> out, keeps everything else as it was, and reads each run', () => {
    const rect = '<rect x="0" y="0" width="200" height="100" fill="#fff"/>';
    const svg = SVG(rect + '<g opacity="0.5">' + TEXT('fill="rgba(255,0,0,0.5)"', 'ก&amp;ข') + '</g><rect x="150" y="10" width="20" height="20" fill="#000"/>');
    const s = splitSvg(svg, 200, 100);
    expect(s.boxes).toBe(SVG(rect + '<g opacity="0.5"></g><rect x="150" y="10" width="20" height="20" fill="#000"/>'));
    expect(s.plain).toBe(true);
    expect(s.texts).toEqual([{ x: 10, y: 50, size: 20, weight: 600, rgb: [255, 0, 0], alpha: 64, text: 'ก&ข', order: 1, at: s.texts[0]!.at, fill: 'rgba(255,0,0,0.5)', ownOpacity: 1 }]);
    expect(s.boxes.slice(0, s.texts[0]!.at).endsWith('<g opacity="0.5">')).toBe(true);
    expect(s.drawn.map((d) => d.order)).toEqual([0, 2]);
    expect(s.drawn[1]).toEqual({ order: 2, x0: 149, y0: 9, x1: 171, y1: 31 });
  });
  it('is not plain where a run is moved, clipped, stroked, right to left or a clip itself', () => {
    for (const body of [
      TEXT('fill="#000" transform="rotate(3)"', 'ก'),
      TEXT('fill="#000" stroke="#f00"', 'ก'),
      TEXT('fill="#000" letter-spacing="2"', 'ก'),
      TEXT('fill="url(#g)"', 'ก'),
      `<g clip-path="url(#c)">${TEXT('fill="#000"', 'ก')}</g>`,
      `<g transform="translate(3 0)">${TEXT('fill="#000"', 'ก')}</g>`,
      `<clipPath id="c">${TEXT('fill="#000"', 'ก')}</clipPath>`,
      TEXT('fill="#000"', 'שלום'),
    ]) expect(splitSvg(SVG(body), 200, 100).plain, body).toBe(false);
  });
  it('draws a rounded border as the band Satori\'s clipped stroke paints, and leaves other borders as they are', async () => {
    const box = (style: Record<string, unknown>) => h('div', { style: { display: 'flex', width: 150, height: 40, backgroundColor: '#eef', ...style } });
    const el = col({ width: 200, height: 260, padding: 10, gap: 8, backgroundColor: '#fff' },
      box({ borderRadius: 14, border: '2px solid #345' }),
      box({ borderRadius: 999, border: '3px solid rgba(200,0,0,0.6)' }),
      box({ borderRadius: 4, border: '6px solid #0a0' }), // wider than the corner: Satori's stroke rounds the inner corner, left
      box({ borderLeft: '6px solid #345' }), // one side only: left to Satori's clips
      box({ border: '2px solid #345' })); // no radius: left as well
    const svg = await satori(el as never, { width: 200, height: 260, fonts: loadFonts(), embedFont: false });
    const s = splitSvg(svg, 200, 260);
    // (Satori's masks hold copies of the borders, left as they are: they draw nothing of their own)
    const drawn = s.boxes.replace(/<mask .*?<\/mask>/g, '');
    expect(drawn.match(/fill-rule="evenodd"/g)).toHaveLength(2);
    expect(drawn.match(/stroke-width=/g)).toHaveLength(3);
    const before = rasterise(svg, 200).pixels;
    const after = rasterise(s.boxes, 200).pixels;
    let max = 0;
    for (let i = 0; i < before.length; i++) max = Math.max(max, Math.abs(before[i]! - after[i]!));
    expect(max).toBeGreaterThan(0); // it did change the SVG …
    expect(max).toBeLessThanOrEqual(32); // … by a few levels in anti-aliased edge pixels: no pixel visibly
    expect(pixelmatch(before, after, undefined, 200, 260, { threshold: 0.05 })).toBe(0);
  });
  it('counts a box under a transform or filter as covering the whole canvas', () => {
    const s = splitSvg(SVG('<g filter="url(#f)"><rect x="1" y="1" width="2" height="2"/></g>'), 200, 100);
    expect(s.drawn).toEqual([{ order: 0, x0: 0, y0: 0, x1: 200, y1: 100 }]);
  });
});

describe('parseColour', () => {
  it('reads the colours Satori writes', () => {
    expect(parseColour('#1F3A68')).toEqual({ rgb: [31, 58, 104], alpha: 255 });
    expect(parseColour('#fff8')).toEqual({ rgb: [255, 255, 255], alpha: 136 });
    expect(parseColour('rgba(255,255,255,0.16)')).toEqual({ rgb: [255, 255, 255], alpha: 41 });
    expect(parseColour('rgb(1, 2, 3)')).toEqual({ rgb: [1, 2, 3], alpha: 255 });
    expect(parseColour('currentColor')).toBeUndefined();
  });
});

describe('pathBounds', () => {
  it('covers arcs and relative commands', () => {
    expect(pathBounds('M64,250 h59 a8,8 0 0 1 8,8 v40 a8,8 0 0 1 -8,8 h-59 a8,8 0 0 1 -8,-8 v-40 a8,8 0 0 1 8,-8')).toEqual([48, 242, 139, 314]);
  });
  it('is never smaller than the points of a path of lines and curves', () => {
    const pt = fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }));
    fc.assert(fc.property(pt, fc.array(fc.tuple(fc.constantFrom('L', 'l', 'Q', 'C', 'H', 'v'), pt, pt, pt), { maxLength: 12 }), (start, segs) => {
      let d = `M${start[0]} ${start[1]}`;
      let x = start[0], y = start[1];
      const seen: Array<[number, number]> = [[x, y]];
      for (const [c, a, b, e] of segs) {
        if (c === 'L') { d += `L${a[0]} ${a[1]}`; x = a[0]; y = a[1]; }
        if (c === 'l') { d += `l${a[0]} ${a[1]}`; x += a[0]; y += a[1]; }
        if (c === 'Q') { d += `Q${a[0]} ${a[1]} ${b[0]} ${b[1]}`; x = b[0]; y = b[1]; }
        if (c === 'C') { d += `C${a[0]} ${a[1]} ${b[0]} ${b[1]} ${e[0]} ${e[1]}`; x = e[0]; y = e[1]; }
        if (c === 'H') { d += `H${a[0]}`; x = a[0]; }
        if (c === 'v') { d += `v${a[1]}`; y += a[1]; }
        seen.push([x, y]);
      }
      const [x0, y0, x1, y1] = pathBounds(d)!;
      return seen.every(([px, py]) => px >= x0 && px <= x1 && py >= y0 && py <= y1);
    }));
  });
});

describe('inlineTexts', () => {
  const ink = (text: number, order: number, x0: number) => ({ text, order, x0, y0: 10, x1: x0 + 40, y1: 30 });
  it('keeps none for boxes drawn before the texts, or after them elsewhere', () => {
    expect(inlineTexts([ink(0, 1, 10)], [{ order: 0, x0: 0, y0: 0, x1: 100, y1: 100 }, { order: 2, x0: 60, y0: 0, x1: 90, y1: 100 }])).toEqual(new Set());
  });
  it('keeps a text a box is drawn over, and an earlier text that one then covers', () => {
    // Text 0 (order 1) meets text 1 (order 3), which a box (order 4) covers: both stay in order in the SVG.
    const inks = [ink(0, 1, 10), ink(1, 3, 45), ink(2, 5, 200)];
    expect(inlineTexts(inks, [{ order: 0, x0: 0, y0: 0, x1: 300, y1: 100 }, { order: 4, x0: 80, y0: 25, x1: 120, y1: 60 }])).toEqual(new Set([0, 1]));
  });
});

const pixels = (png: Buffer) => PNG.sync.read(png).data;

describe('drawing', () => {
  // Thai with marks above and below, Latin, digits, in three weights, colours and sizes, on two backgrounds.
  const card = () => col({ width: 560, height: 260, backgroundColor: '#fff', fontFamily: 'Sarabun', padding: 20 },
    h('div', { style: { fontSize: 40, fontWeight: 700, color: '#1F3A68' } }, 'ปฏิบัติการดิจิทัล ฤดู ๒๕๖๘'),
    h('div', { style: { fontSize: 22, fontWeight: 400, color: '#333', backgroundColor: '#F3F5F9', padding: 8 } }, 'ผู้ใช้บริการ น้ำ ญี่ปุ่น Plan (Do) 1,234.50 บาท'),
    h('div', { style: { fontSize: 30, fontWeight: 600, color: '#fff', backgroundColor: '#B8860B', opacity: 0.9 } }, 'ขั้นทุน ปี่ ป่า'));

  it('looks as resvg filling the outlines of the same layout does', async () => {
    const l = await layOut(card(), 600, 300);
    expect(l.outside).toEqual([]);
    const masked = await draw(l);
    const outlined = await draw(l, { outlines: true });
    expect([masked.masks, outlined.masks]).toEqual([true, false]);
    const a = pixels(encodePng(masked.pixels, 600, 300).png);
    const b = pixels(encodePng(outlined.pixels, 600, 300).png);
    const differ = pixelmatch(a, b, undefined, 600, 300, { threshold: 0.1 });
    expect(differ / (600 * 300)).toBeLessThan(0.003);
    // Something was drawn: the ink of the heading is there in both.
    const dark = (d: Uint8Array) => { let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 2]! > 80) n++; return n; };
    expect(dark(a)).toBeGreaterThan(1000);
    expect(Math.abs(dark(a) - dark(b)) / dark(b)).toBeLessThan(0.05);
  });

  it('gives the same bytes whichever card made the glyph masks first', async () => {
    const other = col({ width: 300, height: 100, backgroundColor: '#fff', fontFamily: 'Sarabun', fontSize: 22.3, padding: 7.3 }, 'ปฏิบัติการ น้ำ ขั้นทุน');
    const render = async (el: ReturnType<typeof card>, w: number, hgt: number) => encodePng((await draw(await layOut(el, w, hgt))).pixels, w, hgt).png;
    clearGlyphMasks();
    expect((await draw(await layOut(card(), 600, 300))).masks).toBe(true);
    clearGlyphMasks();
    const first = await render(card(), 600, 300);
    clearGlyphMasks();
    await render(other, 300, 100);
    const second = await render(card(), 600, 300);
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('keeps a box laid over text on top', async () => {
    const el = h('div', { style: { display: 'flex', position: 'relative', width: 300, height: 100, backgroundColor: '#fff', fontFamily: 'Sarabun', fontSize: 60, color: '#000' } },
      h('div', {}, 'ดำดำดำ'),
      h('div', { style: { position: 'absolute', left: 0, top: 0, width: 300, height: 100, backgroundColor: '#f00' } }));
    const l = await layOut(el, 300, 100);
    expect(inlineTexts(l.shaped.inks, l.split.drawn).size).toBe(l.shaped.inks.length);
    const px = (await draw(l)).pixels;
    for (let i = 0; i < px.length; i += 4) expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 0, 0]);
  });
});

describe('rgbaPng', () => {
  it('writes premultiplied pixels as straight RGBA', () => {
    const src = new Uint8Array([127, 0, 0, 127, 0, 0, 0, 0, 10, 20, 30, 255]);
    const png = PNG.sync.read(rgbaPng(src, 3, 1));
    expect([...png.data]).toEqual([255, 0, 0, 127, 0, 0, 0, 0, 10, 20, 30, 255]);
  });
});
