// The organisation's logo, in one place: where its file is (content/ first, then public/), whether it is a
// usable image, and its bytes, hash and data URL. Read once per file version, shared by the validator, the
// model and every renderer.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** The folders a logo may live in, in the order they are searched. */
export function logoDirs(contentDir: string, root: string): string[] {
  return [contentDir, join(root, 'public')];
}

/** The logo's file, or undefined when no folder has it. Assumes a relative path (the validator checks it). */
export function resolveLogo(logo: string, contentDir: string, root: string): string | undefined {
  return logoDirs(contentDir, root).map((d) => join(d, logo)).find((f) => existsSync(f));
}

export type LogoProblem = 'outside' | 'format' | 'missing' | 'notImage' | 'damaged' | 'tooHeavy' | 'tooLarge';

/** What a logo may weigh and measure: a logo is printed a few centimetres wide, and these keep the book small
 *  and decoding cheap (4096 × 4096 RGBA is 64 MB). Stated in the Thai message and the README. */
export const LOGO_LIMITS = { maxBytes: 2 * 1024 * 1024, maxWidth: 4096, maxHeight: 4096 } as const;

/** The first problem found, with the figures its message states. */
export interface LogoCheck {
  problem: LogoProblem;
  width?: number;
  height?: number;
  bytes?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Width and height from the header alone, without decoding: a PNG's IHDR (the first chunk) or a JPEG's
 * SOF segment. Undefined when the header is missing or cut short.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const u32 = (i: number) => ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Length 13, then "IHDR", then width and height as big-endian 32-bit numbers.
    if (bytes.length < 24 || u32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
    return { width: u32(16), height: u32(20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  // Walk the segments (marker, 16-bit length) up to the first start-of-frame; each step moves forward.
  let i = 2;
  while (i + 9 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision (1 byte), height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: u16(i + 7), height: u16(i + 5) };
    if (marker === 0xda || marker === 0xd9) return undefined; // image data or end before any frame header
    const length = u16(i + 2);
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/** Channels per pixel for each PNG colour type (grey, RGB, palette, grey + alpha, RGBA). */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * A PNG whose chunks are whole (every CRC right, IEND present) and whose pixel data inflates to exactly the
 * size the header declares: a truncated or lying file is caught here, and the inflate never produces more
 * than the header allows. pngjs would quietly accept pixel data that is too short.
 */
function pngIntact(bytes: Uint8Array, size: { width: number; height: number }): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Buffer[] = [];
  let i = 8;
  let ended = false;
  while (i + 12 <= view.length && !ended) {
    const length = view.readUInt32BE(i);
    if (i + 12 + length > view.length) return false;
    const type = view.toString('latin1', i + 4, i + 8);
    if (crc32(view.subarray(i + 4, i + 8 + length)) !== view.readUInt32BE(i + 8 + length)) return false;
    if (type === 'IDAT') idat.push(view.subarray(i + 8, i + 8 + length));
    ended = type === 'IEND';
    i += 12 + length;
  }
  if (!ended || idat.length === 0) return false;
  const bitDepth = view[24]!;
  const channels = PNG_CHANNELS[view[25]!];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(bitDepth)) return false;
  const rowBytes = (w: number) => (w === 0 ? 0 : 1 + Math.ceil((w * channels * bitDepth) / 8));
  // Adam7 interlacing stores seven sub-images, each row with its own filter byte.
  const passes = view[28] === 1
    ? [[0, 8, 0, 8], [4, 8, 0, 8], [0, 4, 4, 8], [2, 4, 0, 4], [0, 2, 2, 4], [1, 2, 0, 2], [0, 1, 1, 2]].map(([x0, dx, y0, dy]) => [Math.ceil((size.width - x0!) / dx!), Math.ceil((size.height - y0!) / dy!)] as const)
    : [[size.width, size.height] as const];
  const expected = passes.reduce((sum, [w, h]) => sum + (w > 0 && h > 0 ? rowBytes(w) * h : 0), 0);
  try {
    return inflateSync(Buffer.concat(idat), { maxOutputLength: Math.max(expected, 1) }).length === expected;
  } catch {
    return false; // a cut-off stream, or more data than the header declares
  }
}

/** What is wrong with a logo setting, checked in this order (the first problem found), or undefined. Sizes come
 *  from the file system and the header before any decoding, so a hostile file cannot make the check slow. */
export function logoProblem(logo: string, contentDir: string, root: string): LogoCheck | undefined {
  if (isAbsolute(logo) || logo.split(/[\\/]/).includes('..')) return { problem: 'outside' };
  if (!/\.(png|jpe?g)$/i.test(logo)) return { problem: 'format' };
  const found = resolveLogo(logo, contentDir, root);
  if (!found) return { problem: 'missing' };
  // A symbolic link could lead out of content/ or public/: the file itself must be inside.
  const dir = logoDirs(contentDir, root).find((d) => existsSync(join(d, logo)))!;
  const real = realpathSync(found);
  if (relative(realpathSync(dir), real).split(sep)[0] === '..') return { problem: 'outside' };
  const st = statSync(real);
  if (!st.isFile()) return { problem: 'notImage' };
  if (st.size > LOGO_LIMITS.maxBytes) return { problem: 'tooHeavy', bytes: st.size };
  const a = readLogo(found);
  if (!a.isPng && !a.isJpeg) return { problem: 'notImage' };
  const size = imageSize(a.bytes);
  if (!size || size.width === 0 || size.height === 0) return { problem: 'damaged' };
  if (size.width > LOGO_LIMITS.maxWidth || size.height > LOGO_LIMITS.maxHeight) return { problem: 'tooLarge', ...size };
  // A damaged file would only fail later, inside a renderer: check its structure, then decode it. The header
  // is within the limits and the inflate is capped at the header's size, so this is bounded (64 MB at most).
  if (a.isPng) {
    if (!pngIntact(a.bytes, size)) return { problem: 'damaged' };
    try {
      PNG.sync.read(Buffer.from(a.bytes));
    } catch {
      return { problem: 'damaged' };
    }
  } else if (!(a.bytes[a.bytes.length - 2] === 0xff && a.bytes[a.bytes.length - 1] === 0xd9)) return { problem: 'damaged' };
  return undefined;
}

export interface Logo {
  path: string;
  bytes: Buffer;
  /** sha256 of the bytes, for cache keys. */
  hash: string;
  isPng: boolean;
  isJpeg: boolean;
  /** data: URL for the image templates. */
  dataUrl: string;
}

const read = new Map<string, { stamp: string; logo: Logo }>();

/** The logo file's bytes and hash, read once per path (again only when the file changed). */
export function readLogo(path: string): Logo {
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = read.get(path);
  if (hit?.stamp === stamp) return hit.logo;
  const bytes = readFileSync(path);
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const mime = extname(path).toLowerCase() === '.png' ? 'image/png' : 'image/jpeg';
  const logo: Logo = {
    path,
    bytes,
    hash: createHash('sha256').update(bytes).digest('hex'),
    isPng,
    isJpeg,
    dataUrl: `data:${mime};base64,${bytes.toString('base64')}`,
  };
  read.set(path, { stamp, logo });
  return logo;
}

/** The model's logo (branding.logoPath), or undefined when the organisation has none. */
export function modelLogo(branding: { logoPath?: string }): Logo | undefined {
  return branding.logoPath ? readLogo(branding.logoPath) : undefined;
}
