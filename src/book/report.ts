// One progress report as the fund files it (รายงานผลการดำเนินงาน): cover with the cumulative period, สารบัญ,
// the summary (status counts, disbursement against the plan in figures and words, the S-curve, by quarter,
// strategy and priority), the landscape table one row per project, KPIs, the projects behind schedule, the
// evidence, and who reported and approved it. Every figure reads the report view (src/views/report.ts); the
// layout only places and words them. Each figure says whether it is the plan (แผน) or reported (ผล).
import { setAgencyWords } from '../thai/breaks.ts';
import { bookTheme } from '../../templates/book/theme.ts';
import type { Model, Plan, Project, ProjectProgress, Report } from '../model/types.ts';
import { layoutDocument, layoutWithPageRefs, mdastToBlocks, withLayoutMemo, writeLayout, type Block, type DocumentSpec, type Inline, type Layout, type Run, type TableCell, type TableRow } from '../pdf/index.ts';
import { paths } from '../paths.ts';
import { formatQuantity } from '../thai/numbers.ts';
import { kpiRows } from '../views/kpi.ts';
import { fromReport, LABELS, NOT_SPECIFIED } from '../views/labels.ts';
import { markdownDigits } from '../views/markdown.ts';
import { BEHIND_RULE, curveText, ESTIMATED_NOTE, moneyFigures, reportView, SCHEDULE_TOLERANCE, scheduleLabel, type MoneyAgainstPlan, type ReportRow, type ReportView } from '../views/report.ts';
import { safeAbsoluteHref } from '../urls.ts';
import { contents, cover, documentBase, formTable, h1, h2, headerRow, lineChart, para, portraitPage, running, signOff, siteHref, smallTable, type ContentsEntry } from './kit.ts';
import { bookKit, type BookContext, type BookKit } from './sheet.ts';

const GROUPS_TITLE = `การเบิกจ่ายจำแนกตามยุทธศาสตร์และ${LABELS.priority}`;

interface ReportKit extends BookKit { v: ReportView }

/** "ผล" with the month when the figure comes from an earlier report than this one. */
const dated = (k: ReportKit, r: ReportRow): string => (r.inThisReport || !r.actual ? '' : k.fmt.text(`ณ ${r.actual.asOf.labelShort}`));

/** Behind schedule and KPIs not met: the one warning colour of the report. */
const BEHIND = '#a4262c';
const right = 'right' as const;
const center = 'center' as const;

/** A share of the budget (0–1) as "ร้อยละ 27.9". */
const pct = (k: ReportKit, share: number) => `ร้อยละ ${k.fmt.percent(share)}`;

function money(k: ReportKit, label: Inline, amount: number | undefined, words: string | undefined, share: string): TableRow {
  const { theme, fmt } = k;
  return {
    cells: [
      { content: label },
      amount === undefined
        ? { content: 'ไม่มีรายงานตัวเลขเบิกจ่าย', align: right, color: theme.colors.muted }
        : { content: [para([{ text: fmt.baht(amount), bold: true }], { align: right }), para(`(${words})`, { align: right, size: theme.size.small - 1, color: theme.colors.muted })] },
      { content: share, align: right },
    ],
  };
}

/** แผน / ผล / ร้อยละของแผน columns of one group (quarter, strategy, priority). */
function againstCells(k: ReportKit, m: MoneyAgainstPlan): TableCell[] {
  const { fmt } = k;
  const f = moneyFigures(m);
  return [
    { content: fmt.num(m.budget), align: right },
    { content: fmt.num(m.planned), align: right },
    { content: m.actual === undefined ? NOT_SPECIFIED : fmt.num(m.actual), align: right },
    { content: f.ofPlan === undefined ? '-' : fmt.percent(f.ofPlan), align: right },
  ];
}

