/**
 * Page flow: stacks boxes into pages with margins, honours keep-with-next chains and page breaks, splits tables,
 * records anchors and outline entries, then draws running headers and footers once the page count is known.
 */
import type { AnchorPos, OutlineEntry, Page, StructNode } from '../render/items.ts';
import { shape } from '../shape/shaper.ts';
import { pickFont } from '../font/font.ts';
import { toThaiDigits } from '../../thai/index.ts';
import type { Box, DrawCtx } from './box.ts';
import { blocksToBoxes } from './blocks.ts';
import { artifact, Structure } from './structure.ts';
import type { DocumentSpec, Margins, NumberStyle, PageSetup, RunningText, Theme } from './types.ts';

export const A4: [number, number] = [595.28, 841.89];
const CM = 72 / 2.54;
export const THAI_OFFICIAL_MARGINS: Margins = { top: 2.5 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM };

export interface LaidOutPage extends Page {
  sectionIndex: number;
  /** number within its numbering sequence */
  number: number;
}

export interface Layout {
  pages: LaidOutPage[];
  anchors: Map<string, AnchorPos>;
  outline: OutlineEntry[];
  theme: Theme;
  /** structure elements in reading order (node 0: Document); items point at them with their tag */
  structure: StructNode[];
}

function resolveSetup(base: PageSetup | undefined, own: PageSetup | undefined) {
  const s = { ...base, ...own };
  const [pw, ph] = s.size ?? A4;
  const landscape = s.orientation === 'landscape';
  const margins: Margins = { ...THAI_OFFICIAL_MARGINS, ...base?.margins, ...own?.margins };
  return {
    width: landscape ? Math.max(pw, ph) : Math.min(pw, ph),
    height: landscape ? Math.min(pw, ph) : Math.max(pw, ph),
    margins,
    header: s.header,
    footer: s.footer,
    numbering: (s.numbering ?? 'arabic') as NumberStyle,
    startAt: own?.startAt,
  };
}

export function formatPageNumber(n: number, style: NumberStyle): string {
  return style === 'thai' ? toThaiDigits(String(n)) : String(n);
}

