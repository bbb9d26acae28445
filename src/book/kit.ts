// The document kit: the parts every PDF of the product is composed from (cover, contents, headings,
// running header and footer, table styling, bar charts, metadata). The plan book and the project sheets
// use it; a quarterly report composes the same parts. Digits go through the organisation's Formatter.
import type { BookTheme } from '../../templates/book/theme.ts';
import type { Block, Canvas, CanvasTextStyle, DocumentSpec, Inline, PageSetup, TableBlock, TableRow } from '../pdf/index.ts';
import { imageFromBytes } from '../pdf/index.ts';
import type { Organisation } from '../model/types.ts';
import { formatter, type Formatter } from '../views/format.ts';

/** What a kit part needs: the organisation (digits, name), the look, and the formatter. */
export interface Kit { org: Organisation; theme: BookTheme; fmt: Formatter }

export const kitOf = (org: Organisation, theme: BookTheme): Kit => ({ org, theme, fmt: formatter(org) });

type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;
type HeadingBlock = Extract<Block, { type: 'heading' }>;

export const para = (content: Inline, extra: Partial<ParagraphBlock> = {}): Block => ({ type: 'paragraph', content, ...extra });

/** A chapter heading: centred by the caller where the book centres it. Text digits are heading digits. */
export function h1(k: Kit, id: string, title: string, extra: Partial<HeadingBlock> = {}): Block {
  return { type: 'heading', level: 1, id, content: k.fmt.heading(title), size: k.theme.size.h1, color: k.theme.colors.heading, keepWithNext: true, spaceAfter: 6, ...extra };
}

export function h2(k: Kit, id: string, title: string, extra: Partial<HeadingBlock> = {}): Block {
  return { type: 'heading', level: 2, id, content: k.fmt.heading(title), size: k.theme.size.h2, color: k.theme.colors.heading, keepWithNext: true, spaceBefore: 8, ...extra };
}

/** A section heading inside a chapter (not in the outline). */
export function h3(k: Kit, id: string, title: string, extra: Partial<HeadingBlock> = {}): Block {
  return { type: 'heading', level: 3, id, content: k.fmt.heading(title), outline: false, keepWithNext: true, size: k.theme.size.h3, color: k.theme.colors.heading, spaceBefore: 8, ...extra };
}

/** Header cells: bold, centred. */
export const headerRow = (titles: string[]): TableRow => ({ cells: titles.map((t) => ({ content: t, bold: true, align: 'center' as const })) });

/** The small tables' look (budget, PDCA, progress, Gantt): small type, thin rules, a subtle header. */
export function smallTable(k: Kit, t: Pick<TableBlock, 'columns' | 'rows'> & Partial<Omit<TableBlock, 'type'>>): Block {
  const { theme } = k;
  return { type: 'table', size: theme.size.small, padding: 4, borderColor: theme.colors.rule, borderWidth: 0.5, headerFill: theme.colors.tableSubtle, ...t };
}

/** The text, or as much of it as fits in `room` followed by …, cut between grapheme clusters (never
 *  between a Thai letter and its marks). */
export function ellipsize(cv: Canvas, text: string, room: number, style: CanvasTextStyle): string {
  if (cv.measure(text, style) <= room) return text;
  const seg = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  while (seg.length > 0 && cv.measure(seg.join('').trimEnd() + '…', style) > room) seg.pop();
  return seg.join('').trimEnd() + '…';
}

/** Horizontal bars with the amount after each bar, drawn as vectors. */
export function barChart(k: Kit, groups: Array<{ label: string; value: number }>): Block {
  const { theme, fmt } = k;
  const rowH = 22;
  const max = Math.max(1, ...groups.map((g) => g.value));
  return {
    type: 'canvas',
    height: groups.length * rowH + 8,
    draw: (c: Canvas) => {
      const labelW = c.width * 0.34;
      const barMax = c.width - labelW - 90;
      groups.forEach((g, i) => {
        const y = i * rowH + 4;
        c.text(0, y + rowH / 2, ellipsize(c, g.label, labelW - 8, { size: theme.size.small }), { size: theme.size.small, baseline: 'middle' });
        const w = (g.value / max) * barMax;
        c.rect(labelW, y + 4, Math.max(w, 0.5), rowH - 8, { fill: theme.colors.scheduled });
        c.text(labelW + w + 6, y + rowH / 2, fmt.num(g.value), { size: theme.size.small, baseline: 'middle' });
      });
    },
  };
}