/** Disbursement by strategy and by priority: one table, a group row over each. */
function groupsTable(k: ReportKit, groups: Array<{ caption: string; rows: Array<MoneyAgainstPlan & { label: string }> }>): Block {
  const { v, theme, fmt } = k;
  return smallTable(k, {
    columns: [36, 14, 16, 16, 18],
    header: [headerRow([fmt.text(`บาท ณ ${v.asOf.labelShort}`), 'งบประมาณ', 'แผนสะสม (แผน)', 'ผลสะสม (ผล)', 'ร้อยละของแผน'])],
    rows: groups.flatMap((g) => [
      { keepTogether: true, keepWithNext: true, fill: theme.colors.tableSubtle, cells: [{ content: g.caption, colSpan: 5, bold: true }] },
      ...g.rows.map((x) => ({ cells: [fmt.text(x.label), ...againstCells(k, x)] })),
    ]),
  });
}

function summary(k: ReportKit, chartHeight: number): Block[] {
  const { v, theme, fmt, plan } = k;
  const r = v.report;
  const f = moneyFigures(v.total);
  const small = { size: theme.size.small, color: theme.colors.muted };
  const earlier = v.rows.filter((x) => x.actual && !x.inThisReport);
  const out: Block[] = [
    h1(k, 'summary', 'สรุปผลการดำเนินงาน', { align: 'center' }),
    para([{ text: fmt.text(v.periodLabel), bold: true }], { align: center }),
    para(fmt.text(`ข้อมูล ณ สิ้นเดือน${v.asOf.labelLong} ${fromReport(r)}`), { align: center }),
    para(fmt.text(`ที่มาของข้อมูล: ${r.source}`), { ...small, align: center, spaceAfter: 6 }),

    h2(k, 'summary-status', 'สถานะของโครงการ'),
    smallTable(k, {
      columns: [2, ...v.counts.map(() => 1), 1],
      header: [headerRow(['สถานะตามรายงาน (ผล)', ...v.counts.map((c) => c.label), LABELS.total])],
      rows: [{ cells: [LABELS.projectCount, ...v.counts.map((c) => ({ content: fmt.num(c.count), align: center })), { content: fmt.num(v.rows.length), align: center, bold: true }] }],
    }),
    h2(k, 'summary-money', 'การเบิกจ่ายงบประมาณเทียบแผน'),
    smallTable(k, {
      columns: [36, 42, 22],
      header: [headerRow(['รายการ', 'จำนวนเงิน', 'ร้อยละของงบประมาณ'])],
      rows: [
        money(k, 'งบประมาณทั้งแผน', f.budget.amount, f.budget.words, fmt.percent(1)),
        money(k, fmt.text(`แผนการใช้จ่ายสะสม (แผน) ณ ${v.asOf.labelShort}`), f.planned.amount, f.planned.words, fmt.percent(f.planned.share)),
        money(k, fmt.text(`ผลการเบิกจ่ายสะสม (ผล) ${fromReport(r)}`), f.actual?.amount, f.actual?.words, f.actual ? fmt.percent(f.actual.share) : '-'),
      ],
    }),
    ...(f.ofPlan === undefined ? [] : [para([{ text: fmt.text(`ผลการเบิกจ่ายสะสมคิดเป็น${pct(k, f.ofPlan)} ของแผนการใช้จ่ายสะสม`), bold: true }], { spaceBefore: 4 })]),
    ...(earlier.length ? [para(fmt.text(`ผลของโครงการที่ไม่อยู่ในรายงานนี้ (${earlier.map((x) => x.project.name).join(', ')}) เป็นตัวเลขล่าสุดจากรายงานก่อนหน้า`), small)] : []),

    h2(k, 'summary-curve', 'การเบิกจ่ายสะสมเทียบแผนรายเดือน'),
    lineChart(k, {
      categories: plan.months.map((m) => m.name),
      series: [
        { label: 'แผน: แผนการใช้จ่ายสะสม', color: theme.colors.muted, dash: [4, 2], values: v.curve.map((p) => p.planned) },
        { label: `ผล: เบิกจ่ายสะสมตามรายงาน ณ ${fmt.text(v.asOf.labelShort)}`, color: theme.colors.heading, values: v.curve.map((p) => p.actual) },
      ],
      max: v.total.budget,
      unit: 'บาท',
      alt: fmt.text(curveText(v)),
      height: chartHeight,
    }),
    ...(v.estimated ? [para(`หมายเหตุ: ${ESTIMATED_NOTE}`, small)] : []),

    ...behindList(k),

    h2(k, 'summary-quarter', 'การเบิกจ่ายสะสมรายไตรมาส'),
    smallTable(k, {
      columns: [28, 14, 19, 21, 18],
      header: [headerRow(['ไตรมาส', 'ณ สิ้นเดือน', 'แผนสะสม (บาท)', 'ผลสะสม (บาท)', 'ร้อยละของแผน'])],
      rows: v.byQuarter.map((q) => {
        const [, planned, actual, rate] = againstCells(k, q);
        return { cells: [fmt.text(q.label), { content: fmt.text(q.end.labelShort), align: center }, planned!, actual!, rate!] };
      }),
    }),
    h2(k, 'summary-groups', GROUPS_TITLE),
    groupsTable(k, [{ caption: `${LABELS.strategy} (โครงการที่สอดคล้องกับหลายยุทธศาสตร์นับในทุกยุทธศาสตร์ที่สอดคล้อง)`, rows: v.byStrategy }, { caption: LABELS.priority, rows: v.byPriority }]),
  ];
  return out;
}

