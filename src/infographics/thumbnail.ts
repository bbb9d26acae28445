// Gallery thumbnails: a card scaled down by a whole factor, each pixel the mean of the block it covers.
import { PNG } from 'pngjs';
import { palettePng } from './png.ts';

/** The thumbnail PNG of a card's RGBA pixels (as decoded from the card's PNG). */
export function thumbnailPng(rgba: Uint8Array, width: number, height: number, to: number): Buffer {
  const f = width / to;
  if (!Number.isInteger(f) || height % f !== 0) throw new Error(`thumbnail: ${width}×${height} does not divide by ${f}`);
  const w = to;
  const h = height / f;
  const dst = new PNG({ width: w, height: h });
  const n = f * f;
  let opaque = true;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < f; dy++) {
          const row = ((y * f + dy) * width + x * f) * 4 + c;
          for (let dx = 0; dx < f; dx++) sum += rgba[row + dx * 4]!;
        }
        const v = Math.round(sum / n);
        dst.data[(y * w + x) * 4 + c] = v;
        if (c === 3 && v !== 255) opaque = false;
      }
    }
  }
  // Palette where faithful (as the cards); else without the alpha channel for an opaque card (8 % smaller).
  return palettePng(dst.data, w, h) ?? PNG.sync.write(dst, opaque ? { colorType: 2 } : {});
}
