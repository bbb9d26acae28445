// The whole plan book, in the order of the agency's own book: cover, สารบัญ, บทนำ, วิสัยทัศน์, พันธกิจ,
// เป้าประสงค์, ยุทธศาสตร์/กลยุทธ์, the action-plan table (landscape), รายละเอียดโครงการ, budget summary,
// progress reports. Reads only the model; the look comes from templates/book.
import type { Block, Canvas, CanvasTextStyle, DocumentSpec, Section, TableCell, TableRow } from '../pdf/index.ts';
import { imageFromBytes, mdastToBlocks } from '../pdf/index.ts';
import { NOT_SPECIFIED, type Project, type Targets } from '../model/types.ts';
import { digits } from '../thai/numbers.ts';
import { headingText, listOrMissing, num, para, projectSheet, type BookContext } from './sheet.ts';

/** A chapter in the table of contents: its anchor, title and outline level. */
interface Chapter { id: string; title: string; level: 1 | 2 }


function h1(ctx: BookContext, id: string, title: string, extra: Partial<Extract<Block, { type: 'heading' }>> = {}): Block {
  return { type: 'heading', level: 1, id, content: headingText(ctx, title), size: ctx.theme.size.h1, color: ctx.theme.colors.heading, keepWithNext: true, spaceAfter: 6, ...extra };
}

function cover(ctx: BookContext, logo?: Uint8Array): Block[] {
  const { plan, org, theme } = ctx;
  const out: Block[] = [{ type: 'spacer', height: logo ? 60 : 150 }];
  if (logo) out.push({ type: 'image', image: imageFromBytes(logo), width: 110, align: 'center', spaceAfter: 30 });
  const title = plan.title.startsWith('แผนปฏิบัติการดิจิทัล') ? ['แผนปฏิบัติการดิจิทัล', plan.title.slice('แผนปฏิบัติการดิจิทัล'.length).trim()] : [plan.title];
  for (const t of title) out.push(para([{ text: headingText(ctx, t), bold: true }], { size: theme.size.title, align: 'center', color: theme.colors.heading, lineHeight: 1.5 }));
  out.push(para([{ text: `ของ${org.name}`, bold: true }], { size: theme.size.subtitle, align: 'center', color: theme.colors.heading, spaceAfter: 140 }));
  out.push(para('จัดทำโดย', { align: 'center', size: theme.size.subtitle }));
  for (const line of [plan.preparedBy.name, ...org.parents]) out.push(para(line, { align: 'center', size: theme.size.subtitle }));
  return out;
}

/** สารบัญ: one line per chapter and project, page numbers right-aligned with dot leaders, each linked. */
function toc(ctx: BookContext, chapters: Chapter[], pageOf: (id: string) => string | undefined): Block[] {
  const { theme } = ctx;
  const out: Block[] = [h1(ctx, 'toc', 'สารบัญ', { align: 'center', outline: true })];
  out.push(para([{ text: 'หน้า', bold: true }], { align: 'right' }));
  for (const c of chapters) {
    const page = pageOf(c.id) ?? '0';
    const indent = c.level === 1 ? 0 : 18;
    out.push({
      type: 'canvas',
      height: theme.size.body * theme.lineHeight,
      draw: (cv: Canvas) => tocLine(cv, c.title, page, indent, theme.size.body, c.level === 1, theme.colors.leader),
    });
  }
  return out;
}

/** The text, or as much of it as fits in `room` followed by …, cut between grapheme clusters (never
 *  between a Thai letter and its marks). */
function ellipsize(cv: Canvas, text: string, room: number, style: CanvasTextStyle): string {
  if (cv.measure(text, style) <= room) return text;
  const seg = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  while (seg.length > 0 && cv.measure(seg.join('').trimEnd() + '…', style) > room) seg.pop();
  return seg.join('').trimEnd() + '…';
}

/** Draws "title ........ page", shortening the title with … when it would run into the page number. */
function tocLine(cv: Canvas, title: string, page: string, indent: number, size: number, bold: boolean, leader: string): void {
  const y = size * 1.15;
  const pageW = cv.measure(page, { size });
  const tw = cv.text(indent, y, ellipsize(cv, title, cv.width - indent - pageW - 24, { size, bold }), { size, bold });
  const dotW = cv.measure('.', { size });
  const from = indent + tw + 6;
  const to = cv.width - pageW - 6;
  if (to > from) cv.text(from, y, '.'.repeat(Math.max(0, Math.floor((to - from) / dotW))), { size, color: leader });
  cv.text(cv.width, y, page, { size, align: 'right' });
}

