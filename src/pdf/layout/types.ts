/** The document model the layout engine accepts: page setups, sections and blocks. */
import type { FontFamily } from '../font/font.ts';
import type { Color, DocumentMeta, ImageSource } from '../render/items.ts';
import type { Align, Run } from '../text/paragraph.ts';

export type Inline = string | Run[];

export interface Margins { top: number; right: number; bottom: number; left: number }

/** Header or footer: three slots; `{page}`, `{pages}` and `{section}` are replaced. */
export interface RunningText {
  left?: string;
  center?: string;
  right?: string;
  size?: number;
  color?: Color;
  /** draw a thin rule between it and the body */
  rule?: boolean;
  /** leave it off the first page of the section */
  skipFirst?: boolean;
}

export type NumberStyle = 'arabic' | 'thai' | 'none';

export interface PageSetup {
  /** [width, height] of the portrait page in pt; default A4 */
  size?: [number, number];
  orientation?: 'portrait' | 'landscape';
  /** default: Thai official margins — left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm */
  margins?: Partial<Margins>;
  header?: RunningText;
  footer?: RunningText;
  /** digits of page numbers in headers, footers and page labels (default arabic) */
  numbering?: NumberStyle;
  /** restart page numbering at this number for this section */
  startAt?: number;
}

export interface Section {
  page?: PageSetup;
  /** a name available to running headers as {section} */
  title?: string;
  blocks: Block[];
}

export interface Theme {
  family: FontFamily;
  /** body size, pt */
  size: number;
  lineHeight: number;
  color: Color;
  /** sizes of heading levels 1..6 */
  headingSizes: number[];
  headingColor?: Color;
  paragraphSpacing: number;
  align: Align;
  /** first-line indent of body paragraphs, pt */
  indent: number;
  linkColor: Color;
}

export interface DocumentSpec {
  meta?: DocumentMeta;
  /** tagged PDF (PDF/UA-1): structure tree, marked content, artifacts (default true) */
  tagged?: boolean;
  /** PDF/A-2u: XMP metadata, sRGB output intent, file ID (default true) */
  pdfa?: boolean;
  theme?: Partial<Theme>;
  /** defaults for every section's page setup */
  page?: PageSetup;
  sections: Section[];
}

interface BlockBase {
  /** anchor id: internal links and page lookups (pageOf) target it */
  id?: string;
  spaceBefore?: number;
  spaceAfter?: number;
  /** keep on the same page as the next block */
  keepWithNext?: boolean;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  content: Inline;
  size?: number;
  lineHeight?: number;
  align?: Align;
  indent?: number;
  color?: Color;
  bold?: boolean;
  /** 'shrink': set on one line at the largest size ≤ size that fits (never below 60 % of it) */
  fit?: 'shrink';
  /** an entry in the PDF outline (bookmarks) at `id` without being a heading, e.g. a table row's name;
   *  the title defaults to the text */
  bookmark?: { level: 1 | 2 | 3 | 4 | 5 | 6; title?: string };
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  content: Inline;
  /** add to the PDF outline (bookmarks); default true */
  outline?: boolean;
  /** outline title if different from the text */
  outlineTitle?: string;
  align?: Align;
  size?: number;
  color?: Color;
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered?: boolean;
  start?: number;
  /** marker text of item n (1-based); default "•" or "n." */
  marker?: (n: number) => string;
  /** digits of automatic numbers */
  digits?: 'arabic' | 'thai';
  /** hanging indent of item content, pt */
  indent?: number;
  /** items; each item is a list of blocks (a string is one paragraph) */
  items: Array<Inline | Block[]>;
  itemSpacing?: number;
  size?: number;
}

export interface TableCell {
  content: Inline | Block[];
  colSpan?: number;
  fill?: Color;
  align?: Align;
  bold?: boolean;
  color?: Color;
  valign?: 'top' | 'middle' | 'bottom';
  /** set text content on one line at the largest size ≤ the table's that fits the cell (never below 60 % of it) */
  shrinkToFit?: boolean;
}