/** A report's text column: its blocks, under the month when they come from an earlier report, or `empty`. */
function textCell(k: ReportKit, blocks: Block[], empty: string, when: string): TableCell {
  const { theme } = k;
  if (blocks.length === 0) return { content: empty, color: theme.colors.muted };
  return { content: when ? [para(when, { size: theme.size.small - 2, color: theme.colors.muted }), ...blocks] : blocks };
}

/** Markdown of a report field with the body digits, as the book sets Markdown. */
const md = (k: ReportKit, root: ProjectProgress['results']): Block[] =>
  (root ? mdastToBlocks(markdownDigits(root, k.fmt), { digits: k.fmt.styles.body, baseUrl: siteHref(k, paths.report(k.plan, k.v.report.id)) }) : []);

/** A figure (or a status) with its month under it when it comes from an earlier report. A figure (right
 *  aligned) is set on one line, smaller if the column is narrow: a number never breaks. */
function figure(k: ReportKit, r: ReportRow, value: string, align?: 'right'): TableCell {
  const when = dated(k, r);
  if (when) return { content: [{ text: value }, { text: `\n${when}`, size: k.theme.size.small - 2, color: k.theme.colors.muted }], align };
  return { content: value, align, shrinkToFit: align === 'right' };
}

/** The anchor of a project's row in the project table, and its contents entry and bookmark. */
const projectRow = (projectId: string) => `project-${projectId}`;
const projectEntry = (p: Project) => `${p.order}. ${p.name}`;

