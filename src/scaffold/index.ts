// `npm run new`: the text of a new project file or report skeleton, with the ids checked against the
// content as it is (scripts/new.ts writes it). Thai messages: the authors read them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { contentRoot } from '../content-dir.ts';
import type { Model, Plan, Project } from '../model/index.ts';
import { formatDiagnostic, loadPlans } from '../pipeline.ts';
import { SHEET_SECTIONS, type SheetSectionKey } from '../schema/sections.ts';
import { documentSchema, fieldLines, guidance, type JsonSchema } from './skeleton.ts';

export class ScaffoldError extends Error {}

export interface Scaffold {
  /** Absolute path of the file to write. */
  file: string;
  text: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The checked model and the plan of `year`, or a Thai reason why not. */
function planOf(contentDir: string, root: string, year: string): { model: Model; plan: Plan } {
  if (!/^\d{4}$/.test(year)) throw new ScaffoldError(`ปี "${year}" ไม่ถูกต้อง: เขียนเป็นปี พ.ศ. 4 หลัก เช่น 2568`);
  if (!existsSync(join(contentDir, 'plans', year, 'plan.yaml'))) {
    throw new ScaffoldError(`ไม่พบแผนปี ${year} (${relative(root, join(contentDir, 'plans', year, 'plan.yaml'))}): สร้าง plan.yaml ของปีนั้นก่อน หรือตรวจปีที่พิมพ์`);
  }
  // The logo is looked up where every command looks (content-dir.ts); messages stay relative to root.
  const { model, diagnostics } = loadPlans(contentDir, contentRoot(contentDir), { relativeTo: root });
  if (!model) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new ScaffoldError(`เนื้อหามีข้อผิดพลาด แก้ให้ผ่าน npm run check ก่อนสร้างไฟล์ใหม่:\n${errors.join('\n')}`);
  }
  const plan = model.plans.find((p) => p.id === year)!;
  return { model, plan };
}

/** The editors' schema line, relative to the new file: content/schemas/ of this content, else the project's. */
function schemaLine(contentDir: string, root: string, file: string, name: string): string {
  const own = join(contentDir, 'schemas', name);
  const target = existsSync(own) ? own : join(root, 'content', 'schemas', name);
  return `# yaml-language-server: $schema=${relative(dirname(file), target).split('\\').join('/')}`;
}

const ids = (xs: ReadonlyArray<{ id: string; name?: string; label?: string }>): string =>
  xs.length ? `รหัสที่มี: ${xs.map((x) => `${x.id} (${x.name ?? x.label})`).join(', ')}` : '';

/** Fields a section of the detail sheet is written in, beyond its own key. */
const SECTION_FIELDS: Partial<Record<SheetSectionKey, string[]>> = {
  activities: ['activities', 'pdca'],
  budget: ['budget', 'budget_breakdown', 'spending_plan'],
};

