// Gallery thumbnails: a card scaled down by a whole factor, each pixel the mean of the block it covers.
import { PNG } from 'pngjs';
import { palettePng } from './png.ts';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The thumbnail PNG of a card's RGBA pixels (as decoded from the card's PNG). */
export function thumbnailPng(rgba: Uint8Array, width: number, height: number, to: number): Buffer {
  const f = width / to;
  if (!Number.isInteger(f) || height % f !== 0) throw new Error(`thumbnail: ${width}×${height} does not divide by ${f}`);
  const w = to;
  const h = height / f;
  const dst = new PNG({ width: w, height: h });
  const n = f * f;
  let opaque = true;
  // One output row at a time: its f source rows summed per output pixel, read in order. Each pixel is read as
  // one 32-bit word and its channels summed two at a time (red and blue, green and alpha: 16 bits each, room
  // for 257 pixels a block): half the time of summing byte by byte. Little-endian words (every platform Node
  // runs on that this is built for) hold R in the low byte; elsewhere the bytes are summed one by one.
  const px = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 && n <= 257 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : undefined;
  const rb = new Uint32Array(w);
  const ga = new Uint32Array(w);
  const sums = new Uint32Array(w * 4);
  // A block's sum → its rounded mean, looked up (a division and a rounding per channel were a sixth of the time).
  const mean = Uint8Array.from({ length: 255 * n + 1 }, (_, s) => Math.round(s / n));
  for (let y = 0; y < h; y++) {
    if (px) {
      rb.fill(0);
      ga.fill(0);
      for (let dy = 0; dy < f; dy++) {
        let i = (y * f + dy) * width;
        for (let o = 0; o < w; o++) {
          let s1 = 0;
          let s2 = 0;
          for (let dx = 0; dx < f; dx++, i++) {
            const v = px[i]!;
            s1 += v & 0x00ff00ff;
            s2 += (v >>> 8) & 0x00ff00ff;
          }
          rb[o]! += s1;
          ga[o]! += s2;
        }
      }
      for (let o = 0; o < w; o++) {
        sums[o * 4] = rb[o]! & 0xffff;
        sums[o * 4 + 1] = ga[o]! & 0xffff;
        sums[o * 4 + 2] = rb[o]! >>> 16;
        sums[o * 4 + 3] = ga[o]! >>> 16;
      }
    } else {
      sums.fill(0);
      for (let dy = 0; dy < f; dy++) {
        let i = (y * f + dy) * width * 4;
        for (let o = 0; o < w * 4; o += 4) {
          for (let dx = 0; dx < f; dx++, i += 4) {
            sums[o]! += rgba[i]!;
            sums[o + 1]! += rgba[i + 1]!;
            sums[o + 2]! += rgba[i + 2]!;
            sums[o + 3]! += rgba[i + 3]!;
          }
        }
      }
    }
    const out = y * w * 4;
    for (let k = 0; k < w * 4; k++) dst.data[out + k] = mean[sums[k]!]!;
    for (let k = 3; k < w * 4 && opaque; k += 4) if (sums[k] !== 255 * n) opaque = false;
  }
  // Palette where faithful (as the cards); else without the alpha channel for an opaque card (8 % smaller).
  return palettePng(dst.data, w, h) ?? PNG.sync.write(dst, opaque ? { colorType: 2 } : {});
}
