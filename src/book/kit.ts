// The document kit: the parts every PDF of the product is composed from (cover, contents, headings,
// running header and footer, table styling, bar charts, metadata). The plan book and the project sheets
// use it; a quarterly report composes the same parts. Digits go through the organisation's Formatter.
import type { BookTheme } from '../../templates/book/theme.ts';
import type { Block, Canvas, DocumentSpec, Inline, PageSetup, TableBlock, TableRow } from '../pdf/index.ts';
import { imageFromBytes } from '../pdf/index.ts';
import { NOT_SPECIFIED, type Organisation } from '../model/types.ts';
import { siteAddress } from '../urls.ts';
import { ellipsize } from '../thai/index.ts';
import type { Formatter } from '../views/format.ts';

/** What a kit part needs: the organisation (digits, name), the look, and the formatter. */
export interface Kit { org: Organisation; theme: BookTheme; fmt: Formatter }

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

/** The style of the wide landscape forms (the action-plan table, a report's project table): header cells in the
 *  header colour, the header repeated on every page a row continues onto. */
export function formTable(k: Kit, t: Pick<TableBlock, 'columns' | 'rows'> & { headers: string[] }): Block {
  const { theme } = k;
  const { headers, ...rest } = t;
  return {
    type: 'table',
    header: [{ cells: headers.map((h) => ({ content: k.fmt.text(h), bold: true, align: 'center' as const, color: theme.colors.tableHeaderText, valign: 'middle' as const })) }],
    headerFill: theme.colors.tableHeader,
    size: theme.size.table,
    lineHeight: 1.5,
    padding: [3, 4, 3, 4],
    borderColor: theme.colors.rule,
    borderWidth: 0.5,
    repeatHeader: true,
    ...rest,
  };
}

/** A chart's data in words, its alternate text: "งบประมาณตามยุทธศาสตร์: ยุทธศาสตร์ที่ 1 115,000 บาท, …". */
export const chartAlt = (k: Kit, title: string, groups: Array<{ label: string; value: number }>, unit: string): string =>
  `${title}: ${groups.map((g) => `${g.label} ${k.fmt.num(g.value)}${unit ? ` ${unit}` : ''}`).join(', ')}`;

/** Horizontal bars with the amount after each bar, drawn as vectors; `title` and `unit` (บาท) word its alt text. */
export function barChart(k: Kit, groups: Array<{ label: string; value: number }>, c: { title: string; unit: string }): Block {
  const { theme, fmt } = k;
  const rowH = 22;
  const max = Math.max(1, ...groups.map((g) => g.value));
  return {
    type: 'canvas',
    height: groups.length * rowH + 8,
    alt: chartAlt(k, c.title, groups, c.unit),
    draw: (c: Canvas) => {
      const labelW = c.width * 0.34;
      const barMax = c.width - labelW - 90;
      groups.forEach((g, i) => {
        const y = i * rowH + 4;
        c.text(0, y + rowH / 2, ellipsize(g.label, (t) => c.measure(t, { size: theme.size.small }) <= labelW - 8), { size: theme.size.small, baseline: 'middle' });
        const w = (g.value / max) * barMax;
        c.rect(labelW, y + 4, Math.max(w, 0.5), rowH - 8, { fill: theme.colors.scheduled });
        c.text(labelW + w + 6, y + rowH / 2, fmt.num(g.value), { size: theme.size.small, baseline: 'middle' });
      });
    },
  };
}

/** A cover: the logo, the title lines, the subtitle lines, and who prepared it at the foot (under `byline`,
 *  "จัดทำโดย" unless given; "" for none). */
export function cover(k: Kit, c: { logo?: Uint8Array; title: string[]; subtitle: string | string[]; preparedBy: string[]; byline?: string }): Block[] {
  const { theme, fmt } = k;
  const out: Block[] = [{ type: 'spacer', height: c.logo ? 60 : 150 }];
  if (c.logo) out.push({ type: 'image', image: imageFromBytes(c.logo), width: 110, align: 'center', spaceAfter: 30, alt: `ตราสัญลักษณ์ของ${k.org.name}` });
  for (const t of c.title) out.push(para([{ text: fmt.heading(t), bold: true }], { size: theme.size.title, align: 'center', color: theme.colors.heading, lineHeight: 1.5 }));
  const subtitles = typeof c.subtitle === 'string' ? [c.subtitle] : c.subtitle;
  subtitles.forEach((s, i) => out.push(para([{ text: s, bold: true }], { size: theme.size.subtitle, align: 'center', color: theme.colors.heading, ...(i === subtitles.length - 1 ? { spaceAfter: 140 } : {}) })));
  const byline = c.byline ?? 'จัดทำโดย';
  if (byline) out.push(para(byline, { align: 'center', size: theme.size.subtitle }));
  for (const line of c.preparedBy) out.push(para(line, { align: 'center', size: theme.size.subtitle }));
  return out;
}

/** An absolute link to a page or file of the site, when organisation.yaml gives the site's address (checked
 *  against the URL policy here too: the schema's check is not the only gate of what a PDF links to). */
export const siteHref = (k: Kit, path: string): string | undefined => siteAddress(k.org.siteUrl, path);

export interface LineSeries {
  label: string;
  color: string;
  /** One value per category; undefined: no point there (the line stops). */
  values: Array<number | undefined>;
  dash?: number[];
}

/** The step of a value axis: 1, 2, 2.5 or 5 × a power of ten, about a quarter of the range. */
function axisStep(max: number): number {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * p).find((s) => s >= raw)!;
}

/** Lines over categories (months) on a value axis from 0 to at least `max`, the last point of each line
 *  labelled, the legend under it; drawn as vectors. `alt` gives the data in words. */
