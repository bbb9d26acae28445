// One project's detail sheet (รายละเอียดโครงการ), the ten sections as src/views/sections.ts titles them.
// Used in the plan book and alone as the per-project PDF for procurement files.
import type { BookTheme } from '../../templates/book/theme.ts';
import type { Block, TableRow } from '../pdf/index.ts';
import { mdastToBlocks } from '../pdf/index.ts';
import type { Plan, Project, Organisation } from '../model/types.ts';
import type { SheetSectionKey } from '../views/sections.ts';
import { paths } from '../paths.ts';
import { formatter } from '../views/format.ts';
import { markdownDigits } from '../views/markdown.ts';
import { kpiLine, kpiRows } from '../views/kpi.ts';
import { LABELS, NOT_SPECIFIED } from '../views/labels.ts';
import { PDCA_SCHEDULE_TITLE, projectSections } from '../views/sections.ts';
import { targetGroups } from '../views/targets.ts';
import { h3, headerRow, para, siteHref, smallTable, type Kit } from './kit.ts';

export interface BookContext {
  org: Organisation;
  plan: Plan;
  theme: BookTheme;
}

/** The kit with the plan: what the book's and the sheet's parts read. */
export interface BookKit extends Kit { plan: Plan }

export const bookKit = (ctx: BookContext): BookKit => ({ ...ctx, fmt: formatter(ctx.org) });

const missing = (k: BookKit): Block => para(NOT_SPECIFIED, { color: k.theme.colors.muted });

/** A list, or ไม่ระบุ when empty; one item prints as a plain paragraph, as the book does. */
export function listOrMissing(k: BookKit, items: string[], ordered = true): Block[] {
  if (items.length === 0) return [missing(k)];
  if (items.length === 1) return [para(k.fmt.text(items[0]!))];
  return [{ type: 'list', ordered, digits: k.fmt.styles.body, items: items.map(k.fmt.text) }];
}

function targetsBlocks(k: BookKit, p: Project): Block[] {
  const groups = targetGroups(p.targets);
  if (groups.length === 0) return [missing(k)];
  return groups.flatMap((g) => g.label
    ? [para([{ text: g.label, bold: true }], { keepWithNext: true }), ...listOrMissing(k, g.items, false)]
    : listOrMissing(k, g.items));
}

/** The month grid ต.ค.–ก.ย. with BE years grouped over the months, as the book's header does. */
export function ganttTable(k: BookKit, p: Project): Block {
  const { plan, theme, fmt } = k;
  const years: Array<{ year: number; span: number }> = [];
  for (const m of plan.months) {
    const last = years[years.length - 1];
    if (last && last.year === m.year) last.span++;
    else years.push({ year: m.year, span: 1 });
  }
  // Month names are set on one line, smaller if the cell is narrow, so "ต.ค." never breaks.
  const header: TableRow[] = [
    { cells: [{ content: 'กิจกรรม', bold: true }, ...years.map((y) => ({ content: fmt.heading(y.year), colSpan: y.span, align: 'center' as const, bold: true }))] },
    { cells: [{ content: '' }, ...plan.months.map((m) => ({ content: m.name, align: 'center' as const, shrinkToFit: true }))] },
  ];
  const rows: TableRow[] = p.activities.map((a, i) => ({
    keepTogether: true,
    cells: [
      { content: fmt.text(`${i + 1}. ${a.name}`) },
      ...plan.months.map((m) => (a.monthIndexes.includes(m.index) ? { content: '', fill: theme.colors.scheduled } : { content: '' })),
    ],
  }));
  return smallTable(k, { columns: [30, ...plan.months.map(() => 4)], header, rows, padding: [2, 3, 2, 3] });
}

export function pdcaTable(k: BookKit, p: Project): Block {
  const { theme, fmt } = k;
  let n = 0;
  return smallTable(k, {
    columns: [22, 46, 14, 18],
    header: [headerRow(['ขั้นตอน', 'กิจกรรม/วิธีดำเนินการ', LABELS.period, LABELS.owner])],
    rows: p.pdca.map((s) => ({
      keepTogether: true,
      cells: [
        fmt.text(s.label),
        { content: s.activities.map((a) => para(fmt.text(`${++n}. ${a}`), { size: theme.size.small })) },
        { content: s.month ? fmt.text(s.month.labelShort) : NOT_SPECIFIED, align: 'center' },
        (s.owner ?? p.owner).name,
      ],
    })),
  });
}

