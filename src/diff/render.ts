// The plan's change as the approver reads it: one document of headings, lines and before/after tables,
// written as Markdown (a merge-request comment, a job summary) or plain text (a terminal).
import type { FiscalMonth } from '../model/index.ts';
import { displayWidth } from '../thai/width.ts';
import type { Formatter } from '../views/format.ts';
import { NOT_SPECIFIED } from '../views/labels.ts';
import { hasChanges, type Change, type KpiChange, type ModelDiff, type PlanDiff, type ProjectDiff, type TotalRow } from './plan-diff.ts';

export const NO_CHANGE = 'ไม่มีการเปลี่ยนแปลงเนื้อหาของแผน';

/** One line of a before/after table. */
export interface ChangeRow { label: string; before: string; after: string; difference: string }

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'changes'; head: string; rows: ChangeRow[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

const NONE = 'ไม่มี';

/** "เพิ่มขึ้น 15,000 บาท" / "ลดลง 5,000 บาท" / "" */
export function bahtDifference(before: number, after: number, fmt: Formatter): string {
  const d = Math.round((after - before) * 100) / 100;
  return d > 0 ? `เพิ่มขึ้น ${fmt.baht(d)}` : d < 0 ? `ลดลง ${fmt.baht(-d)}` : '';
}

/** Fiscal month indexes as the schedule reads them: "พ.ย. 60 – ธ.ค. 60, ก.พ. 61". */
export function monthsText(indexes: readonly number[] | undefined, months: readonly FiscalMonth[], fmt: Formatter): string {
  if (indexes === undefined) return NONE;
  if (indexes.length === 0) return NOT_SPECIFIED;
  const sorted = [...indexes].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = runs.at(-1);
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  const name = (i: number) => months[i]?.labelShort ?? String(i);
  return fmt.text(runs.map(([a, b]) => (a === b ? name(a) : `${name(a)} – ${name(b)}`)).join(', '));
}

const kpiTarget = (t: KpiChange['before'], fmt: Formatter): string => (t ? `${t.unit ? `${t.unit} ` : ''}${fmt.num(t.value)}` : NOT_SPECIFIED);

function textRow(label: string, c: Change<string> | undefined): ChangeRow[] {
  return c ? [{ label, before: c.before, after: c.after, difference: '' }] : [];
}

/** The before/after rows of one changed project: its figures, then its schedule and KPI targets. */
export function projectRows(p: ProjectDiff, months: readonly FiscalMonth[], fmt: Formatter): ChangeRow[] {
  const rows: ChangeRow[] = [];
  if (p.renamedFrom) rows.push({ label: 'ชื่อโครงการ', before: p.renamedFrom, after: p.name, difference: '' });
  if (p.idChangedFrom) rows.push({ label: 'รหัสโครงการ (ชื่อไฟล์)', before: p.idChangedFrom, after: p.id, difference: '' });
  if (p.order) rows.push({ label: 'ลำดับที่', before: fmt.num(p.order.before), after: fmt.num(p.order.after), difference: '' });
  if (p.budget) rows.push({ label: 'งบประมาณ', before: fmt.baht(p.budget.before), after: fmt.baht(p.budget.after), difference: bahtDifference(p.budget.before, p.budget.after, fmt) });
  rows.push(...textRow('ระยะเวลา', p.period && { before: fmt.text(p.period.before), after: fmt.text(p.period.after) }));
  rows.push(...textRow('ผู้รับผิดชอบ', p.owner));
  rows.push(...textRow('ระดับความสำคัญ', p.priority));
  if (p.strategies) {
    const list = (xs: string[]) => (xs.length ? fmt.text(xs.join(', ')) : NOT_SPECIFIED);
    rows.push({ label: 'ความสอดคล้องยุทธศาสตร์', before: list(p.strategies.before), after: list(p.strategies.after), difference: '' });
  }
  for (const s of p.schedule) {
    rows.push({ label: `กำหนดการ: ${s.name}`, before: monthsText(s.before, months, fmt), after: monthsText(s.after, months, fmt), difference: '' });
  }
  for (const k of p.kpis) {
    rows.push({ label: `ตัวชี้วัด: ${k.name}`, before: k.added ? NONE : kpiTarget(k.before, fmt), after: k.removed ? NONE : kpiTarget(k.after, fmt), difference: '' });
  }
  return rows;
}

function totalsRows(rows: TotalRow[], fmt: Formatter): ChangeRow[] {
  const baht = (n: number | undefined) => (n === undefined ? NONE : fmt.baht(n));
  return rows.map((r) => ({ label: r.label, before: baht(r.before), after: baht(r.after), difference: bahtDifference(r.before ?? 0, r.after ?? 0, fmt) }));
}

const projectTitle = (p: ProjectDiff) => `${p.name} (${p.id})`;

function planBlocks(d: PlanDiff, fmt: Formatter): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 3, text: fmt.text(d.title) }];
  if (d.kind !== 'changed') {
    out.push({ kind: 'para', text: d.kind === 'added' ? `เพิ่มแผนใหม่ งบประมาณรวม ${fmt.baht(d.total!.after)}` : `นำแผนออก (เดิมงบประมาณรวม ${fmt.baht(d.total!.before)})` });
    return out;
  }
  const added = d.projects.filter((p) => p.kind === 'added');
  const removed = d.projects.filter((p) => p.kind === 'removed');
  const changed = d.projects.filter((p) => p.kind === 'changed');
  const summary: string[] = [];
  if (d.total) summary.push(`งบประมาณรวม ${fmt.baht(d.total.before)} → ${fmt.baht(d.total.after)} (${bahtDifference(d.total.before, d.total.after, fmt)})`);
  else if (d.projects.length) summary.push('งบประมาณรวมเท่าเดิม');
  if (d.projects.length) summary.push(fmt.text(`โครงการที่เพิ่ม ${added.length} โครงการ, นำออก ${removed.length} โครงการ, เปลี่ยนแปลง ${changed.length} โครงการ`));
  if (d.sections.length) summary.push(`แก้ไขข้อความของแผน: ${d.sections.join(', ')}`);
  if (summary.length) out.push({ kind: 'list', items: summary });

  if (added.length) {
    out.push({ kind: 'heading', level: 4, text: 'โครงการที่เพิ่ม' });
    out.push({ kind: 'list', items: added.map((p) => `${projectTitle(p)}: งบประมาณ ${fmt.baht(p.budgetNow!)}`) });
  }
  if (removed.length) {
    out.push({ kind: 'heading', level: 4, text: 'โครงการที่นำออก' });
    out.push({ kind: 'list', items: removed.map((p) => `${projectTitle(p)}: งบประมาณเดิม ${fmt.baht(p.budgetNow!)}`) });
  }
  for (const p of changed) {
    out.push({ kind: 'heading', level: 4, text: projectTitle(p) });
    const rows = projectRows(p, d.months, fmt);
    if (rows.length) out.push({ kind: 'changes', head: 'รายการ', rows });
    if (p.sections.length) out.push({ kind: 'para', text: `แก้ไขข้อความในหัวข้อ: ${fmt.text(p.sections.join(', '))}` });
  }
  if (d.byStrategy.length) {
    out.push({ kind: 'heading', level: 4, text: 'งบประมาณตามยุทธศาสตร์' });
    out.push({ kind: 'changes', head: 'ยุทธศาสตร์', rows: totalsRows(d.byStrategy, fmt) });
  }
  if (d.byPriority.length) {
    out.push({ kind: 'heading', level: 4, text: 'งบประมาณตามระดับความสำคัญ' });
    out.push({ kind: 'changes', head: 'ระดับความสำคัญ', rows: totalsRows(d.byPriority, fmt) });
  }
  for (const r of d.reports) {
    const what = r.kind === 'added' ? 'รายงานใหม่' : r.kind === 'removed' ? 'รายงานที่นำออก' : 'รายงานที่แก้ไข';
    out.push({ kind: 'heading', level: 4, text: `${what}: ${fmt.text(r.label)}` });
    const cell = <T>(c: Change<T | undefined> | undefined, show: (v: T) => string) =>
      c ? `${c.before === undefined ? NONE : show(c.before)} → ${c.after === undefined ? NONE : show(c.after)}` : '';
    if (r.rows.length) {
      out.push({
        kind: 'table',
        head: ['โครงการ', 'สถานะ', 'ความก้าวหน้า (ร้อยละ)', 'เบิกจ่ายสะสม'],
        rows: r.rows.map((x) => [x.name, cell(x.status, (s) => s), cell(x.percent, (n) => fmt.num(n)), cell(x.spent, (n) => fmt.baht(n))]),
      });
    } else out.push({ kind: 'para', text: 'ตัวเลขของโครงการไม่เปลี่ยน (แก้ไขเฉพาะข้อมูลอื่นของรายงาน)' });
  }
  return out;
}