export function lineChart(k: Kit, c: { categories: string[]; series: LineSeries[]; max: number; unit: string; alt: string; height?: number }): Block {
  const { theme, fmt } = k;
  const size = theme.size.small;
  const height = c.height ?? 180;
  const step = axisStep(Math.max(1, c.max));
  const top = Math.ceil(Math.max(1, c.max) / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return {
    type: 'canvas',
    height,
    alt: c.alt,
    draw: (cv: Canvas) => {
      const tick = { size: size - 1, color: theme.colors.muted };
      const left = Math.max(...ticks.map((t) => cv.measure(fmt.num(t), tick))) + 8;
      const style = { size: size - 1, bold: true, baseline: 'middle' as const };
      // Room right of the plot for the last points' values, so a label never sits on a line.
      const labelRoom = Math.max(...c.series.map((s) => Math.max(0, ...s.values.map((v) => (v === undefined ? 0 : cv.measure(fmt.num(v), style)))))) + 10;
      const right = cv.width - labelRoom;
      const y0 = size * 1.6;
      const y1 = height - size * 4.2;
      const x = (i: number) => left + ((i + 0.5) / c.categories.length) * (right - left);
      const y = (v: number) => y1 - (v / top) * (y1 - y0);
      cv.text(0, size * 0.5, c.unit, { ...tick, baseline: 'middle' });
      for (const t of ticks) {
        cv.line(left, y(t), right, y(t), { color: t === 0 ? theme.colors.rule : '#d9d9d9', width: t === 0 ? 0.8 : 0.4 });
        cv.text(left - 5, y(t), fmt.num(t), { ...tick, align: 'right', baseline: 'middle' });
      }
      c.categories.forEach((name, i) => cv.text(x(i), y1 + size * 0.9, name, { ...tick, align: 'center', baseline: 'middle' }));
      const labels: Array<{ x: number; y: number; text: string; color: string }> = [];
      for (const s of c.series) {
        const pts = s.values.flatMap((v, i): Array<[number, number, number]> => (v === undefined ? [] : [[x(i), y(v), v]]));
        for (let i = 1; i < pts.length; i++) cv.line(pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1], { color: s.color, width: 1.8, dash: s.dash });
        for (const [px, py] of pts) cv.rect(px - 2.2, py - 2.2, 4.4, 4.4, { fill: s.color });
        const last = pts.at(-1);
        if (last) labels.push({ x: last[0], y: last[1], text: fmt.num(last[2]), color: s.color });
      }
      // The last points' values right of them, in the order of the points and a line apart at least,
      // centred on the points.
      labels.sort((a, b) => a.y - b.y);
      const at = labels.map((l) => l.y);
      for (let i = 1; i < labels.length; i++) labels[i]!.y = Math.max(labels[i]!.y, labels[i - 1]!.y + size * 1.1);
      const shift = labels.reduce((a, l, i) => a + l.y - at[i]!, 0) / Math.max(1, labels.length);
      for (const l of labels) l.y -= shift;
      for (const l of labels) cv.text(l.x + 6, l.y, l.text, { ...style, color: l.color });
      let lx = left;
      const ly = height - size * 1.2;
      for (const s of c.series) {
        cv.line(lx, ly, lx + 22, ly, { color: s.color, width: 1.8, dash: s.dash });
        cv.rect(lx + 8.8, ly - 2.2, 4.4, 4.4, { fill: s.color });
        lx += 28 + cv.text(lx + 28, ly, s.label, { size: size - 1, baseline: 'middle' }) + 18;
      }
    },
  };
}

export interface SignOffParty { role: string; name?: string; date: { label: string; value?: string } }

/** Who reported and who approved, side by side, as a form's signature block; ไม่ระบุ where a value is missing.
 *  One body row, kept whole: the block never splits across pages. */
export function signOff(k: Kit, parties: SignOffParty[]): Block {
  const { theme, fmt } = k;
  const missing = { text: NOT_SPECIFIED, color: theme.colors.muted };
  return {
    type: 'table',
    columns: parties.map(() => 1),
    size: theme.size.body,
    padding: [6, 8, 6, 8],
    borderColor: theme.colors.rule,
    borderWidth: 0.5,
    headerFill: theme.colors.tableSubtle,
    header: [headerRow(parties.map((p) => p.role))],
    rows: [{
      keepTogether: true,
      cells: parties.map((p) => ({
        content: [
          para([p.name ? { text: fmt.text(p.name) } : missing], { align: 'center' }),
          para([{ text: `${p.date.label} `, bold: true }, p.date.value ? { text: fmt.text(p.date.value) } : missing], { align: 'center', spaceBefore: 4 }),
        ],
      })),
    }],
  };
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

/** Document metadata, base typography and the theme's conformance (tagged PDF/UA-1, PDF/A-2u); `date` only
 *  when the build fixes one (SOURCE_DATE_EPOCH). */
export function documentBase(k: Kit, m: { title: string; subject: string; keywords: string[]; date?: Date }): Pick<DocumentSpec, 'meta' | 'theme' | 'tagged' | 'pdfa'> {
  const { theme, org } = k;
  return {
    tagged: theme.tagged,
    pdfa: theme.pdfa,
    meta: {
      title: m.title,
      author: org.name,
      subject: m.subject,
      keywords: m.keywords,
      creator: 'action-plan-publisher',
      producer: 'action-plan-publisher (src/pdf)',
      lang: 'th-TH',
      ...(m.date ? { creationDate: m.date, modDate: m.date } : {}),
    },
    theme: { size: theme.size.body, lineHeight: theme.lineHeight, color: theme.colors.text, headingColor: theme.colors.heading },
  };
}
