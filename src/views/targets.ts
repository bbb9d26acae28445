// เป้าหมาย as groups: the overall lines, then เชิงปริมาณ and เชิงคุณภาพ, as the book prints them.
import type { Targets } from '../model/types.ts';
import { LABELS } from './labels.ts';

export interface TargetGroup { label?: string; items: string[] }

/** Empty when the source gives no targets (renderers print ไม่ระบุ). */
export function targetGroups(t: Targets | undefined): TargetGroup[] {
  if (!t) return [];
  const groups: TargetGroup[] = [];
  if (t.overall.length > 0) groups.push({ items: t.overall });
  if (t.quantitative.length > 0) groups.push({ label: LABELS.quantitative, items: t.quantitative });
  if (t.qualitative.length > 0) groups.push({ label: LABELS.qualitative, items: t.qualitative });
  return groups;
}
