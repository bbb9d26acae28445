// The organisation's logo, in one place: where its file is (content/ first, then public/), whether it is a
// usable image, and its bytes, hash and data URL. Read once per file version, shared by the validator, the
// model and every renderer.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { PNG } from 'pngjs';

/** The folders a logo may live in, in the order they are searched. */
export function logoDirs(contentDir: string, root: string): string[] {
  return [contentDir, join(root, 'public')];
}

/** The logo's file, or undefined when no folder has it. Assumes a relative path (the validator checks it). */
export function resolveLogo(logo: string, contentDir: string, root: string): string | undefined {
  return logoDirs(contentDir, root).map((d) => join(d, logo)).find((f) => existsSync(f));
}

export type LogoProblem = 'outside' | 'format' | 'missing' | 'notImage' | 'damaged';

/** What is wrong with a logo setting, checked in this order (the first problem found), or undefined. */
export function logoProblem(logo: string, contentDir: string, root: string): LogoProblem | undefined {
  if (isAbsolute(logo) || logo.split(/[\\/]/).includes('..')) return 'outside';
  if (!/\.(png|jpe?g)$/i.test(logo)) return 'format';
  const found = resolveLogo(logo, contentDir, root);
  if (!found) return 'missing';
  const a = readLogo(found);
  if (!a.isPng && !a.isJpeg) return 'notImage';
  // A damaged file would only fail later, inside a renderer: decode it now.
  if (a.isPng) {
    try {
      PNG.sync.read(Buffer.from(a.bytes));
    } catch {
      return 'damaged';
    }
  } else if (!(a.bytes[a.bytes.length - 2] === 0xff && a.bytes[a.bytes.length - 1] === 0xd9)) return 'damaged';
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
