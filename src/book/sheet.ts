// One project's detail sheet (รายละเอียดโครงการ), sections 1–10 numbered as the book numbers them.
// Used in the plan book and alone as the per-project PDF for procurement files.
import type { BookTheme } from '../../templates/book/theme.ts';
import type { Block, Inline, TableRow } from '../pdf/index.ts';
import { mdastToBlocks } from '../pdf/index.ts';
import { NOT_SPECIFIED, type Plan, type Project, type Organisation } from '../model/types.ts';
import { paths } from '../paths.ts';
import { digits, formatNumber } from '../thai/numbers.ts';

export interface BookContext {
  org: Organisation;
  plan: Plan;
  theme: BookTheme;
}

/** Numbers in body text and tables follow the organisation's digit setting. */
export const num = (ctx: BookContext, n: number): string => formatNumber(n, ctx.org.display.digits);
export const headingText = (ctx: BookContext, s: string): string => digits(s, ctx.org.display.headingDigits);

export const para = (content: Inline, extra: Partial<Extract<Block, { type: 'paragraph' }>> = {}): Block => ({ type: 'paragraph', content, ...extra });
const missing = (ctx: BookContext): Block => para(NOT_SPECIFIED, { color: ctx.theme.colors.muted });

/** A list, or ไม่ระบุ when empty; one item prints as a plain paragraph, as the book does. */
export function listOrMissing(ctx: BookContext, items: string[], ordered = true): Block[] {
  if (items.length === 0) return [missing(ctx)];
  if (items.length === 1) return [para(items[0]!)];
  return [{ type: 'list', ordered, digits: ctx.org.display.digits, items }];
}

function sectionHeading(ctx: BookContext, n: number, title: string, project: Project): Block {
  return {
    type: 'heading',
    level: 3,
    content: headingText(ctx, `${n}. ${title}`),
    outline: false,
    keepWithNext: true,
    id: `${project.id}-s${n}`,
    size: ctx.theme.size.h3,
    color: ctx.theme.colors.heading,
    spaceBefore: 8,
  };
}

function targetsBlocks(ctx: BookContext, p: Project): Block[] {
  const t = p.targets;
  if (!t || t.overall.length + t.quantitative.length + t.qualitative.length === 0) return [missing(ctx)];
  const out: Block[] = [...(t.overall.length ? listOrMissing(ctx, t.overall) : [])];
  if (t.quantitative.length) out.push(para([{ text: 'เชิงปริมาณ', bold: true }], { keepWithNext: true }), ...listOrMissing(ctx, t.quantitative, false));
  if (t.qualitative.length) out.push(para([{ text: 'เชิงคุณภาพ', bold: true }], { keepWithNext: true }), ...listOrMissing(ctx, t.qualitative, false));
  return out;
}

/** The month grid ต.ค.–ก.ย. with BE years grouped over the months, as the book's header does. */
export function ganttTable(ctx: BookContext, p: Project): Block {
  const { plan, theme } = ctx;
  const years: Array<{ year: number; span: number }> = [];
  for (const m of plan.months) {
    const last = years[years.length - 1];
    if (last && last.year === m.year) last.span++;
    else years.push({ year: m.year, span: 1 });
  }
  const header: TableRow[] = [
    { cells: [{ content: 'กิจกรรม', bold: true }, ...years.map((y) => ({ content: headingText(ctx, String(y.year)), colSpan: y.span, align: 'center' as const, bold: true }))] },
    { cells: [{ content: '' }, ...plan.months.map((m) => ({ content: m.name, align: 'center' as const }))] },
  ];
  const rows: TableRow[] = p.activities.map((a, i) => ({
    keepTogether: true,
    cells: [
      { content: `${digits(i + 1, ctx.org.display.digits)}. ${a.name}` },
      ...plan.months.map((m) => (a.monthIndexes.includes(m.index) ? { content: '', fill: theme.colors.scheduled } : { content: '' })),
    ],
  }));
  return {
    type: 'table',
    columns: [30, ...plan.months.map(() => 4)],
    header,
    rows,
    size: theme.size.small,
    padding: [2, 3, 2, 3],
    borderColor: theme.colors.rule,
    borderWidth: 0.5,
    headerFill: theme.colors.tableSubtle,
  };
}

export function pdcaTable(ctx: BookContext, p: Project): Block {
  const { theme } = ctx;
  let n = 0;
  return {
    type: 'table',
    columns: [22, 46, 14, 18],
    header: [{ cells: ['ขั้นตอน', 'กิจกรรม/วิธีดำเนินการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'].map((t) => ({ content: t, bold: true, align: 'center' as const })) }],
    rows: p.pdca.map((s) => ({
      keepTogether: true,
      cells: [
        s.label,
        { content: s.activities.map((a) => para(`${digits(++n, ctx.org.display.digits)}. ${a}`, { size: theme.size.small })) },
        { content: s.month ? s.month.labelShort : NOT_SPECIFIED, align: 'center' },
        (s.owner ?? p.owner).name,
      ],
    })),
    size: theme.size.small,
    padding: 4,
    borderColor: theme.colors.rule,
    borderWidth: 0.5,
    headerFill: theme.colors.tableSubtle,
  };
}

