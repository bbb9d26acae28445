/**
 * The display list: what a laid-out page contains. Coordinates are in PDF points with the origin at the TOP-LEFT
 * of the page and y growing downwards (the writer flips them). Text items are positioned at their baseline.
 */
import type { Shaped } from '../shape/shaper.ts';

/** RGB colour, each channel 0..1, or a '#rrggbb' / '#rgb' string. */
export type Color = [number, number, number] | string;

/** Standard structure types (ISO 32000 §14.8.4) the layout assigns, plus Artifact for page furniture. */
export type StructRole =
  | 'Document' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Link' | 'TOC' | 'TOCI' | 'Reference';

/**
 * One structure element instance of a layout. Nodes form a tree through `parent` (node 0 is the Document root);
 * their order is reading order. A tagged-PDF writer builds the structure tree from this list and the items' tags.
 */
export interface StructNode {
  id: number;
  role: StructRole;
  /** undefined only for the root */
  parent?: number;
  /** alternate description (Figure) */
  alt?: string;
  /** header cells: what they head */
  scope?: 'Column' | 'Row';
  /** table cells spanning more than one column */
  colSpan?: number;
  /** lists: how items are numbered (PDF ListNumbering) */
  listNumbering?: 'Decimal' | 'Disc' | 'None';
}

/**
 * What a display item is in the document's structure: marked content of structure node `node`, or an Artifact
 * (running header/footer, page number, rule, fill, border, leader, repeated table header) — then `node` is the
 * element it decorates, so artifacts can still be traced to their block.
 */
export interface ItemTag {
  role: StructRole | 'Artifact';
  node: number;
  alt?: string;
}

export interface TextItem {
  kind: 'text';
  x: number;
  /** baseline */
  y: number;
  shaped: Shaped;
  size: number;
  color?: Color;
  /** extra space (pt) at each gap point — justification */
  gapExtra?: number;
  /** indexes of the clusters of `shaped` that get gapExtra before them (the layout's justification decision) */
  gapAt?: number[];
  underline?: boolean;
  tag?: ItemTag;
}

export interface RectItem {
  kind: 'rect';
  x: number; y: number; w: number; h: number;
  fill?: Color;
  stroke?: Color;
  lineWidth?: number;
  tag?: ItemTag;
}

export interface LineItem {
  kind: 'line';
  x1: number; y1: number; x2: number; y2: number;
  color?: Color;
  width?: number;
  dash?: number[];
  tag?: ItemTag;
}

export interface PathItem {
  kind: 'path';
  /** points of a polygon or polyline */
  points: Array<[number, number]>;
  closed?: boolean;
  fill?: Color;
  stroke?: Color;
  lineWidth?: number;
  tag?: ItemTag;
}

export interface ImageItem {
  kind: 'image';
  image: ImageSource;
  x: number; y: number; w: number; h: number;
  tag?: ItemTag;
}

export interface LinkItem {
  kind: 'link';
  x: number; y: number; w: number; h: number;
  /** external URL */
  uri?: string;
  /** internal target: an anchor id */
  anchor?: string;
  tag?: ItemTag;
}

export type Item = TextItem | RectItem | LineItem | PathItem | ImageItem | LinkItem;

export interface ImageSource {
  data: Uint8Array;
  format: 'png' | 'jpeg';
  /** intrinsic pixel size */
  width: number;
  height: number;
}

export interface Page {
  width: number;
  height: number;
  items: Item[];
  /** page label shown by viewers (e.g. "๑", "3", "ก") */
  label: string;
}

export interface OutlineEntry {
  title: string;
  anchor: string;
  level: number;
}

export interface AnchorPos {
  pageIndex: number;
  /** top-left coordinates on the page */
  x: number;
  y: number;
}

export interface DocumentMeta {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  creator?: string;
  producer?: string;
  /** only written when given: output stays byte-identical run to run */
  creationDate?: Date;
  modDate?: Date;
  /** BCP 47, default th-TH */
  lang?: string;
}

export function rgb(c: Color | undefined): [number, number, number] {
  if (c === undefined) return [0, 0, 0];
  if (Array.isArray(c)) return c;
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (short) return [parseInt(short[1]!, 16) / 15, parseInt(short[2]!, 16) / 15, parseInt(short[3]!, 16) / 15];
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (!m) throw new Error(`Bad colour ${c}`);
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}