function projectTable(k: ReportKit): Block[] {
  const { v, theme, fmt } = k;
  const r = v.report;
  const f = moneyFigures(v.total);
  const rows: TableRow[] = v.rows.map((x) => {
    const a = x.actual;
    const when = dated(k, x);
    // Spent beyond the budget is the check's warning; the report says it where the figure is, not only at check time.
    const over = a?.spent !== undefined && a.spent > x.project.budget ? a.spent - x.project.budget : undefined;
    const overNote = over !== undefined ? [para([{ text: fmt.text(`เบิกจ่ายเกินงบประมาณโครงการ ${fmt.baht(over)}`), bold: true }], { color: BEHIND })] : [];
    const note = a?.note ? [para(fmt.text(`หมายเหตุ: ${a.note}`))] : [];
    const missing = (text: string): TableCell => ({ content: a ? text : '-', align: right, color: theme.colors.muted });
    return {
      cells: [
        { content: fmt.num(x.project.order), align: center },
        // Each project's row is in the contents and a bookmark: the table runs over pages.
        { content: [para([{ text: x.project.name, bold: true }], { id: projectRow(x.project.id), bookmark: { level: 2, title: fmt.heading(projectEntry(x.project)) } }), para(x.project.owner.name, { size: theme.size.small - 1, color: theme.colors.muted })] },
        { content: fmt.num(x.project.budget), align: right, shrinkToFit: true },
        { content: fmt.percent(x.plannedPercent / 100), align: right },
        a?.percent === undefined ? missing(NOT_SPECIFIED) : figure(k, x, fmt.num(a.percent), right),
        a?.spent === undefined ? missing(NOT_SPECIFIED) : { ...figure(k, x, fmt.num(a.spent), right), ...(over !== undefined ? { color: BEHIND, bold: true } : {}) },
        a ? figure(k, x, a.statusLabel) : { content: LABELS.noProgress, color: theme.colors.muted },
        { content: fmt.text(scheduleLabel(x.schedule)), bold: x.schedule.kind === 'behind', color: x.schedule.kind === 'behind' ? BEHIND : undefined },
        textCell(k, [...overNote, ...md(k, a?.results), ...note], a ? NOT_SPECIFIED : '-', when),
        textCell(k, md(k, a?.problems), '-', when),
        textCell(k, md(k, a?.solutions), '-', when),
      ],
    };
  });
  rows.push({
    keepTogether: true,
    fill: theme.colors.tableSubtle,
    cells: [
      { content: LABELS.total, colSpan: 2, align: right, bold: true },
      { content: fmt.num(v.total.budget), align: right, bold: true, shrinkToFit: true },
      { content: fmt.percent(f.planned.share), align: right, bold: true },
      { content: '-', align: right },
      { content: v.total.actual === undefined ? NOT_SPECIFIED : fmt.num(v.total.actual), align: right, bold: true, shrinkToFit: true },
      { content: fmt.text(`แผนการใช้จ่ายสะสม ${fmt.baht(v.total.planned)}${f.ofPlan === undefined ? '' : ` ผลเบิกจ่ายสะสมคิดเป็น${pct(k, f.ofPlan)} ของแผน`}`), colSpan: 5 },
    ],
  });
  return [
    h1(k, 'projects', 'ผลการดำเนินงานรายโครงการ', { align: 'center' }),
    para(fmt.text(`แผน: ร้อยละของงบประมาณตามแผนการใช้จ่ายสะสม ณ ${v.asOf.labelShort} · ผล: ${fromReport(r)} (ตัวเลขจากรายงานก่อนหน้าระบุเดือน) · เทียบแผน: ล่าช้ากว่าแผนเมื่อ${BEHIND_RULE} เร็วกว่าแผนเมื่อสูงกว่าแผนเกิน ${SCHEDULE_TOLERANCE} จุด${v.estimated ? ` · ${ESTIMATED_NOTE}` : ''}`), { size: theme.size.small, color: theme.colors.muted, spaceAfter: 4 }),
    formTable(k, {
      columns: [2.5, 11, 8.5, 5, 5, 8, 6.5, 7, 18, 14.5, 14],
      headers: ['ที่', 'โครงการ', 'งบประมาณ (บาท)', 'แผน (%)', 'ผล (%)', 'เบิกจ่ายสะสม (ผล, บาท)', 'สถานะ (ผล)', 'เทียบแผน', 'ผลการดำเนินงาน', 'ปัญหาอุปสรรค', 'แนวทางแก้ไข'],
      rows,
    }),
  ];
}

