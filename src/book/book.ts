// The whole plan book, in the order of the agency's own book: cover, สารบัญ, บทนำ, วิสัยทัศน์, พันธกิจ,
// เป้าประสงค์, ยุทธศาสตร์/กลยุทธ์, the action-plan table (landscape), รายละเอียดโครงการ, budget summary,
// progress reports. Reads only the model and the views; composed from the document kit; the look comes
// from templates/book.
import type { Block, DocumentSpec, Section, TableCell, TableRow } from '../pdf/index.ts';
import { mdastToBlocks } from '../pdf/index.ts';
import type { Plan, Project } from '../model/types.ts';
import { paths } from '../paths.ts';
import { actionPlanView, type ListCell, type LinksCell } from '../views/action-plan.ts';
import { budgetByPriority, budgetByStrategy, countsInSeveralStrategies, type BudgetTable } from '../views/budget.ts';
import { markdownDigits } from '../views/markdown.ts';
import { ESTIMATED_NOTE, moneyFigures, reportView } from '../views/report.ts';
import { LABELS, NOT_SPECIFIED, strategyShort, strategyTitle, tacticShort } from '../views/labels.ts';
import { COMPARISON_TITLE } from '../diff/comparison.ts';
import { barChart, contents, cover, documentBase, formTable, h1, h2, headerRow, para, portraitPage, running, siteHref, smallTable, type ContentsEntry } from './kit.ts';
import { comparedEdition, revisionChapter } from './revision.ts';
import { bookKit, listOrMissing, projectSheet, type BookContext, type BookKit } from './sheet.ts';

function front(k: BookKit): Block[] {
  const { plan, theme, fmt } = k;
  const md = (root: NonNullable<Plan['introduction']>) =>
    mdastToBlocks(markdownDigits(root, fmt), { digits: fmt.styles.body, baseUrl: siteHref(k, paths.plan(plan)) }).map((b) => (b.type === 'paragraph' ? { ...b, indent: theme.indent, align: 'distributed' as const } : b));
  const out: Block[] = [h1(k, 'introduction', 'บทนำ', { align: 'center' }), ...(plan.introduction ? md(plan.introduction) : [para(NOT_SPECIFIED)])];
  out.push(h1(k, 'vision', 'วิสัยทัศน์', { spaceBefore: 16 }));
  out.push(plan.vision ? para(fmt.text(`“${plan.vision}”`), { align: 'center', bold: true, color: theme.colors.heading }) : para(NOT_SPECIFIED));
  out.push(h1(k, 'missions', 'พันธกิจ', { spaceBefore: 16 }), ...listOrMissing(k, plan.missions));
  out.push(h1(k, 'goals', 'เป้าประสงค์', { spaceBefore: 16 }), ...listOrMissing(k, plan.goals));
  out.push(h1(k, 'strategies', LABELS.strategy, { spaceBefore: 16 }));
  for (const s of plan.strategies) {
    out.push(para([{ text: fmt.heading(`${strategyShort(s)} `), bold: true }, { text: fmt.text(s.name) }], { id: `strategy-${s.id}`, keepWithNext: s.tactics.length > 0, spaceBefore: 4 }));
    for (const t of s.tactics) out.push(para([{ text: fmt.heading(`${tacticShort(t)} `), bold: true }, { text: fmt.text(t.name) }], { indent: 0, id: `tactic-${t.id}` }));
  }
  return out;
}

function listCell(k: BookKit, c: ListCell, joined: boolean): TableCell {
  if (c.groups.length === 0) return { content: NOT_SPECIFIED };
  if (joined) {
    // เป้าหมาย: the overall lines, then each labelled group on one line.
    return { content: c.groups.flatMap((g) => (g.label ? [para([{ text: `${g.label} `, bold: true }, { text: k.fmt.text(g.items.join(' ')) }])] : g.items.map((x) => para(k.fmt.text(x))))) };
  }
  const items = c.groups.flatMap((g) => g.items).map(k.fmt.text);
  return { content: items.length === 1 ? items[0]! : [{ type: 'list', items }] };
}

const linksCell = (k: BookKit, c: LinksCell): TableCell =>
  c.items.length ? { content: c.items.map((s) => para(k.fmt.text(strategyTitle(s)))) } : { content: NOT_SPECIFIED };