function scheduleBlocks(k: BookKit, p: Project): Block[] {
  const out: Block[] = [];
  if (p.procurement !== undefined) {
    out.push(para([{ text: 'การจัดหา: ', bold: true }, { text: p.procurement ? p.procurement.label : `${NOT_SPECIFIED} (ขยายระบบเดิม / จัดหาใหม่ / ทดแทน)` }]));
  }
  if (p.activities.length > 0) {
    out.push(para([{ text: 'แนวทางการดำเนินงาน', bold: true }], { keepWithNext: true }));
    out.push({ type: 'list', ordered: true, digits: k.fmt.styles.body, items: p.activities.map((a) => k.fmt.text(a.name)) });
    if (p.activities.some((a) => a.monthIndexes.length > 0)) out.push(ganttTable(k, p));
    else out.push(para([{ text: 'กำหนดการรายเดือน: ', bold: true }, { text: NOT_SPECIFIED }]));
  }
  if (p.pdca.length > 0) {
    // With PDCA steps only, the section heading already says so.
    if (p.activities.length > 0) out.push(para([{ text: PDCA_SCHEDULE_TITLE, bold: true }], { keepWithNext: true }));
    out.push(pdcaTable(k, p));
  }
  if (p.activities.length === 0 && p.pdca.length === 0) out.push(missing(k));
  out.push(para([{ text: 'ระยะเวลาดำเนินการ: ', bold: true }, { text: k.fmt.text(p.period.label) }]));
  return out;
}

function budgetBlocks(k: BookKit, p: Project): Block[] {
  const out: Block[] = [para(`${k.fmt.baht(p.budget)} (${p.budgetWords})`)];
  if (p.budgetBreakdown.length > 0) {
    out.push(smallTable(k, {
      columns: [70, 30],
      header: [{ cells: [{ content: 'รายการ', bold: true }, { content: 'จำนวนเงิน (บาท)', bold: true, align: 'right' }] }],
      rows: p.budgetBreakdown.map((b) => ({ cells: [b.item, { content: k.fmt.num(b.amount), align: 'right' }] })),
      headerFill: undefined,
    }));
  }
  return out;
}

/** Section 9: each KPI with its target, and the reported actual (met or not, as of which report) once there is one. */
const kpiBlocks = (k: BookKit, p: Project): Block[] => listOrMissing(k, kpiRows(p).map((r) => kpiLine(r)), false);

/** The sheet's blocks; the first is the project heading (an outline entry and a link target). */
export function projectSheet(k: BookKit, p: Project, opts: { outlineLevel: 1 | 2 } = { outlineLevel: 2 }): Block[] {
  const { theme, org, plan, fmt } = k;
  const blocks: Block[] = [
    {
      type: 'heading',
      level: opts.outlineLevel,
      id: `project-${p.id}`,
      content: [{ text: 'ชื่อโครงการ : ', bold: true }, { text: p.name, bold: true }],
      outlineTitle: `${fmt.heading(p.order)}. ${p.name}`,
      size: theme.size.h2,
      color: theme.colors.heading,
      keepWithNext: true,
    },
  ];
  const page = siteHref(k, paths.project(plan, p));
  if (page) {
    blocks.push(para([{ text: 'หน้าเว็บของโครงการ: ', color: theme.colors.muted }, { text: page, link: page, color: theme.colors.heading }], { size: theme.size.small }));
  }
  // relative links in the text lead where they lead on the project's web page
  const md = (root: NonNullable<Project['scope']>) => mdastToBlocks(markdownDigits(root, fmt), { digits: fmt.styles.body, baseUrl: page });
  const body: Record<SheetSectionKey, () => Block[]> = {
    rationale: () => (p.rationale ? md(p.rationale).map((b) => (b.type === 'paragraph' ? { ...b, indent: theme.indent } : b)) : [missing(k)]),
    objectives: () => listOrMissing(k, p.objectives),
    targets: () => targetsBlocks(k, p),
    scope: () => (p.scope ? md(p.scope) : [missing(k)]),
    activities: () => scheduleBlocks(k, p),
    budget: () => budgetBlocks(k, p),
    owner: () => [para(p.owner.name)],
    expected_results: () => listOrMissing(k, p.expectedResults),
    kpis: () => kpiBlocks(k, p),
    monitoring: () => [p.monitoring ? para(fmt.text(p.monitoring.label)) : missing(k)],
  };
  // one level under the project heading: a tagged PDF's heading levels never skip one
  for (const s of projectSections(p)) blocks.push(h3(k, `${p.id}-s${s.number}`, s.label, { level: opts.outlineLevel === 1 ? 2 : 3 }), ...body[s.key]());
  return blocks;
}
