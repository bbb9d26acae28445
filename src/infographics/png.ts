// PNG encoding of a card: cards are flat-colour artwork (a few hundred colours, most of them the anti-aliased
// edges of text), so an indexed-colour (palette) PNG holds them in a quarter of the raw bytes. Measured on the
// seed month card: 224 KiB as resvg's RGBA PNG, 96 KiB as this palette PNG, and 2–3× faster to encode.
import { constants, crc32, deflateSync } from 'node:zlib';

/** How far (in any channel, of 255) a pixel may move to a palette colour, tried in turn: beyond the last,
 *  the card keeps truecolour. Measured: every seed card and a synthetic plan's cards fit at 0 or 1. Taking
 *  the 256 commonest colours and the nearest of them for the rest instead moved anti-aliased edge pixels of
 *  white text on the gold month tile by up to 75 (to greys of other edges: visible when zoomed). */
const TOLERANCES = [0, 1, 2, 3, 4, 6, 8];
/** The palette's grid cells (see pick): wider than the largest tolerance, so a slot that close is in a neighbouring cell. */
const CELL = 9;
const CELLS = Math.ceil(256 / CELL);
/** More distinct colours than this: not flat artwork (a photo as a logo); the caller keeps truecolour. */
const MAX_COLOURS = 4096;
const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** The alpha byte of an RGBA pixel read as one 32-bit number. */
const ALPHA = LITTLE_ENDIAN ? 0xff000000 : 0xff;

/**
 * An opaque RGBA image as an 8-bit palette PNG, or undefined where that would not be faithful: a pixel that
 * is not opaque, more than MAX_COLOURS colours, or not 256 colours within the last of TOLERANCES of every
 * pixel. Up to 256 colours it is lossless; beyond, a rare colour (an anti-aliased edge pixel) may take a
 * commoner one that close to it. The same pixels always give the same bytes. With `rewrite`, `rgba` is
 * changed to the pixels the PNG decodes to (what a thumbnail is then averaged from).
 */