/** A cover: the logo, the title lines, a subtitle, and who prepared it at the foot. */
export function cover(k: Kit, c: { logo?: Uint8Array; title: string[]; subtitle: string; preparedBy: string[] }): Block[] {
  const { theme, fmt } = k;
  const out: Block[] = [{ type: 'spacer', height: c.logo ? 60 : 150 }];
  if (c.logo) out.push({ type: 'image', image: imageFromBytes(c.logo), width: 110, align: 'center', spaceAfter: 30 });
  for (const t of c.title) out.push(para([{ text: fmt.heading(t), bold: true }], { size: theme.size.title, align: 'center', color: theme.colors.heading, lineHeight: 1.5 }));
  out.push(para([{ text: c.subtitle, bold: true }], { size: theme.size.subtitle, align: 'center', color: theme.colors.heading, spaceAfter: 140 }));
  out.push(para('จัดทำโดย', { align: 'center', size: theme.size.subtitle }));
  for (const line of c.preparedBy) out.push(para(line, { align: 'center', size: theme.size.subtitle }));
  return out;
}

/** An entry of สารบัญ: the anchor it points at, its title (digits already applied) and level. */
export interface ContentsEntry { id: string; title: string; level: 1 | 2 }

/** สารบัญ: one line per entry, page numbers right-aligned with dot leaders. */
export function contents(k: Kit, entries: ContentsEntry[], pageOf: (id: string) => string | undefined): Block[] {
  const out: Block[] = [h1(k, 'toc', 'สารบัญ', { align: 'center', outline: true })];
  out.push(para([{ text: 'หน้า', bold: true }], { align: 'right' }));
  for (const e of entries) out.push(contentsEntry(k, e, pageOf(e.id) ?? '0'));
  return out;
}

/** One contents entry: the core's tocEntry wraps a long title instead of cutting it, sets dot leaders to the
 *  page number and makes the whole entry one link to its anchor. */
function contentsEntry(k: Kit, e: ContentsEntry, page: string): Block {
  const { theme } = k;
  return { type: 'tocEntry', title: e.title, target: e.id, page, level: e.level, indent: 18, size: theme.size.body, bold: e.level === 1, leaderColor: theme.colors.leader };
}

/** The running header (a title, right) and footer (the page number, centred) of the body pages. */
export function running(k: Kit, header: string, footer: '{page}' | '{page}/{pages}'): Pick<PageSetup, 'header' | 'footer'> {
  const { theme } = k;
  return {
    header: { right: k.fmt.heading(header), size: theme.size.small - 1, color: theme.colors.muted, rule: true },
    footer: { center: footer, size: theme.size.small },
  };
}

/** A portrait page of the theme, numbered in the organisation's page digits. */
export const portraitPage = (k: Kit): PageSetup => ({ size: k.theme.pageSize, orientation: 'portrait', margins: k.theme.margins, numbering: k.fmt.styles.page });

/** Document metadata and base typography; `date` only when the build fixes one (SOURCE_DATE_EPOCH). */
export function documentBase(k: Kit, m: { title: string; subject: string; keywords: string[]; date?: Date }): Pick<DocumentSpec, 'meta' | 'theme'> {
  const { theme, org } = k;
  return {
    meta: {
      title: m.title,
      author: org.name,
      subject: m.subject,
      keywords: m.keywords,
      creator: 'action-plan-publisher',
      lang: 'th-TH',
      ...(m.date ? { creationDate: m.date, modDate: m.date } : {}),
    },
    theme: { size: theme.size.body, lineHeight: theme.lineHeight, color: theme.colors.text, headingColor: theme.colors.heading },
  };
}
