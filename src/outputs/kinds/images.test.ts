// Thumbnails: each pixel is the mean of the block of the card it covers; palette PNG where faithful, else opaque cards lose the alpha channel.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { downscale } from './images.ts';

function png(w: number, h: number, px: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const img = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) img.data.set(px(x, y), (y * w + x) * 4);
  return PNG.sync.write(img);
}

describe('downscale', () => {
  it('averages each block', () => {
    // 6×3 → 2×1: the left block is 9 pixels of which 3 are black, the right block all white.
    const src = png(6, 3, (x, y) => (x < 3 && y === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const out = PNG.sync.read(Buffer.from(downscale(src, 2)));
    expect([out.width, out.height]).toEqual([2, 1]);
    expect([...out.data.subarray(0, 8)]).toEqual([170, 170, 170, 255, 255, 255, 255, 255]);
    expect(Buffer.from(downscale(src, 2))[25]).toBe(3); // IHDR colour type: palette (as the cards)
  });
  it('keeps the alpha channel of a card that has transparency', () => {
    const src = png(4, 4, () => [10, 20, 30, 128]);
    const t = Buffer.from(downscale(src, 2));
    expect(t[25]).toBe(6);
    expect([...PNG.sync.read(t).data.subarray(0, 4)]).toEqual([10, 20, 30, 128]);
  });
  it('refuses a size that is not a whole fraction', () => {
    expect(() => downscale(png(5, 5, () => [0, 0, 0, 255]), 2)).toThrow(/does not divide/);
  });
});