function front(ctx: BookContext): Block[] {
  const { plan, theme, org } = ctx;
  const md = (root: Parameters<typeof mdastToBlocks>[0]) =>
    mdastToBlocks(root, { digits: org.display.digits }).map((b) => (b.type === 'paragraph' ? { ...b, indent: theme.indent, align: 'distributed' as const } : b));
  const out: Block[] = [h1(ctx, 'introduction', 'บทนำ', { align: 'center' }), ...(plan.introduction ? md(plan.introduction) : [para(NOT_SPECIFIED)])];
  out.push(h1(ctx, 'vision', 'วิสัยทัศน์', { spaceBefore: 16 }));
  out.push(plan.vision ? para(`“${plan.vision}”`, { align: 'center', bold: true, color: theme.colors.heading }) : para(NOT_SPECIFIED));
  out.push(h1(ctx, 'missions', 'พันธกิจ', { spaceBefore: 16 }), ...listOrMissing(ctx, plan.missions));
  out.push(h1(ctx, 'goals', 'เป้าประสงค์', { spaceBefore: 16 }), ...listOrMissing(ctx, plan.goals));
  out.push(h1(ctx, 'strategies', 'ยุทธศาสตร์', { spaceBefore: 16 }));
  for (const s of plan.strategies) {
    out.push(para([{ text: headingText(ctx, `ยุทธศาสตร์ที่ ${s.number} `), bold: true }, { text: s.name }], { id: `strategy-${s.id}`, keepWithNext: s.tactics.length > 0, spaceBefore: 4 }));
    for (const t of s.tactics) out.push(para([{ text: headingText(ctx, `กลยุทธ์ ${t.number} `), bold: true }, { text: t.name }], { indent: 0, id: `tactic-${t.id}` }));
  }
  return out;
}

function targetsCell(t: Targets | undefined): TableCell {
  if (!t || t.overall.length + t.quantitative.length + t.qualitative.length === 0) return { content: NOT_SPECIFIED };
  const blocks: Block[] = t.overall.map((x) => para(x));
  if (t.quantitative.length) blocks.push(para([{ text: 'เชิงปริมาณ ', bold: true }, { text: t.quantitative.join(' ') }]));
  if (t.qualitative.length) blocks.push(para([{ text: 'เชิงคุณภาพ ', bold: true }, { text: t.qualitative.join(' ') }]));
  return { content: blocks };
}

const bullets = (items: string[]): TableCell =>
  items.length === 0 ? { content: NOT_SPECIFIED } : { content: items.length === 1 ? items[0]! : [{ type: 'list', items }] };

/** The ten-column action-plan table, its total row and the priority legend (หมายเหตุ). */
function actionPlanTable(ctx: BookContext): Block[] {
  const { plan, theme } = ctx;
  const head = ['ลำดับ ที่', 'กิจกรรม/โครงการ', 'ความสอดคล้องยุทธศาสตร์ของเงินทุนหมุนเวียนฯ', 'ความสอดคล้องยุทธศาสตร์ด้านเทคโนโลยีสารสนเทศ', 'เป้าหมาย', 'ผลที่คาดว่าจะได้รับ', 'ระยะเวลา', 'งบประมาณ (บาท)', 'ผู้รับผิดชอบ', 'ระดับความสำคัญ'];
  const rows: TableRow[] = plan.projects.map((p: Project) => ({
    // A row moves to the next page whole when it fits there; taller rows still split.
    keepTogether: true,
    cells: [
      { content: digits(p.order, ctx.org.display.digits), align: 'center' },
      { content: [{ text: p.name, link: `#project-${p.id}` }] },
      p.fundStrategies.length ? { content: p.fundStrategies.map((s) => para(`ยุทธศาสตร์ที่ ${s.number} ${s.name}`)) } : { content: NOT_SPECIFIED },
      p.strategies.length ? { content: p.strategies.map((s) => para(`ยุทธศาสตร์ที่ ${s.number} ${s.name}`)) } : { content: NOT_SPECIFIED },
      targetsCell(p.table.targets),
      bullets(p.table.expectedResults),
      { content: p.period.label },
      { content: num(ctx, p.budget), align: 'right' },
      { content: p.owner.name },
      { content: p.priority.marks, align: 'center', bold: true },
    ],
  }));
  rows.push({
    keepTogether: true,
    cells: [
      { content: 'รวมงบประมาณทั้งสิ้น', colSpan: 7, align: 'right', bold: true },
      { content: num(ctx, plan.totals.budget), align: 'right', bold: true },
      { content: `(${plan.totals.budgetWords})`, colSpan: 2 },
    ],
    fill: theme.colors.tableSubtle,
  });
  return [
    h1(ctx, 'action-plan', `แผนปฏิบัติการดิจิทัล ประจำปี ${plan.fiscalYear}`, { align: 'center', outlineTitle: headingText(ctx, `ตารางแผนปฏิบัติการดิจิทัล ประจำปี ${plan.fiscalYear}`) }),
    {
      type: 'table',
      columns: [...theme.actionTableColumns],
      header: [{ cells: head.map((t) => ({ content: t, bold: true, align: 'center' as const, color: theme.colors.tableHeaderText, valign: 'middle' as const })) }],
      headerFill: theme.colors.tableHeader,
      rows,
      size: theme.size.table,
      lineHeight: 1.5,
      padding: [3, 4, 3, 4],
      borderColor: theme.colors.rule,
      borderWidth: 0.5,
      repeatHeader: true,
    },
    para([{ text: 'หมายเหตุ', bold: true }], { spaceBefore: 10, keepWithNext: true, id: 'legend' }),
    ...plan.priorities.map((pr) => para(`${pr.marks.padEnd(4, ' ')} หมายถึง ${pr.label}`, { size: theme.size.small })),
  ];
}

