// Palette PNGs of cards: lossless up to 256 colours, close colours merged beyond, truecolour (rgbaPng) where a
// palette would not be faithful.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { palettePng } from './png.ts';

function image(w: number, h: number, px: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const d = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) d.set(px(x, y), (y * w + x) * 4);
  return d;
}
const decode = (png: Buffer) => PNG.sync.read(png);
const maxDelta = (a: Uint8Array, b: Uint8Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('palettePng', () => {
  it('keeps up to 256 colours exactly, as colour type 3', () => {
    // 256 colours far apart (16 × 16 steps of 17), in runs and single pixels, across row ends.
    const src = image(40, 30, (x, y) => { const c = (x * 7 + y * 13) % 256; return [(c & 15) * 17, (c >> 4) * 17, 200, 255]; });
    const colours = new Set<number>();
    for (let i = 0; i < src.length; i += 4) colours.add((src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!);
    expect(colours.size).toBeLessThanOrEqual(256);
    const png = palettePng(src, 40, 30)!;
    expect(png[25]).toBe(3);
    const out = decode(png);
    expect([out.width, out.height]).toEqual([40, 30]);
    expect(maxDelta(src, out.data)).toBe(0);
  });
  it('merges close colours when there are more than 256, moving no pixel by more than 8', () => {
    // 300 greys one step apart (0..299 → 300 values, clipped to shades of two hues): more than 256 colours.
    const src = image(300, 4, (x, y) => (y < 2 ? [Math.min(255, x), Math.min(255, x), 255, 255] : [255, Math.max(0, 299 - x - 44), 0, 255]));
    const png = palettePng(src, 300, 4)!;
    expect(png[25]).toBe(3);
    const d = maxDelta(src, decode(png).data);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThanOrEqual(8);
  });
  it('gives the same bytes for the same pixels', () => {
    const src = image(64, 64, (x, y) => [(x >> 2) * 16, (y >> 2) * 16, 128, 255]);
    expect(Buffer.compare(palettePng(src, 64, 64)!, palettePng(src.slice(), 64, 64)!)).toBe(0);
  });
  it('declines transparency and photo-like images', () => {
    expect(palettePng(image(4, 4, () => [10, 20, 30, 128]), 4, 4)).toBeUndefined();
    // 4,096 colours far apart: no tolerance up to 8 fits them in 256.
    expect(palettePng(image(64, 64, (x, y) => [x * 4, y * 4, ((x * 7 + y * 13) % 64) * 4, 255]), 64, 64)).toBeUndefined();
  });
});