function kpiTable(k: ReportKit): Block[] {
  const { v, plan, theme, fmt } = k;
  // One row per KPI, the project named in its first KPI's cell: a project's name is never left alone at a
  // page foot, and the table reads the same portrait or landscape.
  const rows: TableRow[] = plan.projects.flatMap((p): TableRow[] => {
    const kpis = kpiRows(p, v.asOf);
    const project = para([{ text: `${fmt.num(p.order)}. ${p.name}`, bold: true }], { size: theme.size.small - 1, color: theme.colors.heading });
    if (kpis.length === 0) return [{ keepTogether: true, cells: [{ content: [project, para(NOT_SPECIFIED, { color: theme.colors.muted })], colSpan: 5 }] }];
    return kpis.map((x, i): TableRow => ({
      keepTogether: true,
      cells: [
        { content: [...(i === 0 ? [project] : []), para(fmt.text(x.name))] },
        { content: x.target ? formatQuantity(x.target.value, x.target.unit, fmt.styles.body) : NOT_SPECIFIED, align: center },
        { content: x.actual ? formatQuantity(x.actual.value, x.target?.unit, fmt.styles.body) : '-', align: center },
        { content: x.met === undefined ? (x.actual ? '-' : 'ยังไม่มีรายงาน') : x.met ? LABELS.met : LABELS.notMet, align: center, bold: x.met !== undefined, color: x.met === false ? BEHIND : x.actual ? undefined : theme.colors.muted, shrinkToFit: true },
        { content: x.actual ? fmt.text(x.actual.asOf.labelShort) : '-', align: center, shrinkToFit: true },
      ],
    }));
  });
  return [
    h1(k, 'kpis', CHAPTERS.kpis, { align: 'center', spaceBefore: 16 }),
    para(fmt.text(`เป้าหมาย: ตามแผน · ผล: ${LABELS.actual}ล่าสุดที่รายงาน ณ หรือก่อน ${v.asOf.labelShort} (เดือนที่รายงานอยู่ในคอลัมน์ข้อมูล ณ)`), { size: theme.size.small, color: theme.colors.muted, spaceAfter: 4 }),
    smallTable(k, { columns: [41, 14, 14, 19, 12], header: [headerRow([`${LABELS.kpi} (ตามโครงการ)`, LABELS.target, 'ผล', 'ผลการประเมิน', 'ข้อมูล ณ'])], rows }),
  ];
}

function behindList(k: ReportKit): Block[] {
  const { v, theme, fmt } = k;
  const out: Block[] = [h2(k, 'behind', `โครงการที่ล่าช้ากว่าแผน (${v.behind.length} โครงการ)`)];
  out.push(para(fmt.text(`ณ ${v.asOf.labelShort}: ${BEHIND_RULE} (ไม่รวมที่แล้วเสร็จหรือยกเลิก)`), { size: theme.size.small, color: theme.colors.muted, spaceAfter: 4 }));
  if (v.behind.length === 0) return [...out, para(fmt.text('ไม่มีโครงการที่ล่าช้ากว่าแผน ณ รายงานนี้'))];
  out.push(smallTable(k, {
    columns: [40, 8, 8, 25, 19],
    header: [headerRow(['โครงการ', 'แผน (%)', 'ผล (%)', 'เทียบแผน', 'สถานะตามรายงาน'])],
    rows: v.behind.map((x) => {
      const when = dated(k, x);
      return {
        keepTogether: true,
        cells: [
          x.project.name,
          { content: fmt.percent(x.plannedPercent / 100), align: right },
          figure(k, x, fmt.num(x.actual!.percent!), right),
          { content: fmt.text(scheduleLabel(x.schedule)), bold: true, color: BEHIND },
          figure(k, x, x.actual!.statusLabel),
        ],
      };
    }),
  }));
  return out;
}

/** Evidence of this report's entries: an http(s) address or a file the site publishes is a link. */
function evidence(k: ReportKit): Block[] {
  const { v, theme, fmt } = k;
  const out: Block[] = [h1(k, 'evidence', CHAPTERS.evidence, { align: 'center', spaceBefore: 16 })];
  const withEvidence = v.rows.filter((x) => x.inThisReport && x.actual!.evidence.length > 0);
  if (withEvidence.length === 0) return [...out, para('รายงานนี้ไม่ได้ระบุหลักฐาน', { color: theme.colors.muted })];
  for (const x of withEvidence) {
    out.push(para([{ text: `${fmt.num(x.project.order)}. ${x.project.name}`, bold: true }], { keepWithNext: true, spaceBefore: 4 }));
    out.push({
      type: 'list',
      size: theme.size.small + 1,
      items: x.actual!.evidence.map((e): Run[] => {
        const href = e.url ? safeAbsoluteHref(e.url) : e.file ? siteHref(k, paths.evidenceLink(e.file)) : undefined;
        const where = e.url ?? (e.file ? `ไฟล์ ${e.file}` : '');
        return [
          href ? { text: fmt.text(e.title), link: href, color: theme.colors.heading, underline: true } : { text: fmt.text(e.title) },
          ...(where ? [{ text: `\n${where}`, size: theme.size.small - 1, color: theme.colors.muted, ...(href ? { link: href } : {}) }] : []),
        ];
      }),
    });
  }
  return out;
}