export interface TableRow {
  cells: Array<TableCell | string>;
  fill?: Color;
  /**
   * never split this row across pages. By default a row that does not fit the rest of the page is split at line
   * boundaries (at least 2 lines of every continuing cell on each side) and continues under the repeated header.
   */
  keepTogether?: boolean;
  /** a group heading row: never the last row before a page break (it moves on with the row below it) */
  keepWithNext?: boolean;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  /** relative widths of the columns */
  columns: number[];
  /** total width in pt (default: the full column width) */
  width?: number;
  header?: TableRow[];
  rows: TableRow[];
  /** repeat the header rows on each page (default true) */
  repeatHeader?: boolean;
  size?: number;
  lineHeight?: number;
  /** cell padding, pt: one number or [top, right, bottom, left] */
  padding?: number | [number, number, number, number];
  borderColor?: Color;
  borderWidth?: number;
  headerFill?: Color;
  /** fill of every other body row */
  stripeFill?: Color;
  align?: Align;
}

export interface ImageBlock extends BlockBase {
  type: 'image';
  image: ImageSource;
  /** pt; default: intrinsic size at 96 dpi, shrunk to fit */
  width?: number;
  height?: number;
  align?: 'left' | 'center' | 'right';
  /** alternate text of the figure */
  alt?: string;
}

export interface Canvas {
  readonly width: number;
  readonly height: number;
  rect(x: number, y: number, w: number, h: number, style: { fill?: Color; stroke?: Color; lineWidth?: number }): void;
  line(x1: number, y1: number, x2: number, y2: number, style?: { color?: Color; width?: number; dash?: number[] }): void;
  polygon(points: Array<[number, number]>, style: { fill?: Color; stroke?: Color; lineWidth?: number; closed?: boolean }): void;
  /** draw one line of text; y is the baseline unless baseline says otherwise; returns its width */
  text(x: number, y: number, text: string, style?: CanvasTextStyle): number;
  measure(text: string, style?: CanvasTextStyle): number;
  image(image: ImageSource, x: number, y: number, w: number, h: number): void;
}

export interface CanvasTextStyle {
  size?: number;
  bold?: boolean;
  color?: Color;
  align?: 'left' | 'center' | 'right';
  baseline?: 'alphabetic' | 'middle' | 'top';
}

/** Vector drawing (charts, Gantt grids): draw() receives a canvas of the block's size, origin top-left. */
export interface CanvasBlock extends BlockBase {
  type: 'canvas';
  height: number;
  width?: number;
  draw: (c: Canvas) => void;
  /** alternate text of the figure */
  alt?: string;
}

/**
 * One entry of a table of contents; consecutive entries form one TOC. The title wraps with a hanging indent (never
 * cut); the page label sits right-aligned after dot leaders on the last line; the whole entry is one link.
 */
export interface TocEntryBlock extends BlockBase {
  type: 'tocEntry';
  title: Inline;
  /** anchor id the entry links to */
  target: string;
  /** page label printed at the right */
  page: string;
  /** 1, 2, …: indented (level − 1) × indent */
  level?: number;
  /** pt per level, also the hanging indent of continuation lines (default 18) */
  indent?: number;
  size?: number;
  bold?: boolean;
  color?: Color;
  leaderColor?: Color;
}

export interface SpacerBlock extends BlockBase { type: 'spacer'; height: number }
export interface PageBreakBlock extends BlockBase { type: 'pageBreak' }
export interface KeepTogetherBlock extends BlockBase { type: 'keepTogether'; blocks: Block[] }
export interface RuleBlock extends BlockBase { type: 'rule'; color?: Color; width?: number }

export type Block =
  | ParagraphBlock | HeadingBlock | ListBlock | TableBlock | ImageBlock | CanvasBlock | SpacerBlock
  | PageBreakBlock | KeepTogetherBlock | RuleBlock | TocEntryBlock;