/** Horizontal bars of a budget breakdown, drawn as vectors. */
function budgetBars(ctx: BookContext, groups: Array<{ label: string; budget: number }>): Block {
  const { theme } = ctx;
  const rowH = 22;
  const max = Math.max(1, ...groups.map((g) => g.budget));
  return {
    type: 'canvas',
    height: groups.length * rowH + 8,
    draw: (c: Canvas) => {
      const labelW = c.width * 0.34;
      const barMax = c.width - labelW - 90;
      groups.forEach((g, i) => {
        const y = i * rowH + 4;
        c.text(0, y + rowH / 2, ellipsize(c, g.label, labelW - 8, { size: theme.size.small }), { size: theme.size.small, baseline: 'middle' });
        const w = (g.budget / max) * barMax;
        c.rect(labelW, y + 4, Math.max(w, 0.5), rowH - 8, { fill: theme.colors.scheduled });
        c.text(labelW + w + 6, y + rowH / 2, num(ctx, g.budget), { size: theme.size.small, baseline: 'middle' });
      });
    },
  };
}

function budgetSummary(ctx: BookContext): Block[] {
  const { plan, theme } = ctx;
  const pct = (share: number) => `${digits((share * 100).toFixed(1), ctx.org.display.digits)}`;
  const table = (caption: string, rows: Array<{ label: string; count: number; budget: number; share: number }>): Block => ({
    type: 'table',
    columns: [52, 14, 20, 14],
    header: [{ cells: [caption, 'จำนวนโครงการ', 'งบประมาณ (บาท)', 'ร้อยละ'].map((t) => ({ content: t, bold: true, align: 'center' as const })) }],
    rows: [
      ...rows.map((r) => ({ cells: [r.label, { content: digits(r.count, ctx.org.display.digits), align: 'center' as const }, { content: num(ctx, r.budget), align: 'right' as const }, { content: pct(r.share), align: 'right' as const }] })),
      { fill: theme.colors.tableSubtle, cells: [{ content: 'รวม', bold: true }, { content: digits(plan.totals.projectCount, ctx.org.display.digits), align: 'center' as const, bold: true }, { content: num(ctx, plan.totals.budget), align: 'right' as const, bold: true }, { content: pct(1), align: 'right' as const, bold: true }] },
    ],
    size: theme.size.small,
    padding: 4,
    borderColor: theme.colors.rule,
    borderWidth: 0.5,
    headerFill: theme.colors.tableSubtle,
  });
  const byStrategy = plan.totals.byStrategy.map((g) => ({ label: `ยุทธศาสตร์ที่ ${g.key.number} ${g.key.name}`, count: g.projectIds.length, budget: g.budget, share: g.share }));
  const byPriority = plan.totals.byPriority.map((g) => ({ label: `${g.key.marks} ${g.key.label}`, count: g.projectIds.length, budget: g.budget, share: g.share }));
  return [
    h1(ctx, 'budget', 'สรุปงบประมาณ', { align: 'center' }),
    para(`งบประมาณรวมทั้งสิ้น ${num(ctx, plan.totals.budget)} บาท (${plan.totals.budgetWords}) จำนวน ${digits(plan.totals.projectCount, ctx.org.display.digits)} โครงการ`),
    { type: 'heading', level: 2, id: 'budget-strategy', content: 'งบประมาณจำแนกตามยุทธศาสตร์', size: theme.size.h2, color: theme.colors.heading, keepWithNext: true, spaceBefore: 8 },
    table('ยุทธศาสตร์', byStrategy),
    budgetBars(ctx, plan.totals.byStrategy.map((g) => ({ label: `ยุทธศาสตร์ที่ ${g.key.number}`, budget: g.budget }))),
    { type: 'heading', level: 2, id: 'budget-priority', content: 'งบประมาณจำแนกตามระดับความสำคัญ', size: theme.size.h2, color: theme.colors.heading, keepWithNext: true, spaceBefore: 8 },
    table('ระดับความสำคัญ', byPriority),
    budgetBars(ctx, byPriority),
    ...(plan.totals.byStrategy.some((g) => g.projectIds.length > 0) && plan.projects.some((p) => p.strategies.length > 1)
      ? [para('หมายเหตุ: โครงการที่สอดคล้องกับหลายยุทธศาสตร์นับงบประมาณในทุกยุทธศาสตร์ที่สอดคล้อง', { size: theme.size.small })]
      : []),
  ];
}