export function flow(spec: DocumentSpec, theme: Theme): Layout {
  const pages: LaidOutPage[] = [];
  const anchors = new Map<string, AnchorPos>();
  const outline: OutlineEntry[] = [];
  const running: Array<{ page: LaidOutPage; header?: RunningText; footer?: RunningText; first: boolean; margins: Margins; numbering: NumberStyle; title?: string }> = [];
  let number = 0;
  const struct = new Structure();

  spec.sections.forEach((section, si) => {
    const setup = resolveSetup(spec.page, section.page);
    if (setup.startAt !== undefined) number = setup.startAt - 1;
    const colW = setup.width - setup.margins.left - setup.margins.right;
    const top = setup.margins.top;
    const bottom = setup.height - setup.margins.bottom;
    const queue: Box[] = blocksToBoxes(section.blocks, colW, theme, { struct, parent: 0 });
    let firstInSection = true;

    // placed boxes of the current page, drawn when the page is finished
    let placed: Array<{ box: Box; y: number }> = [];
    let y = top;
    const newPage = () => {
      number++;
      // Unnumbered pages (cover, contents) are labelled by their section's title, so viewers' page labels
      // match what is printed.
      const label = setup.numbering === 'none' ? (section.title ?? '') : formatPageNumber(number, setup.numbering);
      const page: LaidOutPage = { width: setup.width, height: setup.height, items: [], label, sectionIndex: si, number };
      pages.push(page);
      running.push({ page, header: setup.header, footer: setup.footer, first: firstInSection, margins: setup.margins, numbering: setup.numbering, title: section.title });
      firstInSection = false;
      placed = [];
      y = top;
    };
    const finishPage = () => {
      const page = pages[pages.length - 1]!;
      const pageIndex = pages.length - 1;
      const ctx: DrawCtx = {
        items: page.items,
        anchor: (id, x, ay) => { if (!anchors.has(id)) anchors.set(id, { pageIndex, x, y: ay }); },
        outline: (e) => outline.push(e),
      };
      for (const { box, y: by } of placed) {
        for (const id of box.anchors ?? []) ctx.anchor(id, setup.margins.left, by);
        if (box.outline) ctx.outline(box.outline);
        box.draw(ctx, setup.margins.left, by);
      }
    };
    newPage();
    while (queue.length) {
      const box = queue.shift()!;
      if (box.pageBreak) {
        if (placed.length) { finishPage(); newPage(); }
        if (box.anchors) placed.push({ box, y });
        continue;
      }
      const atTop = placed.length === 0;
      const gap = atTop ? 0 : Math.max(box.spaceBefore, placed[placed.length - 1]!.box.spaceAfter);
      if (y + gap + box.height <= bottom + 1e-6) {
        placed.push({ box, y: y + gap });
        y += gap + box.height;
        continue;
      }
      // does not fit: try to split (tables)
      if (box.split) {
        const parts = box.split(bottom - y - gap, atTop);
        if (parts) {
          placed.push({ box: parts[0], y: y + gap });
          finishPage(); newPage();
          queue.unshift(parts[1]);
          continue;
        }
      }
      if (atTop) {
        // taller than a page and unsplittable: place it anyway
        placed.push({ box, y });
        y += box.height;
        continue;
      }
      // move the keep-with-next chain ending here to the next page, unless it fills the page from its top
      let k = placed.length;
      while (k > 0 && placed[k - 1]!.box.keepWithNext) k--;
      const moved = k > 0 ? placed.splice(k) : [];
      finishPage(); newPage();
      queue.unshift(...moved.map((p) => p.box), box);
    }
    finishPage();
  });

  // running headers and footers, now that the page count is known
  const total = pages.length;
  for (const r of running) {
    const vars = { page: r.page.label, pages: formatPageNumber(total, r.numbering), section: r.title ?? '' };
    if (r.header && !(r.header.skipFirst && r.first)) drawRunning(r.page, r.header, vars, r.margins, theme, 'header');
    if (r.footer && !(r.footer.skipFirst && r.first)) drawRunning(r.page, r.footer, vars, r.margins, theme, 'footer');
  }
  return { pages, anchors, outline, theme, structure: struct.nodes };
}

function drawRunning(page: Page, rt: RunningText, vars: Record<string, string>, m: Margins, theme: Theme, where: 'header' | 'footer') {
  const size = rt.size ?? Math.max(8, theme.size - 2);
  const font = pickFont(theme.family);
  const { ascender, descender, unitsPerEm } = font.info;
  const baseline = where === 'header'
    ? m.top / 2 + ((ascender + descender) / 2 / unitsPerEm) * size
    : page.height - m.bottom / 2 + ((ascender + descender) / 2 / unitsPerEm) * size;
  const left = m.left;
  const right = page.width - m.right;
  const sub = (s: string) => s.replace(/\{(page|pages|section)\}/g, (_, k: string) => vars[k] ?? '');
  const slot = (text: string | undefined, align: 'left' | 'center' | 'right') => {
    if (!text) return;
    const shaped = shape(font, sub(text));
    const w = (shaped.advance * size) / unitsPerEm;
    const x = align === 'left' ? left : align === 'right' ? right - w : (left + right - w) / 2;
    page.items.push({ kind: 'text', x, y: baseline, shaped, size, color: rt.color ?? '#444444', tag: artifact(0) });
  };
  slot(rt.left, 'left');
  slot(rt.center, 'center');
  slot(rt.right, 'right');
  if (rt.rule) {
    const ry = where === 'header' ? baseline + size * 0.5 : baseline - size * 1.2;
    page.items.push({ kind: 'line', x1: left, y1: ry, x2: right, y2: ry, color: '#999999', width: 0.5, tag: artifact(0) });
  }
}