function scheduleBlocks(ctx: BookContext, p: Project): Block[] {
  const out: Block[] = [];
  if (p.procurement !== undefined) {
    out.push(para([{ text: 'การจัดหา: ', bold: true }, { text: p.procurement ? p.procurement.label : `${NOT_SPECIFIED} (ขยายระบบเดิม / จัดหาใหม่ / ทดแทน)` }]));
  }
  if (p.activities.length > 0) {
    out.push(para([{ text: 'แนวทางการดำเนินงาน', bold: true }], { keepWithNext: true }));
    out.push({ type: 'list', ordered: true, digits: ctx.org.display.digits, items: p.activities.map((a) => a.name) });
    if (p.activities.some((a) => a.monthIndexes.length > 0)) out.push(ganttTable(ctx, p));
    else out.push(para([{ text: 'กำหนดการรายเดือน: ', bold: true }, { text: NOT_SPECIFIED }]));
  }
  if (p.pdca.length > 0) {
    // With PDCA steps only, the section heading already says กิจกรรมขั้นตอนดำเนินงาน.
    if (p.activities.length > 0) out.push(para([{ text: 'กิจกรรมขั้นตอนดำเนินงาน', bold: true }], { keepWithNext: true }));
    out.push(pdcaTable(ctx, p));
  }
  if (p.activities.length === 0 && p.pdca.length === 0) out.push(missing(ctx));
  out.push(para([{ text: 'ระยะเวลาดำเนินการ: ', bold: true }, { text: p.period.label }]));
  return out;
}

function budgetBlocks(ctx: BookContext, p: Project): Block[] {
  const out: Block[] = [para(`${num(ctx, p.budget)} บาท (${p.budgetWords})`)];
  if (p.budgetBreakdown.length > 0) {
    out.push({
      type: 'table',
      columns: [70, 30],
      header: [{ cells: [{ content: 'รายการ', bold: true }, { content: 'จำนวนเงิน (บาท)', bold: true, align: 'right' }] }],
      rows: p.budgetBreakdown.map((b) => ({ cells: [b.item, { content: num(ctx, b.amount), align: 'right' }] })),
      size: ctx.theme.size.small,
      padding: 4,
      borderColor: ctx.theme.colors.rule,
      borderWidth: 0.5,
    });
  }
  return out;
}

/** The sheet's blocks; the first is the project heading (an outline entry and a link target). */
export function projectSheet(ctx: BookContext, p: Project, opts: { outlineLevel: 1 | 2 } = { outlineLevel: 2 }): Block[] {
  const { theme, org, plan } = ctx;
  const blocks: Block[] = [
    {
      type: 'heading',
      level: opts.outlineLevel,
      id: `project-${p.id}`,
      content: [{ text: 'ชื่อโครงการ : ', bold: true }, { text: p.name, bold: true }],
      outlineTitle: `${headingText(ctx, String(p.order))}. ${p.name}`,
      size: theme.size.h2,
      color: theme.colors.heading,
      keepWithNext: true,
    },
  ];
  if (org.siteUrl) {
    const url = new URL(paths.project(plan, p), org.siteUrl.endsWith('/') ? org.siteUrl : `${org.siteUrl}/`).href;
    blocks.push(para([{ text: 'หน้าเว็บของโครงการ: ', color: theme.colors.muted }, { text: url, link: url, color: theme.colors.heading }], { size: theme.size.small }));
  }
  const sections: Array<[string, Block[]]> = [
    ['หลักการและเหตุผล', p.rationale ? mdastToBlocks(p.rationale, { digits: org.display.digits }).map((b) => (b.type === 'paragraph' ? { ...b, indent: theme.indent } : b)) : [missing(ctx)]],
    ['วัตถุประสงค์', listOrMissing(ctx, p.objectives)],
    ['เป้าหมาย', targetsBlocks(ctx, p)],
    ['ขอบเขตและข้อกำหนดความต้องการ', p.scope ? mdastToBlocks(p.scope, { digits: org.display.digits }) : [missing(ctx)]],
    [p.pdca.length > 0 && p.activities.length === 0 ? 'กิจกรรมขั้นตอนดำเนินงาน' : 'แนวทางการดำเนินงาน และกำหนดการ', scheduleBlocks(ctx, p)],
    ['งบประมาณ', budgetBlocks(ctx, p)],
    ['ผู้รับผิดชอบโครงการ', [para(p.owner.name)]],
    ['ผลที่คาดว่าจะได้รับ', listOrMissing(ctx, p.expectedResults)],
    ['ดัชนีชี้วัดความสำเร็จ', listOrMissing(ctx, p.kpis.map((k) => k.text), false)],
    ['การติดตามประเมินผลและรายงาน', [p.monitoring ? para(p.monitoring.label) : missing(ctx)]],
  ];
  sections.forEach(([title, body], i) => blocks.push(sectionHeading(ctx, i + 1, title, p), ...body));
  return blocks;
}