function progressChapter(ctx: BookContext): Block[] {
  const { plan, theme } = ctx;
  const out: Block[] = [h1(ctx, 'progress', 'รายงานความก้าวหน้า', { align: 'center' })];
  for (const r of plan.reports) {
    out.push({ type: 'heading', level: 2, id: `report-${r.id}`, content: headingText(ctx, r.label), size: theme.size.h2, color: theme.colors.heading, keepWithNext: true, spaceBefore: 8 });
    out.push(para(`ที่มาของข้อมูล: ${r.source}`, { size: theme.size.small, color: theme.colors.muted }));
    const rows: TableRow[] = plan.projects.flatMap((p) => {
      const pr = p.progress.find((x) => x.reportId === r.id);
      if (!pr) return [];
      return [{ cells: [p.name, pr.statusLabel, { content: pr.percent === undefined ? NOT_SPECIFIED : digits(pr.percent, ctx.org.display.digits), align: 'right' as const }, { content: pr.spent === undefined ? NOT_SPECIFIED : num(ctx, pr.spent), align: 'right' as const }, pr.note ?? '-'] }];
    });
    if (rows.length) {
      out.push({
        type: 'table', columns: [34, 14, 10, 16, 26],
        header: [{ cells: ['โครงการ', 'สถานะ', 'ร้อยละ', 'เบิกจ่ายสะสม (บาท)', 'หมายเหตุ'].map((t) => ({ content: t, bold: true, align: 'center' as const })) }],
        rows, size: theme.size.small, padding: 4, borderColor: theme.colors.rule, borderWidth: 0.5, headerFill: theme.colors.tableSubtle,
      });
    }
    if (r.keyFigures.length) {
      out.push(para([{ text: 'ตัวเลขสำคัญ', bold: true }], { keepWithNext: true, spaceBefore: 6 }));
      out.push({ type: 'list', items: r.keyFigures.map((k) => `${k.label} ${num(ctx, k.value)}${k.unit ? ` ${k.unit}` : ''}`) });
    }
  }
  return out;
}

/** The chapters listed in สารบัญ, in book order. */
function chapters(ctx: BookContext): Chapter[] {
  const { plan } = ctx;
  const h = (s: string) => headingText(ctx, s);
  return [
    { id: 'introduction', title: 'บทนำ', level: 1 },
    { id: 'vision', title: 'วิสัยทัศน์', level: 1 },
    { id: 'missions', title: 'พันธกิจ', level: 1 },
    { id: 'goals', title: 'เป้าประสงค์', level: 1 },
    { id: 'strategies', title: 'ยุทธศาสตร์', level: 1 },
    { id: 'planning', title: h(`การกำหนดแผนปฏิบัติการด้านดิจิทัล ${plan.yearKind === 'ปีบัญชี' ? 'ประจำปีบัญชี' : 'ประจำปีงบประมาณ'} พ.ศ. ${plan.fiscalYear}`), level: 1 },
    { id: 'action-plan', title: h(`ตารางแผนปฏิบัติการดิจิทัล ประจำปี ${plan.fiscalYear}`), level: 1 },
    { id: 'projects', title: 'รายละเอียดโครงการ', level: 1 },
    ...plan.projects.map((p) => ({ id: `project-${p.id}`, title: `${h(String(p.order))}. ${p.name}`, level: 2 as const })),
    { id: 'budget', title: 'สรุปงบประมาณ', level: 1 },
    ...(plan.reports.length ? [{ id: 'progress', title: 'รายงานความก้าวหน้า', level: 1 as const }] : []),
  ];
}