/** The ten-column action-plan table, its total row and the priority legend (หมายเหตุ). */
function actionPlanTable(k: BookKit): Block[] {
  const { plan, theme, fmt } = k;
  const view = actionPlanView(plan, k.org);
  // Rows may continue on the next page under the repeated header: no keepTogether.
  const rows: TableRow[] = view.rows.map(({ cells: c }) => ({
    cells: [
      { content: fmt.num(c.order.value), align: 'center' },
      { content: [{ text: c.name.value, link: `#project-${c.name.projectId}` }] },
      linksCell(k, c.fundStrategies),
      linksCell(k, c.strategies),
      listCell(k, c.targets, true),
      listCell(k, c.expectedResults, false),
      { content: fmt.text(c.period.label) },
      { content: fmt.num(c.budget.value), align: 'right' },
      { content: c.owner.value },
      { content: c.priority.marks, align: 'center', bold: true },
    ],
  }));
  rows.push({
    keepTogether: true,
    cells: [
      { content: view.total.label, colSpan: view.total.span, align: 'right', bold: true },
      { content: fmt.num(view.total.budget.value), align: 'right', bold: true },
      { content: `(${view.total.budgetWords})`, colSpan: view.columns.length - view.total.span - 1 },
    ],
    fill: theme.colors.tableSubtle,
  });
  return [
    h1(k, 'action-plan', `แผนปฏิบัติการดิจิทัล ประจำปี ${plan.fiscalYear}`, { align: 'center', outlineTitle: fmt.heading(actionPlanTitle(k)) }),
    formTable(k, { columns: [...theme.actionTableColumns], headers: view.columns.map((c) => c.header), rows }),
    para([{ text: view.legend.title, bold: true }], { spaceBefore: 10, keepWithNext: true, id: 'legend' }),
    // the legend stays together: never one line of it alone on a page
    ...view.legend.items.map((pr, i, xs) => para(`${pr.marks.padEnd(4, ' ')} หมายถึง ${pr.label}`, { size: theme.size.small, keepWithNext: i < xs.length - 1 })),
  ];
}

const actionPlanTitle = (k: BookKit) => `ตารางแผนปฏิบัติการดิจิทัล ประจำปี ${k.plan.fiscalYear}`;

function budgetTable(k: BookKit, caption: string, t: BudgetTable): Block {
  const { theme, fmt } = k;
  const right = 'right' as const;
  const center = 'center' as const;
  return smallTable(k, {
    columns: [52, 14, 20, 14],
    header: [headerRow([caption, LABELS.projectCount, LABELS.budgetBaht, LABELS.share])],
    rows: [
      ...t.rows.map((r) => ({ cells: [fmt.text(r.label), { content: fmt.num(r.projectIds.length), align: center }, { content: fmt.num(r.budget), align: right }, { content: fmt.percent(r.share), align: right }] })),
      {
        fill: theme.colors.tableSubtle,
        cells: [{ content: LABELS.total, bold: true }, { content: fmt.num(t.total.projectCount), align: center, bold: true }, { content: fmt.num(t.total.budget), align: right, bold: true }, { content: fmt.percent(t.total.share), align: right, bold: true }],
      },
    ],
  });
}

function budgetSummary(k: BookKit): Block[] {
  const { plan, theme, fmt } = k;
  // The book's tables list the plan's strategies only; the note below says how shared projects count.
  const byStrategy = budgetByStrategy(plan, { unaligned: false });
  const byPriority = budgetByPriority(plan);
  return [
    h1(k, 'budget', 'สรุปงบประมาณ', { align: 'center' }),
    para(`งบประมาณรวมทั้งสิ้น ${fmt.baht(plan.totals.budget)} (${plan.totals.budgetWords}) จำนวน ${fmt.num(plan.totals.projectCount)} โครงการ`),
    h2(k, 'budget-strategy', 'งบประมาณจำแนกตามยุทธศาสตร์'),
    budgetTable(k, LABELS.strategy, byStrategy),
    barChart(k, byStrategy.rows.map((r) => ({ label: fmt.text(r.short), value: r.budget })), { title: 'งบประมาณจำแนกตามยุทธศาสตร์', unit: 'บาท' }),
    h2(k, 'budget-priority', `งบประมาณจำแนกตาม${LABELS.priority}`),
    budgetTable(k, LABELS.priority, byPriority),
    barChart(k, byPriority.rows.map((r) => ({ label: r.label, value: r.budget })), { title: `งบประมาณจำแนกตาม${LABELS.priority}`, unit: 'บาท' }),
    ...(byStrategy.rows.some((r) => r.projectIds.length > 0) && countsInSeveralStrategies(plan)
      ? [para('หมายเหตุ: โครงการที่สอดคล้องกับหลายยุทธศาสตร์นับงบประมาณในทุกยุทธศาสตร์ที่สอดคล้อง', { size: theme.size.small })]
      : []),
  ];
}