export function palettePng(rgba: Uint8Array, width: number, height: number, opts: { rewrite?: boolean } = {}): Buffer | undefined {
  const n = width * height;
  if (rgba.length !== n * 4) throw new Error(`png: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const px = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, n) : new Uint32Array(rgba.slice().buffer);
  // Colour → id in order of first appearance (open addressing), and the image as runs of one colour within a
  // row (most of a flat card: one comparison a pixel, and one run to write for many).
  const SLOTS = 8192;
  const keys = new Uint32Array(SLOTS);
  const vals = new Int32Array(SLOTS).fill(-1);
  const colours = new Uint32Array(MAX_COLOURS);
  const counts = new Float64Array(MAX_COLOURS);
  let runLength = new Uint16Array(1 << 16);
  let runId = new Uint16Array(1 << 16);
  let runs = 0;
  let count = 0;
  for (let i = 0, rowEnd = width; i < n;) {
    const v = px[i]!;
    let j = i + 1;
    while (j < rowEnd && px[j] === v) j++;
    if ((v & ALPHA) >>> 0 !== ALPHA) return undefined;
    let s = Math.imul(v, 0x9e3779b1) >>> 19;
    while (vals[s]! >= 0 && keys[s] !== v) s = (s + 1) & (SLOTS - 1);
    if (vals[s]! < 0) {
      if (count === MAX_COLOURS) return undefined;
      keys[s] = v;
      vals[s] = count;
      colours[count++] = v;
    }
    const id = vals[s]!;
    counts[id]! += j - i;
    if (runs === runLength.length) {
      const longer = new Uint16Array(runs * 2);
      longer.set(runLength);
      runLength = longer;
      const ids = new Uint16Array(runs * 2);
      ids.set(runId);
      runId = ids;
    }
    runLength[runs] = j - i;
    runId[runs++] = id;
    i = j;
    if (i === rowEnd) rowEnd += width;
  }
  // Palette: colours in order of frequency (ties by value, so it depends on the pixels alone), each taking a
  // slot unless one already taken is within `tolerance` in every channel. The tolerance grows until 256 slots
  // suffice; 0 (lossless) whenever the card has at most 256 colours.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => counts[b]! - counts[a]! || colours[a]! - colours[b]!);
  const rgb = new Uint8Array(count * 3);
  for (let k = 0; k < count; k++) {
    const v = colours[k]!;
    if (LITTLE_ENDIAN) rgb.set([v & 255, (v >>> 8) & 255, (v >>> 16) & 255], k * 3);
    else rgb.set([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255], k * 3);
  }
  const index = new Uint8Array(count);
  const slots: number[] = [];
  // The grid of slots (see pick): each cell's newest slot, and each slot's next in its cell.
  const head = new Int32Array(CELLS * CELLS * CELLS);
  const next = new Int32Array(256);
  for (const tolerance of TOLERANCES) {
    if (!pick(tolerance)) continue;
    if (opts.rewrite && tolerance > 0) {
      const to = new Uint32Array(count);
      for (let c = 0; c < count; c++) to[c] = colours[slots[index[c]!]!]!;
      for (let r = 0, i = 0; r < runs; r++) {
        const len = runLength[r]!;
        const v = to[runId[r]!]!;
        if (len < 8) for (let k = 0; k < len; k++) px[i + k] = v;
        else px.fill(v, i, i + len);
        i += len;
      }
      if (px.buffer !== rgba.buffer) rgba.set(new Uint8Array(px.buffer));
    }
    return encode(width, height, runLength.subarray(0, runs), runId.subarray(0, runs), index, slots, rgb);
  }
  return undefined;

  /**
   * Fills `slots` (colour ids) and `index` (colour id → slot) at a tolerance, if 256 slots are enough. A colour
   * takes the nearest slot (the largest channel difference; the earliest slot of equal distance) when it is
   * within the tolerance. Slots are kept in a grid of cells CELL wide, so only the 27 cells around a colour can
   * hold one that close: a thumbnail's ~1,500 colours were compared with every slot.
   */
  function pick(tolerance: number): boolean {
    slots.length = 0;
    head.fill(-1);
    for (const c of order) {
      const r = rgb[c * 3]!, g = rgb[c * 3 + 1]!, b = rgb[c * 3 + 2]!;
      const cr = (r / CELL) | 0, cg = (g / CELL) | 0, cb = (b / CELL) | 0;
      let best = -1;
      let bestD = Infinity;
      if (tolerance > 0) {
        for (let i = Math.max(cr - 1, 0); i <= cr + 1 && i < CELLS; i++) {
          for (let j = Math.max(cg - 1, 0); j <= cg + 1 && j < CELLS; j++) {
            for (let k = Math.max(cb - 1, 0); k <= cb + 1 && k < CELLS; k++) {
              for (let p = head[(i * CELLS + j) * CELLS + k]!; p >= 0; p = next[p]!) {
                const q = slots[p]! * 3;
                const d = Math.max(Math.abs(rgb[q]! - r), Math.abs(rgb[q + 1]! - g), Math.abs(rgb[q + 2]! - b));
                if (d < bestD || (d === bestD && p < best)) { bestD = d; best = p; }
              }
            }
          }
        }
      }
      if (best >= 0 && bestD <= tolerance) index[c] = best;
      else if (slots.length === 256) return false;
      else {
        const at = (cr * CELLS + cg) * CELLS + cb;
        index[c] = slots.length;
        next[slots.length] = head[at]!;
        head[at] = slots.length;
        slots.push(c);
      }
    }
    return true;
  }
}

/** Premultiplied RGBA (resvg's pixels) as an 8-bit RGBA PNG: what a card that is not flat artwork becomes. */
export function rgbaPng(premultiplied: Uint8Array, width: number, height: number): Buffer {
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    let o = y * (width * 4 + 1) + 1;
    for (let i = y * width * 4, end = i + width * 4; i < end; i += 4, o += 4) {
      const a = premultiplied[i + 3]!;
      if (a === 255 || a === 0) {
        raw[o] = premultiplied[i]!; raw[o + 1] = premultiplied[i + 1]!; raw[o + 2] = premultiplied[i + 2]!;
      } else {
        raw[o] = Math.min(255, Math.round((premultiplied[i]! * 255) / a));
        raw[o + 1] = Math.min(255, Math.round((premultiplied[i + 1]! * 255) / a));
        raw[o + 2] = Math.min(255, Math.round((premultiplied[i + 2]! * 255) / a));
      }
      raw[o + 3] = a;
    }
  }
  return pngFile(width, height, 6, deflateSync(raw, { level: 6 }));
}

function encode(width: number, height: number, runLength: Uint16Array, runId: Uint16Array, index: Uint8Array, slots: number[], rgb: Uint8Array): Buffer {
  const palette = Buffer.alloc(slots.length * 3);
  slots.forEach((c, p) => palette.set(rgb.subarray(c * 3, c * 3 + 3), p * 3));
  // Rows of palette indices, each after its filter byte 0 (none: the best filter for indexed images; the
  // array starts as zeros). Runs never cross a row, so a pixel's offset is its index plus its row's + 1.
  const raw = new Uint8Array((width + 1) * height);
  for (let r = 0, i = 0, o = 1, rowEnd = width; r < runLength.length; r++) {
    const len = runLength[r]!;
    const slot = index[runId[r]!]!;
    if (len < 8) for (let k = 0; k < len; k++) raw[o + k] = slot;
    else raw.fill(slot, o, o + len);
    i += len;
    o += len;
    if (i === rowEnd) {
      rowEnd += width;
      o++;
    }
  }
  // Level 3: the seed month card's rows deflate in 3.4 ms to 98 KiB, against 6.4 ms and 92 KiB at level 4
  // and 10.4 ms and 87 KiB at 6 (level 1: 2.8 ms, 106 KiB; Z_RLE: 2.4 ms, 110 KiB at any level).
  const idat = deflateSync(raw, { level: 3, strategy: constants.Z_DEFAULT_STRATEGY });
  return pngFile(width, height, 3, idat, palette);
}

/** The PNG file: 8 bits a channel, colour type 3 (palette, given) or 6 (RGBA), deflated rows. */
function pngFile(width: number, height: number, colourType: 3 | 6, idat: Uint8Array, palette?: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  const plte = palette ? [chunk('PLTE', palette)] : [];
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), ...plte, chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const b = Buffer.alloc(12 + data.length);
  b.writeUInt32BE(data.length, 0);
  b.write(type, 4, 'latin1');
  b.set(data, 8);
  b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
  return b;
}
