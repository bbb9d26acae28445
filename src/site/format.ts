// Small text helpers for the pages: missing data reads ไม่ระบุ, never "" or "undefined".
import { NOT_SPECIFIED } from '../model/types.ts';
import type { Organisation } from '../model/types.ts';
import { digits, formatNumber } from '../thai/numbers.ts';

export { NOT_SPECIFIED };

/** The text, or ไม่ระบุ when it is missing or blank. */
export function orNotSpecified(text: string | number | undefined | null): string {
  if (text === undefined || text === null) return NOT_SPECIFIED;
  const s = String(text).trim();
  return s === '' ? NOT_SPECIFIED : s;
}

/** A list, or [ไม่ระบุ] when it is empty. */
export function listOrNotSpecified(items: readonly string[] | undefined): string[] {
  const xs = (items ?? []).map((s) => s.trim()).filter((s) => s !== '');
  return xs.length > 0 ? xs : [NOT_SPECIFIED];
}

/** Digits as the organisation writes them in headings (๒๕๖๑ by default in the book). */
export const headingText = (org: Organisation, text: string | number): string => digits(text, org.display.headingDigits);

/** Numbers in tables and amounts. */
export const amount = (org: Organisation, n: number): string => formatNumber(n, org.display.digits);

/** Percent of a share 0–1, one decimal when needed: 92, 7.5 */
export function percent(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** "★★★" for display, with the book's "***" kept for screen readers via the label. */
export const starGlyphs = (stars: number): string => '★'.repeat(stars);

/** Joins a base path and a site path from src/paths.ts: withBase('/plans/', 'plans/2561/') → '/plans/plans/2561/'. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}