function approval(k: ReportKit): Block[] {
  const r = k.v.report;
  return [
    h1(k, 'sign-off', 'ผู้รายงานและผู้อนุมัติ', { align: 'center', spaceBefore: 16 }),
    signOff(k, [
      { role: 'ผู้รายงาน', name: r.reporter?.name, date: { label: 'วันที่รายงาน', value: r.reportedOn?.label } },
      { role: 'ผู้อนุมัติ', name: r.approval?.by, date: { label: 'วันที่อนุมัติ', value: r.approval?.on.label } },
    ]),
  ];
}

/** S-curve heights (pt) renderReport tries, in order: the first that leaves every summary page at least
 *  half full (the chart does not split, so its height decides where the summary's pages break). */
const CHART_HEIGHTS = [180, 240, 210];

/** สารบัญ of a report, in the form's order; each project's row under the project table. */
export function reportContents(plan: Plan): ContentsEntry[] {
  return [
    { id: 'summary', title: 'สรุปผลการดำเนินงาน', level: 1 },
    { id: 'summary-status', title: 'สถานะของโครงการ', level: 2 },
    { id: 'summary-money', title: 'การเบิกจ่ายงบประมาณเทียบแผน', level: 2 },
    { id: 'summary-curve', title: 'การเบิกจ่ายสะสมเทียบแผนรายเดือน', level: 2 },
    { id: 'behind', title: 'โครงการที่ล่าช้ากว่าแผน', level: 2 },
    { id: 'summary-quarter', title: 'การเบิกจ่ายสะสมรายไตรมาส', level: 2 },
    { id: 'summary-groups', title: GROUPS_TITLE, level: 2 },
    { id: 'projects', title: 'ผลการดำเนินงานรายโครงการ', level: 1 },
    ...plan.projects.map((p) => ({ id: projectRow(p.id), title: projectEntry(p), level: 2 as const })),
    { id: 'kpis', title: CHAPTERS.kpis, level: 1 },
    { id: 'evidence', title: CHAPTERS.evidence, level: 1 },
    { id: 'sign-off', title: 'ผู้รายงานและผู้อนุมัติ', level: 1 },
  ];
}

const CHAPTERS = { kpis: 'ผลตามตัวชี้วัดความสำเร็จ', evidence: 'หลักฐานการดำเนินงาน' } as const;
const MIN_FILL = 0.5;

export interface ReportOptions {
  logo?: Uint8Array;
  /** Fixed dates keep the output byte-identical (SOURCE_DATE_EPOCH). */
  date?: Date;
}

/** The metadata's title: "รายงานผลการดำเนินงาน ไตรมาสที่ 2 (ต.ค. 2566 – มี.ค. 2567)", "รายงานผลการดำเนินงาน
 *  ประจำเดือนมีนาคม 2567 (สะสม ต.ค. 2566 – มี.ค. 2567)". */
export const reportTitle = (v: ReportView): string =>
  v.report.kind === 'quarter' ? `รายงานผลการดำเนินงาน ${v.periodLabel}` : `รายงานผลการดำเนินงานประจำเดือน${v.asOf.labelLong} (สะสม ${v.plan.months[0]!.name} ${v.plan.months[0]!.year} – ${v.asOf.name} ${v.asOf.year})`;

