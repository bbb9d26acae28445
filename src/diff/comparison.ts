// ตารางเปรียบเทียบแผนเดิมกับแผนฉบับปรับปรุง: the table a Thai agency files with a revised plan, one row per changed
// fact of each project (before, after, difference) with the revision's reason for the project. Computed from the
// same diff as `npm run diff`; the book's chapter and the site's revision page print these rows.
import type { Plan, Revision } from '../model/index.ts';
import type { Formatter } from '../views/format.ts';
import { diffPlan } from './plan-diff.ts';
import { bahtDifference, projectRows } from './render.ts';

export interface ComparisonRow {
  /** The project's name on the first row of its group, '' on the rows after it. */
  project: string;
  projectId: string;
  item: string;
  before: string;
  after: string;
  difference: string;
  /** The revision's reason for the project, on the first row of its group. */
  reason: string;
}

export interface Comparison {
  rows: ComparisonRow[];
  total: { before: string; after: string; difference: string };
}

export const COMPARISON_TITLE = 'ตารางเปรียบเทียบแผนเดิมกับแผนฉบับปรับปรุง';
export const COMPARISON_HEADERS = ['โครงการ', 'รายการ', 'แผนเดิม', 'แผนฉบับปรับปรุง', 'ผลต่าง', 'เหตุผล'] as const;

const DASH = '-';

export function comparison(before: Plan, after: Plan, fmt: Formatter, revision: Pick<Revision, 'projectReasons'> = { projectReasons: {} }): Comparison {
  const d = diffPlan(before, after);
  const rows: ComparisonRow[] = [];
  for (const p of d?.projects ?? []) {
    const items =
      p.kind === 'added'
        ? [{ label: 'เพิ่มโครงการ', before: DASH, after: fmt.baht(p.budgetNow!), difference: bahtDifference(0, p.budgetNow!, fmt) }]
        : p.kind === 'removed'
          ? [{ label: 'ยกเลิกโครงการ', before: fmt.baht(p.budgetNow!), after: DASH, difference: bahtDifference(p.budgetNow!, 0, fmt) }]
          : [...projectRows(p, d!.months, fmt), ...(p.sections.length ? [{ label: 'แก้ไขข้อความ', before: DASH, after: fmt.text(p.sections.join(', ')), difference: '' }] : [])];
    items.forEach((r, i) => rows.push({
      project: i === 0 ? p.name : '',
      projectId: p.id,
      item: r.label,
      before: r.before,
      after: r.after,
      difference: r.difference,
      reason: i === 0 ? (revision.projectReasons[p.id] ?? (p.idChangedFrom ? revision.projectReasons[p.idChangedFrom] : undefined) ?? '') : '',
    }));
  }
  const a = before.totals.budget;
  const b = after.totals.budget;
  return { rows, total: { before: fmt.baht(a), after: fmt.baht(b), difference: bahtDifference(a, b, fmt) } };
}