/** One short summary per report, from the same report view as the report's own PDF, linked to that PDF on
 *  the site when organisation.yaml gives its address. */
function progressChapter(k: BookKit): Block[] {
  const { plan, theme, fmt } = k;
  const small = { size: theme.size.small, color: theme.colors.muted };
  const views = plan.reports.map((r) => reportView(plan, r));
  const out: Block[] = [
    h1(k, 'progress', 'รายงานความก้าวหน้า', { align: 'center' }),
    para(`ตัวเลขของแต่ละรายงานเป็นยอดสะสมตั้งแต่ต้นปี: ผล คือที่รายงาน แผน คือแผนการใช้จ่ายสะสม ณ เดือนเดียวกัน${views.some((v) => v.estimated) ? ` (${ESTIMATED_NOTE})` : ''}`, small),
  ];
  for (const v of views) {
    const r = v.report;
    const f = moneyFigures(v.total);
    const href = siteHref(k, paths.reportPdf(plan, r.id));
    const line = (label: string, text: string): Block => para([{ text: `${label}: `, bold: true }, { text: fmt.text(text) }], { size: theme.size.small + 1 });
    out.push(h2(k, `report-${r.id}`, r.label));
    out.push(para(fmt.text(`ข้อมูล ณ ${v.asOf.labelLong} · ที่มาของข้อมูล: ${r.source}`), small));
    out.push(line('สถานะ (ผล)', v.counts.map((c) => `${c.label} ${c.count}`).join(' · ') + ' โครงการ'));
    out.push(line('เบิกจ่ายสะสม', f.actual
      ? `ผล ${fmt.baht(f.actual.amount)} (ร้อยละ ${fmt.percent(f.actual.share)} ของงบประมาณ) · แผน ${fmt.baht(f.planned.amount)}${f.ofPlan === undefined ? '' : ` · ผลคิดเป็นร้อยละ ${fmt.percent(f.ofPlan)} ของแผน`}`
      : `ไม่มีรายงานตัวเลขเบิกจ่าย · แผน ${fmt.baht(f.planned.amount)}`));
    out.push(line('ล่าช้ากว่าแผน', v.behind.length ? v.behind.map((x) => `${x.project.name} (${-x.schedule.points!} จุด)`).join(', ') : 'ไม่มี'));
    if (r.keyFigures.length) out.push(line('ตัวเลขสำคัญ', r.keyFigures.map((x) => `${x.label} ${fmt.num(x.value)}${x.unit ? ` ${x.unit}` : ''}`).join(' · ')));
    if (href) out.push(para([{ text: 'รายงานฉบับเต็ม: ', color: theme.colors.muted }, { text: href, link: href, color: theme.colors.heading }], { size: theme.size.small }));
  }
  return out;
}

/** The entries of สารบัญ, in book order. */
function chapters(k: BookKit): ContentsEntry[] {
  const { plan, fmt } = k;
  return [
    { id: 'introduction', title: 'บทนำ', level: 1 },
    { id: 'vision', title: 'วิสัยทัศน์', level: 1 },
    { id: 'missions', title: 'พันธกิจ', level: 1 },
    { id: 'goals', title: 'เป้าประสงค์', level: 1 },
    { id: 'strategies', title: LABELS.strategy, level: 1 },
    { id: 'planning', title: fmt.heading(`การกำหนดแผนปฏิบัติการด้านดิจิทัล ${plan.yearKind === 'ปีบัญชี' ? 'ประจำปีบัญชี' : 'ประจำปีงบประมาณ'} พ.ศ. ${plan.fiscalYear}`), level: 1 },
    { id: 'action-plan', title: fmt.heading(actionPlanTitle(k)), level: 1 },
    { id: 'projects', title: 'รายละเอียดโครงการ', level: 1 },
    ...plan.projects.map((p) => ({ id: `project-${p.id}`, title: `${fmt.heading(p.order)}. ${p.name}`, level: 2 as const })),
    { id: 'budget', title: 'สรุปงบประมาณ', level: 1 },
    ...(comparedEdition(k) ? [{ id: 'revision', title: COMPARISON_TITLE, level: 1 as const }] : []),
    ...(plan.reports.length ? [{ id: 'progress', title: 'รายงานความก้าวหน้า', level: 1 as const }] : []),
  ];
}