export function reportSpec(ctx: BookContext, report: Report, pageOf: (id: string) => string | undefined, opts: ReportOptions = {}, chartHeight = CHART_HEIGHTS[0]!): DocumentSpec {
  const v = reportView(ctx.plan, report);
  const k: ReportKit = { ...bookKit(ctx), v };
  const { plan, org, theme, fmt } = k;
  const portrait = portraitPage(k);
  const body = { ...portrait, ...running(k, `${report.label} · ${org.shortName}`, '{page}') };
  return {
    ...documentBase(k, {
      title: reportTitle(v),
      subject: `${report.label} ${plan.title} ของ${org.name}`,
      keywords: ['รายงานผลการดำเนินงาน', v.periodLabel, `พ.ศ. ${plan.fiscalYear}`, org.shortName],
      date: opts.date,
    }),
    sections: [
      {
        page: { ...portrait, numbering: 'none' },
        title: 'ปก',
        blocks: cover(k, {
          logo: opts.logo,
          // A month's label is long: its cumulative span goes on a line of its own.
          title: ['รายงานผลการดำเนินงาน', report.kind === 'month' ? v.periodLabel.replace(' (', '\n(') : v.periodLabel],
          subtitle: [plan.title, org.name].map(fmt.heading),
          byline: '',
          preparedBy: [`ผู้รายงาน: ${report.reporter?.name ?? NOT_SPECIFIED}`, `วันที่รายงาน: ${report.reportedOn?.label ?? NOT_SPECIFIED}`].map(fmt.text),
        }),
      },
      { page: { ...portrait, numbering: 'none' }, title: 'สารบัญ', blocks: contents(k, reportContents(plan).map((e) => ({ ...e, title: fmt.heading(e.title) })), pageOf) },
      // Two flows, the portrait summary and the landscape form: the project table, the KPIs, the evidence
      // and the sign-off follow each other without a page left part-empty between them.
      { page: { ...body, startAt: 1 }, title: 'สรุปผลการดำเนินงาน', blocks: summary(k, chartHeight) },
      {
        page: { ...body, orientation: 'landscape', margins: theme.landscapeMargins },
        title: 'ผลการดำเนินงานรายโครงการ',
        blocks: [...projectTable(k), ...kpiTable(k), ...evidence(k), ...approval(k)],
      },
    ],
  };
}

/** The report's PDF bytes; the output registry (src/outputs/kinds/reports.ts) writes it at paths.reportPdf. */
export async function renderReport(model: Model, plan: Plan, reportId: string, opts: ReportOptions = {}): Promise<{ bytes: Uint8Array; layout: Layout; chartHeight: number }> {
  setAgencyWords(model.organisation.keepTogether);
  const report = plan.reports.find((r) => r.id === reportId);
  if (!report) throw new Error(`no report ${reportId} in plan ${plan.id}`);
  const ctx: BookContext = { org: model.organisation, plan, theme: bookTheme(model.organisation) };
  const { margins } = ctx.theme;
  // How full the least full summary page is (0–1) with a chart height, down to its lowest line of body
  // text: a measure pass (page numbers in the contents do not move the body).
  const fill = (chartHeight: number): number => {
    const layout = layoutDocument(reportSpec(ctx, report, () => undefined, opts, chartHeight));
    const pages = layout.pages.slice(layout.anchors.get('summary')!.pageIndex, layout.anchors.get('projects')!.pageIndex);
    return Math.min(...pages.map((page) => {
      const lowest = Math.max(margins.top, ...page.items.flatMap((i) => (i.kind === 'text' && i.tag?.role !== 'Artifact' ? [i.y] : [])));
      return (lowest - margins.top) / (page.height - margins.top - margins.bottom);
    }));
  };
  // The measure passes and the final ones lay out the same paragraphs: they share their layouts.
  const { spec, layout, chartHeight } = withLayoutMemo(() => {
    // The first height that leaves every summary page at least half full, else the one whose emptiest page is fullest.
    let best = { chartHeight: CHART_HEIGHTS[0]!, fill: -1 };
    for (const chartHeight of CHART_HEIGHTS) {
      const f = fill(chartHeight);
      if (f > best.fill) best = { chartHeight, fill: f };
      if (f >= MIN_FILL) break;
    }
    const { chartHeight } = best;
    return { ...layoutWithPageRefs((pageOf) => reportSpec(ctx, report, pageOf, opts, chartHeight)), chartHeight };
  });
  return { bytes: await writeLayout(layout, spec), layout, chartHeight };
}