/** The whole comparison; `title` names the two sides ("main (1a2b3c4) → ต้นฉบับที่กำลังแก้ไข"). */
export function diffBlocks(diff: ModelDiff, fmt: Formatter, title: string): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: `การเปลี่ยนแปลงของแผน: ${title}` }];
  if (!hasChanges(diff)) return [...out, { kind: 'para', text: NO_CHANGE }];
  if (diff.organisation.length) out.push({ kind: 'para', text: `แก้ไขข้อมูลหน่วยงาน (organisation.yaml): ${diff.organisation.join(', ')}` });
  for (const p of diff.plans) out.push(...planBlocks(p, fmt));
  return out;
}

// Markdown: a cell or a line must not open a table, emphasis, a link or HTML of its own.
const mdEscape = (s: string): string => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level)} ${mdEscape(b.text)}`);
    else if (b.kind === 'para') out.push(mdEscape(b.text));
    else if (b.kind === 'list') out.push(b.items.map((i) => `- ${mdEscape(i)}`).join('\n'));
    else {
      const head = b.kind === 'changes' ? [b.head, 'เดิม', 'ใหม่', 'ผลต่าง'] : b.head;
      const rows = b.kind === 'changes' ? b.rows.map((r) => [r.label, r.before, r.after, r.difference]) : b.rows;
      const line = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
      out.push([line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function toText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(b.level === 4 ? `\n${b.text}` : `\n${b.text}\n${'='.repeat(Math.min(60, displayWidth(b.text)))}`);
    else if (b.kind === 'para') out.push(`  ${b.text}`);
    else if (b.kind === 'list') out.push(...b.items.map((i) => `  • ${i}`));
    else if (b.kind === 'changes') out.push(...b.rows.map((r) => `  ${r.label}: ${r.before} → ${r.after}${r.difference ? ` (${r.difference})` : ''}`));
    else out.push(...b.rows.map((r) => `  ${r[0]}: ${r.slice(1).map((c, i) => (c ? `${b.head[i + 1]} ${c}` : '')).filter(Boolean).join('; ')}`));
  }
  return `${out.join('\n').replace(/^\n/, '')}\n`;
}