export interface BookOptions {
  logo?: Uint8Array;
  /** Fixed dates keep the output byte-identical (SOURCE_DATE_EPOCH). */
  date?: Date;
}

export function bookSpec(ctx: BookContext, pageOf: (id: string) => string | undefined, opts: BookOptions = {}): DocumentSpec {
  const { plan, org, theme } = ctx;
  const numbering = org.display.pageNumberDigits;
  const portrait = { size: theme.pageSize, orientation: 'portrait' as const, margins: theme.margins, numbering };
  const running = {
    header: { right: headingText(ctx, plan.title), size: theme.size.small - 1, color: theme.colors.muted, rule: true },
    footer: { center: '{page}', size: theme.size.small },
  };
  const contents = chapters(ctx);
  const planning = plan.actionPlanIntro ? mdastToBlocks(plan.actionPlanIntro, { digits: org.display.digits }).map((b) => (b.type === 'paragraph' ? { ...b, indent: theme.indent, align: 'distributed' as const } : b)) : [];
  const sections: Section[] = [
    { page: { ...portrait, numbering: 'none' }, title: 'ปก', blocks: cover(ctx, opts.logo) },
    { page: { ...portrait, numbering: 'none' }, title: 'สารบัญ', blocks: toc(ctx, contents, pageOf) },
    { page: { ...portrait, ...running, startAt: 1 }, title: 'บทนำ', blocks: [...front(ctx), { type: 'pageBreak' }, h1(ctx, 'planning', contents.find((c) => c.id === 'planning')!.title, { align: 'center' }), ...planning] },
    { page: { ...portrait, ...running, orientation: 'landscape', margins: theme.landscapeMargins }, title: 'ตารางแผนปฏิบัติการ', blocks: actionPlanTable(ctx) },
    {
      page: { ...portrait, ...running },
      title: 'รายละเอียดโครงการ',
      blocks: [
        h1(ctx, 'projects', 'รายละเอียดโครงการ', { align: 'center' }),
        ...plan.projects.flatMap((p, i) => [...(i > 0 ? [{ type: 'pageBreak' } as Block] : []), ...projectSheet(ctx, p)]),
      ],
    },
    { page: { ...portrait, ...running }, title: 'สรุปงบประมาณ', blocks: budgetSummary(ctx) },
    ...(plan.reports.length ? [{ page: { ...portrait, ...running }, title: 'รายงานความก้าวหน้า', blocks: progressChapter(ctx) }] : []),
  ];
  return {
    meta: {
      title: plan.title,
      author: org.name,
      subject: `${plan.title} ของ${org.name}`,
      keywords: ['แผนปฏิบัติการดิจิทัล', `พ.ศ. ${plan.fiscalYear}`, org.shortName, ...plan.strategies.map((s) => s.name)],
      creator: 'action-plan-publisher',
      lang: 'th-TH',
      ...(opts.date ? { creationDate: opts.date, modDate: opts.date } : {}),
    },
    theme: { size: theme.size.body, lineHeight: theme.lineHeight, color: theme.colors.text, headingColor: theme.colors.heading },
    sections,
  };
}

/** A single project's sheet as its own document (for procurement files). */
export function projectSpec(ctx: BookContext, project: Project, opts: BookOptions = {}): DocumentSpec {
  const { plan, org, theme } = ctx;
  return {
    meta: {
      title: project.name,
      author: org.name,
      subject: `รายละเอียดโครงการ ${plan.title}`,
      keywords: ['รายละเอียดโครงการ', `พ.ศ. ${plan.fiscalYear}`, org.shortName],
      creator: 'action-plan-publisher',
      lang: 'th-TH',
      ...(opts.date ? { creationDate: opts.date, modDate: opts.date } : {}),
    },
    theme: { size: theme.size.body, lineHeight: theme.lineHeight, color: theme.colors.text, headingColor: theme.colors.heading },
    sections: [{
      page: {
        size: theme.pageSize, margins: theme.margins, numbering: org.display.pageNumberDigits,
        header: { right: headingText(ctx, `${plan.title} · ${org.shortName}`), size: theme.size.small - 1, color: theme.colors.muted, rule: true },
        footer: { center: '{page}/{pages}', size: theme.size.small },
      },
      blocks: projectSheet(ctx, project, { outlineLevel: 1 }),
    }],
  };
}

