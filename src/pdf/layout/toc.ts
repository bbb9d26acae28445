/**
 * A contents entry: the title wraps with a hanging indent inside a column that stops short of the page label, so
 * the label never overlaps it; dot leaders run from the title's end to the label on the last line; the entry is
 * one link annotation over its whole box. Structure: TOC > TOCI > Reference > Link (title and label); leaders are
 * artifacts.
 */
import { pickFont } from '../font/font.ts';
import type { ItemTag } from '../render/items.ts';
import { shape } from '../shape/shaper.ts';
import type { LineFragment } from '../text/paragraph.ts';
import type { Box } from './box.ts';
import { drawLine, fitParagraph, paragraphStyle, toRuns } from './lines.ts';
import { artifact, tagOf, type Scope } from './structure.ts';
import type { Theme, TocEntryBlock } from './types.ts';

export function tocEntryBox(b: TocEntryBlock, width: number, theme: Theme, toc: Scope): Box {
  const { struct } = toc;
  const size = b.size ?? theme.size;
  const step = b.indent ?? 18;
  const x0 = (Math.max(1, b.level ?? 1) - 1) * step;
  const font = pickFont(theme.family, b.bold);
  const upem = font.info.unitsPerEm;
  const label = shape(font, b.page);
  const labelW = (label.advance * size) / upem;
  // the label column: room for three digits (so the leaders of all entries end at one x) or the label's width
  const labelCol = Math.max(labelW, size * 1.5);
  const gutter = labelCol + size;
  const hang = step;
  const titleW = Math.max(hang + size, width - x0 - gutter);
  // the entry is the link: a link of a run inside it would nest links
  const runs = toRuns(b.title, b.bold ? { bold: true } : undefined).map((r) => (r.link ? { ...r, link: undefined } : r));
  const style = paragraphStyle(theme, { size, align: 'left', indent: -hang, color: b.color ?? theme.color });
  const lines = fitParagraph(runs, style, titleW - hang);
  const height = lines.reduce((a, l) => a + l.height, 0);

  const toci = struct.add('TOCI', toc.parent);
  // a TOCI holds a Reference (ISO 32000-1 Table 333), the reference the link
  const link: ItemTag = tagOf(struct, struct.add('Link', struct.add('Reference', toci)));
  const tags = new Map<LineFragment, ItemTag>(lines.flatMap((l) => l.fragments.map((f) => [f, link] as const)));

  const dot = shape(font, '.');
  const dotW = (dot.advance * size) / upem;
  const pitch = size * 0.45;

  return {
    height,
    spaceBefore: b.spaceBefore ?? 0,
    spaceAfter: b.spaceAfter ?? size * 0.25,
    keepWithNext: b.keepWithNext,
    anchors: b.id ? [b.id] : undefined,
    draw: (ctx, x, y) => {
      let ly = y;
      let end = x + x0;
      let baseline = y;
      lines.forEach((line, i) => {
        drawLine(ctx, line, x + x0 + hang, ly, tags);
        end = x + x0 + (i === 0 ? 0 : hang) + line.width;
        baseline = ly + line.baseline;
        ly += line.height;
      });
      const labelX = x + width - labelW;
      // leaders on a grid from the column's left edge, so the dots of all entries line up
      const start = x + Math.ceil((end - x + size * 0.4) / pitch) * pitch;
      const n = Math.floor((x + width - labelCol - size * 0.4 - dotW - start) / pitch) + 1;
      if (n > 0) {
        const dots = shape(font, '.'.repeat(n));
        ctx.items.push({
          kind: 'text', x: start, y: baseline, shaped: dots, size, color: b.leaderColor ?? b.color ?? theme.color,
          gapExtra: pitch - dotW, gapAt: Array.from({ length: n - 1 }, (_, k) => k + 1), tag: artifact(toci),
        });
      }
      ctx.items.push({ kind: 'text', x: labelX, y: baseline, shaped: label, size, color: b.color ?? theme.color, tag: link });
      ctx.items.push({ kind: 'link', x: x + x0, y, w: width - x0, h: height, anchor: b.target, tag: link });
    },
  };
}
