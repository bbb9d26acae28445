// `npm run diff`'s engine: two content folders (a revision's, or the work tree) loaded through the same
// loader, checks and model as the build, compared in plan terms, rendered for a merge request or a terminal.
import { formatDiagnostic, loadPlans, type Diagnostic } from '../pipeline.ts';
import type { Model } from '../model/index.ts';
import { formatter } from '../views/format.ts';
import { diffModels, type ModelDiff } from './plan-diff.ts';
import { diffBlocks, toMarkdown, toText, type Block } from './render.ts';

export { diffModels, hasChanges, type ModelDiff, type PlanDiff, type ProjectDiff } from './plan-diff.ts';
export { bahtDifference, diffBlocks, NO_CHANGE, projectRows, toMarkdown, toText, type Block, type ChangeRow } from './render.ts';

export interface LoadedSide {
  /** How the side is named to the reader: "main (1a2b3c4d)", "ต้นฉบับปัจจุบัน (ยังไม่ commit)". */
  label: string;
  /** Absent when the side has errors. */
  model?: Model;
  diagnostics: Diagnostic[];
}

export function loadSide(label: string, contentDir: string, root: string): LoadedSide {
  // A side is compared as it is written: its own earlier editions are not read.
  const { model, diagnostics } = loadPlans(contentDir, root, { editions: false });
  return { label, model, diagnostics };
}

export interface PlanChange {
  before: LoadedSide;
  after: LoadedSide;
  /** Absent when either side could not be loaded. */
  diff?: ModelDiff;
}

export function comparePlans(before: LoadedSide, after: LoadedSide): PlanChange {
  return { before, after, diff: before.model && after.model ? diffModels(before.model, after.model) : undefined };
}

export type DiffFormat = 'markdown' | 'text';

function changeBlocks(c: PlanChange): Block[] {
  const title = `${c.before.label} → ${c.after.label}`;
  if (c.diff) return diffBlocks(c.diff, formatter(c.after.model!.organisation), title);
  const out: Block[] = [{ kind: 'heading', level: 2, text: `การเปลี่ยนแปลงของแผน: ${title}` }];
  for (const side of [c.before, c.after]) {
    if (side.model) continue;
    const errors = side.diagnostics.filter((d) => d.severity === 'error');
    out.push({ kind: 'para', text: `เปรียบเทียบไม่ได้: ${side.label} มีข้อผิดพลาด ${errors.length} รายการ (แก้ให้ npm run check ผ่านก่อน)` });
    out.push({ kind: 'list', items: errors.map(formatDiagnostic) });
  }
  return out;
}

export function renderChange(c: PlanChange, format: DiffFormat): string {
  const blocks = changeBlocks(c);
  return format === 'markdown' ? toMarkdown(blocks) : toText(blocks);
}