export interface BookOptions {
  logo?: Uint8Array;
  /** Fixed dates keep the output byte-identical (SOURCE_DATE_EPOCH). */
  date?: Date;
}

export function bookSpec(ctx: BookContext, pageOf: (id: string) => string | undefined, opts: BookOptions = {}): DocumentSpec {
  const k = bookKit(ctx);
  const { plan, org, theme, fmt } = k;
  const portrait = portraitPage(k);
  const body = { ...portrait, ...running(k, plan.title, '{page}') };
  const entries = chapters(k);
  const edition = comparedEdition(k);
  const planning = plan.actionPlanIntro ? mdastToBlocks(markdownDigits(plan.actionPlanIntro, fmt), { digits: fmt.styles.body, baseUrl: siteHref(k, paths.plan(plan)) }).map((b) => (b.type === 'paragraph' ? { ...b, indent: theme.indent, align: 'distributed' as const } : b)) : [];
  const title = plan.title.startsWith('แผนปฏิบัติการดิจิทัล') ? ['แผนปฏิบัติการดิจิทัล', plan.title.slice('แผนปฏิบัติการดิจิทัล'.length).trim()] : [plan.title];
  const sections: Section[] = [
    { page: { ...portrait, numbering: 'none' }, title: 'ปก', blocks: cover(k, { logo: opts.logo, title, subtitle: plan.revision ? [`ของ${org.name}`, fmt.heading(plan.revision.label)] : `ของ${org.name}`, preparedBy: [plan.preparedBy.name, ...org.parents] }) },
    { page: { ...portrait, numbering: 'none' }, title: 'สารบัญ', blocks: contents(k, entries, pageOf) },
    { page: { ...body, startAt: 1 }, title: 'บทนำ', blocks: [...front(k), { type: 'pageBreak' }, h1(k, 'planning', entries.find((c) => c.id === 'planning')!.title, { align: 'center' }), ...planning] },
    { page: { ...body, orientation: 'landscape', margins: theme.landscapeMargins }, title: 'ตารางแผนปฏิบัติการ', blocks: actionPlanTable(k) },
    {
      page: body,
      title: 'รายละเอียดโครงการ',
      blocks: [
        h1(k, 'projects', 'รายละเอียดโครงการ', { align: 'center' }),
        ...plan.projects.flatMap((p, i) => [...(i > 0 ? [{ type: 'pageBreak' } as Block] : []), ...projectSheet(k, p)]),
      ],
    },
    { page: body, title: 'สรุปงบประมาณ', blocks: budgetSummary(k) },
    ...(edition ? [{ page: body, title: COMPARISON_TITLE, blocks: revisionChapter(k, edition) }] : []),
    ...(plan.reports.length ? [{ page: body, title: 'รายงานความก้าวหน้า', blocks: progressChapter(k) }] : []),
  ];
  return {
    ...documentBase(k, {
      title: plan.title,
      subject: `${plan.title} ของ${org.name}`,
      keywords: ['แผนปฏิบัติการดิจิทัล', `พ.ศ. ${plan.fiscalYear}`, org.shortName, ...plan.strategies.map((s) => s.name)],
      date: opts.date,
    }),
    sections,
  };
}

/** A single project's sheet as its own document (for procurement files). */
export function projectSpec(ctx: BookContext, project: Project, opts: BookOptions = {}): DocumentSpec {
  const k = bookKit(ctx);
  const { plan, org } = k;
  return {
    ...documentBase(k, {
      title: project.name,
      subject: `รายละเอียดโครงการ ${plan.title}`,
      keywords: ['รายละเอียดโครงการ', `พ.ศ. ${plan.fiscalYear}`, org.shortName],
      date: opts.date,
    }),
    sections: [{ page: { ...portraitPage(k), ...running(k, `${plan.title} · ${org.shortName}`, '{page}/{pages}') }, blocks: projectSheet(k, project, { outlineLevel: 1 }) }],
  };
}