/** A new project file: every field of the schema with its guidance, sections 1–10 in the sheet's order. */
export function newProject(contentDir: string, year: string, id: string, root: string = join(contentDir, '..')): Scaffold {
  contentDir = resolve(contentDir);
  if (!SLUG.test(id)) {
    throw new ScaffoldError(`รหัสโครงการ "${id}" ใช้ไม่ได้: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีดคั่น เช่น network-upgrade (เป็นชื่อไฟล์และที่อยู่เว็บ)`);
  }
  const file = join(contentDir, 'plans', year, 'projects', `${id}.yaml`);
  // Before loading: a file just scaffolded and not yet filled makes the content invalid.
  const taken = () => new ScaffoldError(`มีโครงการรหัส "${id}" ในแผนปี ${year} แล้ว (${relative(root, file)}): เลือกรหัสอื่น`);
  if (existsSync(file)) throw taken();
  const { model, plan } = planOf(contentDir, root, year);
  if (plan.projects.some((p) => p.id === id)) throw taken();

  const schema = documentSchema('project');
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const order = Math.max(0, ...plan.projects.map((p) => p.order)) + 1;
  const first = plan.months[0]!.key;
  const last = plan.months.at(-1)!.key;
  const tactics = plan.strategies.flatMap((s) => s.tactics).map((t) => ({ id: t.id, name: `${t.number} ${t.name}` }));
  const preset: Record<string, { value?: string; extra?: string }> = {
    order: { value: String(order), extra: 'ลำดับถัดไปที่ยังว่างในแผนนี้' },
    period: { value: `{ start: ${first}, end: ${last} }`, extra: 'ตั้งไว้ทั้งปี: แก้ให้ตรงกับโครงการ' },
    fund_strategies: { extra: ids(model.organisation.strategies) },
    strategies: { extra: ids(plan.strategies) },
    tactics: { extra: ids(tactics) },
    owner: { extra: ids(model.organisation.units) },
    priority: { extra: ids(plan.priorities) },
  };
  const field = (key: string): string[] =>
    fieldLines(key, props[key]!, '', { commented: !required.has(key) && props[key]!.default === undefined, ...preset[key] });

  const inSections = new Set(SHEET_SECTIONS.flatMap((s) => SECTION_FIELDS[s.key] ?? [s.key]));
  const lines = [
    schemaLine(contentDir, root, file, 'project.schema.json'),
    `# ${schema.title} ${id} ของแผนปี ${year} (${relative(contentDir, file).split('\\').join('/')})`,
    '# กรอกช่องที่ว่างไว้ (ต้องมี: ' + [...required].join(', ') + ') แล้วตรวจด้วย npm run check',
    '# บรรทัดที่ขึ้นต้นด้วย # คือคำอธิบายหรือช่องที่ไม่บังคับ: ลบ # หน้าชื่อช่องเมื่อจะใส่ข้อมูล',
    '',
    '# ─── ข้อมูลในตารางแผนปฏิบัติการ ───',
    ...Object.keys(props).filter((k) => !inSections.has(k)).flatMap(field),
  ];
  for (const s of SHEET_SECTIONS) {
    lines.push('', `# ─── ${s.number}. ${s.title} ───`);
    for (const key of SECTION_FIELDS[s.key] ?? [s.key]) if (props[key]) lines.push(...field(key));
  }
  return { file, text: `${lines.join('\n')}\n` };
}

/** The months a report period covers: "2568-03" (a month of the plan year) or "q2". */
function periodMonths(plan: Plan, period: string): { months: string[]; file: string; head: string; label: string } {
  const q = /^q([1-4])$/i.exec(period);
  if (q) {
    const quarter = plan.quarters.find((x) => x.quarter === Number(q[1]))!;
    return { months: quarter.months.map((m) => m.key), file: `${plan.id}-q${q[1]}`, head: `quarter: ${q[1]}`, label: quarter.label };
  }
  const month = plan.months.find((m) => m.key === period);
  if (!month) {
    throw new ScaffoldError(`งวด "${period}" ไม่ถูกต้อง: เขียนเป็นเดือนในปีของแผน ${plan.months[0]!.key} ถึง ${plan.months.at(-1)!.key} หรือไตรมาส q1–q4`);
  }
  return { months: [month.key], file: month.key, head: `month: ${month.key}`, label: month.labelLong };
}

/** A project's newest reported figures from before the month `start` (a month key), if any: a report of a
 *  period that ends in or after it (the quarter ending in that month) is not an earlier report. */
const lastProgress = (p: Project, start: string) => p.progress.filter((g) => g.asOf.key < start).at(-1);

/**
 * A report skeleton for a month or quarter: every project whose period overlaps it, prefilled with the
 * status, percent and spent of the newest report before the period (figures are cumulative), and the
 * progress fields.
 */
