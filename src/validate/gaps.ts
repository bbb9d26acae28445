// What a project's detail sheet lacks or does not add up: the budget breakdown's sum, the procurement
// kind, missing sheet sections (warnings: the seed has some).
import type { Loaded } from '../loader/load-content.ts';
import type { ProjectData } from '../schema/index.ts';
import { missingSections } from '../schema/sections.ts';
import { formatNumber } from '../thai/numbers.ts';
import type { CheckContext } from './context.ts';

export function checkBudgetBreakdown({ report }: CheckContext, p: Loaded<ProjectData>) {
  const d = p.data;
  if (!d.budget_breakdown) return;
  const sum = d.budget_breakdown.reduce((a, b) => a + b.amount, 0);
  if (Math.abs(sum - d.budget) > 0.005) {
    report('error', p.source, ['budget_breakdown'], `รายการงบประมาณรวมกันได้ ${formatNumber(sum)} บาท ไม่เท่ากับงบประมาณ ${formatNumber(d.budget)} บาท`);
  }
}

export function checkSheetGaps({ report }: CheckContext, p: Loaded<ProjectData>) {
  const s = p.source;
  if (p.data.procurement === null) report('warning', s, ['procurement'], 'ยังไม่ระบุประเภทการจัดหา (extend ขยายระบบเดิม / new จัดหาใหม่ / replace ทดแทน)');
  const missing = missingSections(p.data);
  if (missing.length > 0) {
    report('warning', s, [], `รายละเอียดโครงการยังขาดหัวข้อ ${missing.join(', ')}: จะแสดงเป็น ไม่ระบุ`);
  }
}
