// The plan book's look. An agency restyles its book here (or in organisation.yaml for colours and digits);
// the engine in src/book reads only this object. Sizes are in points (1 cm = 28.35 pt).
import type { Organisation } from '../../src/model/types.ts';

const CM = 72 / 2.54;

export interface BookTheme {
  /** [width, height] of the portrait page, pt (A4). */
  pageSize: [number, number];
  /** Thai official margins for portrait pages: left 3 cm, right 2 cm. */
  margins: { top: number; right: number; bottom: number; left: number };
  /** The action-plan table is printed landscape with narrower margins. */
  landscapeMargins: { top: number; right: number; bottom: number; left: number };
  size: { body: number; table: number; small: number; title: number; subtitle: number; h1: number; h2: number; h3: number };
  /** ≥ 1.5: stacked Thai marks rise above the Latin ascender. */
  lineHeight: number;
  colors: { text: string; heading: string; rule: string; tableHeader: string; tableHeaderText: string; scheduled: string; muted: string; /** header of the small tables, total rows */ tableSubtle: string; /** TOC dot leaders */ leader: string };
  /** Relative widths of the ten columns of the action-plan table. */
  actionTableColumns: [number, number, number, number, number, number, number, number, number, number];
  /** Paragraph first-line indent, as Thai documents indent body text. */
  indent: number;
  /** Tagged PDF (PDF/UA-1): headings, lists, tables, figures with alt text for screen readers. */
  tagged: boolean;
  /** Archival PDF/A-2u: XMP metadata, sRGB output intent, file ID. */
  pdfa: boolean;
}

/** The default theme, coloured by the organisation's branding. */
export function bookTheme(org: Organisation): BookTheme {
  return {
    pageSize: [595.28, 841.89],
    margins: { top: 2.5 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM },
    landscapeMargins: { top: 2 * CM, right: 1.5 * CM, bottom: 1.5 * CM, left: 1.5 * CM },
    size: { body: 14, table: 10.5, small: 11, title: 26, subtitle: 18, h1: 20, h2: 16, h3: 14 },
    lineHeight: 1.6,
    colors: {
      text: '#1a1a1a',
      heading: org.branding.colors.primary,
      rule: '#8a8a8a',
      tableHeader: org.branding.colors.primary,
      tableHeaderText: '#ffffff',
      scheduled: org.branding.colors.primary,
      muted: '#5c5c5c',
      tableSubtle: '#e8ecf3',
      leader: '#777777',
    },
    actionTableColumns: [5.5, 16.5, 12, 13, 14, 13, 9, 9, 9, 6.5],
    indent: 1.25 * CM,
    tagged: true,
    pdfa: true,
  };
}