export function newReport(contentDir: string, year: string, period: string, root: string = join(contentDir, '..')): Scaffold {
  contentDir = resolve(contentDir);
  const exists = (name: string) => {
    const file = join(contentDir, 'plans', year, 'reports', `${name}.yaml`);
    if (existsSync(file)) throw new ScaffoldError(`มีรายงานงวดนี้แล้ว (${relative(root, file)}): แก้ไฟล์เดิม หรือเลือกงวดอื่น`);
    return file;
  };
  // Before loading, as for a project: the file may be there and not yet valid.
  exists(/^q[1-4]$/i.test(period) ? `${year}-${period.toLowerCase()}` : period.replace(/[\\/]/g, ''));
  const { plan } = planOf(contentDir, root, year);
  const { months, file: name, head, label } = periodMonths(plan, period);
  const file = exists(name);
  const [from, to] = [months[0]!, months.at(-1)!];
  const active = plan.projects.filter((p) => p.period.startKey <= to && p.period.endKey >= from);
  if (!active.length) throw new ScaffoldError(`ไม่มีโครงการที่ดำเนินการในงวด ${label}: ตรวจระยะเวลา (period) ของโครงการในแผนปี ${year}`);

  const schema = documentSchema('report');
  const props = schema.properties ?? {};
  const item = props.projects!.items!;
  const itemProps = item.properties ?? {};
  const previous = plan.reports.filter((r) => r.asOf.key < from).sort((a, b) => a.asOf.key.localeCompare(b.asOf.key)).at(-1);
  const reportLabel = new Map(plan.reports.map((r) => [r.id, r.label]));
  const reporter = previous?.reporter ? (previous.reporter.unit?.id ?? previous.reporter.name) : undefined;

  const lines = [
    schemaLine(contentDir, root, file, 'report.schema.json'),
    `# ${schema.title} ${label} ของแผนปี ${year} (${relative(contentDir, file).split('\\').join('/')})`,
    '# ตัวเลขเป็นยอดสะสมถึงสิ้นงวด; สถานะ ร้อยละ และเบิกจ่ายตั้งไว้ตามรายงานครั้งก่อน: แก้ให้เป็นของงวดนี้',
    '# บรรทัดที่ขึ้นต้นด้วย # คือคำอธิบายหรือช่องที่ไม่บังคับ: ลบ # หน้าชื่อช่องเมื่อจะใส่ข้อมูล',
    head,
    ...fieldLines('source', props.source!, ''),
    ...fieldLines('reporter', props.reporter!, '', reporter ? { value: reporter, extra: 'ตั้งไว้ตามรายงานครั้งก่อน' } : { commented: true }),
    ...fieldLines('reported_on', props.reported_on!, '', { commented: true }),
    ...fieldLines('approval', props.approval!, '', { commented: true }),
    '',
    `# ${guidance(props.projects!)}: ทุกโครงการที่ดำเนินการในงวดนี้ แต่ละโครงการมีช่องดังนี้`,
    ...Object.entries(itemProps).map(([k, p]) => `#   ${k}: ${guidance(p)}`),
    'projects:',
  ];
  for (const p of active) {
    const last = lastProgress(p, from);
    const was = last ? `รายงานครั้งก่อน (${reportLabel.get(last.reportId) ?? last.asOf.labelShort}): ${last.statusLabel}${last.percent !== undefined ? ` ร้อยละ ${last.percent}` : ''}` : 'ยังไม่เคยรายงาน';
    lines.push(`  # ${p.name} · ${was}`, `  - project: ${p.id}`, `    status: ${last?.status ?? 'not-started'}`);
    lines.push(last?.percent !== undefined ? `    percent: ${last.percent}` : '    percent: 0');
    if (last?.spent !== undefined) lines.push(`    spent: ${last.spent}`);
    else lines.push(...fieldLines('spent', itemProps.spent!, '    ', { commented: true, explain: false }));
    for (const k of ['note', 'results', 'problems', 'solutions']) {
      if (itemProps[k]) lines.push(...fieldLines(k, itemProps[k]!, '    ', { commented: true, explain: false }));
    }
    // One line: the guidance above says { title, url } or { title, file }.
    if (itemProps.evidence) lines.push('    # evidence: [{ title: , url: }]');
    if (p.kpis.length) {
      lines.push(`    # ${guidance(itemProps.kpis!)}: ${p.kpis.map((k) => `${k.id} = ${k.text}`).join(' · ')}`);
      lines.push(`    # kpis: [${p.kpis.map((k) => `{ kpi: ${k.id}, actual: }`).join(', ')}]`);
    }
  }
  lines.push('', ...fieldLines('key_figures', props.key_figures as JsonSchema, '', { commented: true }));
  return { file, text: `${lines.join('\n')}\n` };
}

/** Writes a scaffold; never over an existing file (also one written since it was checked). */
export function writeScaffold(s: Scaffold): void {
  try {
    mkdirSync(dirname(s.file), { recursive: true });
    writeFileSync(s.file, s.text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`มีไฟล์ ${s.file} แล้ว: ไม่เขียนทับ`);
    throw e;
  }
}
