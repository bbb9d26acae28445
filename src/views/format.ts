// The one place the agency's digit settings (organisation.yaml → display) are applied. Every renderer
// formats numbers, years, percents and headings through a Formatter, so a card, a page and a PDF written
// from the same setting show the same digits.
import type { Organisation } from '../model/types.ts';
import { digits, formatNumber, type DigitStyle } from '../thai/numbers.ts';

export interface Formatter {
  /** Body digits: 15,000 / ๑๕,๐๐๐ */
  num: (n: number) => string;
  /** "15,000 บาท" */
  baht: (n: number) => string;
  /** A share 0–1 as a percent, one rule for every output: at most one decimal, none when whole (20, 7.5). */
  percent: (share: number) => string;
  /** Any body text with digits in it (years, dates, "ต.ค. 60"). */
  text: (s: string | number) => string;
  /** Heading text (heading_digits). */
  heading: (s: string | number) => string;
  /** Page numbers (page_number_digits). */
  page: (s: string | number) => string;
  styles: { body: DigitStyle; heading: DigitStyle; page: DigitStyle };
}

/** Rounds a share to a percent with at most one decimal: the only rounding rule for shares. */
export function sharePercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

export function formatter(org: Pick<Organisation, 'display'>): Formatter {
  const d = org.display;
  return {
    num: (n) => formatNumber(n, d.digits),
    baht: (n) => `${formatNumber(n, d.digits)} บาท`,
    percent: (share) => {
      const v = sharePercent(share);
      return digits(Number.isInteger(v) ? String(v) : v.toFixed(1), d.digits);
    },
    text: (s) => digits(s, d.digits),
    heading: (s) => digits(s, d.headingDigits),
    page: (s) => digits(s, d.pageNumberDigits),
    styles: { body: d.digits, heading: d.headingDigits, page: d.pageNumberDigits },
  };
}
