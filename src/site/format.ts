// Small helpers for the pages: ไม่ระบุ for missing data, star glyphs, the base path. Digits and percents
// come from the Formatter (src/views/format.ts).
import { NOT_SPECIFIED } from '../model/types.ts';

export { NOT_SPECIFIED };

/** "★★★" for display, with the book's "***" kept for screen readers via the label. */
export const starGlyphs = (stars: number): string => '★'.repeat(stars);

/** Joins a base path and a site path from src/paths.ts: withBase('/plans/', 'plans/2561/') → '/plans/plans/2561/'. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}
