// The normalised plan model: what every renderer reads. References are resolved to objects, months are
// on the fiscal-year grid, totals are computed, Markdown is mdast. Anything the source does not give is
// `undefined` here and renders as NOT_SPECIFIED.
import type { Root } from 'mdast';
import type { DigitStyle } from '../thai/numbers.ts';

export const NOT_SPECIFIED = 'ไม่ระบุ';

export interface FiscalMonth {
  /** `2560-10` */
  key: string;
  year: number;
  month: number;
  /** 0 (October) … 11 (September) */
  index: number;
  quarter: 1 | 2 | 3 | 4;
  /** ตุลาคม 2560 */
  labelLong: string;
  /** ต.ค. 60 */
  labelShort: string;
  /** ต.ค. */
  name: string;
}

export interface FiscalQuarter {
  quarter: 1 | 2 | 3 | 4;
  months: FiscalMonth[];
  /** ไตรมาส 1 (ต.ค.–ธ.ค. 60) */
  label: string;
}

export interface Unit { id: string; name: string }
export interface FundStrategy { id: string; number: number; name: string; projectIds: string[] }

export interface Organisation {
  name: string;
  shortName: string;
  parents: string[];
  units: Unit[];
  strategies: FundStrategy[];
  branding: {
    logo?: string;
    /** The logo file, resolved once (content/ then public/); renderers read this. */
    logoPath?: string;
    colors: { primary: string; accent: string }; font: 'sarabun' };
  display: { digits: DigitStyle; headingDigits: DigitStyle; pageNumberDigits: DigitStyle };
  siteUrl?: string;
  /** The agency's own words kept whole at line ends, on top of the built-in list (src/thai/compounds.ts). */
  keepTogether: string[];
}

export interface Tactic { id: string; number: string; name: string; strategyId: string; projectIds: string[] }
export interface Strategy { id: string; number: number; name: string; tactics: Tactic[]; projectIds: string[] }
export interface Priority { id: string; stars: number; label: string; marks: string }

export interface Targets { overall: string[]; quantitative: string[]; qualitative: string[] }

export interface Activity {
  name: string;
  /** Fiscal month indexes 0–11 in which the activity runs; empty when the source does not say. */
  monthIndexes: number[];
  owner?: Unit;
}

export type PdcaPhase = 'plan' | 'do' | 'check' | 'act';
export interface PdcaStep {
  phase: PdcaPhase;
  /** 1.วางแผน (Plan) */
  label: string;
  month?: FiscalMonth;
  activities: string[];
  owner?: Unit;
}

export interface Kpi { id: string; name: string; target?: { value: number; unit?: string }; text: string }

export type ReportStatus = 'not-started' | 'on-track' | 'delayed' | 'done' | 'cancelled';

export interface ProjectProgress {
  reportId: string;
  /** The month the figures are as of (the report's month, or the last month of its quarter). */
  asOf: FiscalMonth;
  status: ReportStatus;
  statusLabel: string;
  percent?: number;
  spent?: number;
  note?: string;
  kpis: Array<{ kpi: Kpi; actual: number }>;
  /** ผลการดำเนินงาน, ปัญหาอุปสรรค, แนวทางแก้ไข of this period (Markdown). */
  results?: Root;
  problems?: Root;
  solutions?: Root;
  /** หลักฐาน: an intranet page (url) or a file kept under content/ (file, relative to content/). */
  evidence: Array<{ title: string; url?: string; file?: string }>;
}

/** A day as the content gives it: `2561-04-10`, shown as 10 เมษายน 2561. */
export interface Day { key: string; label: string }

/** Where a project's planned disbursement curve comes from: its own spending plan, or estimated from its
 *  schedule (ประมาณจากกำหนดการ), or spread over its period when the schedule gives no months. */
export type PlannedBasis = 'spending-plan' | 'schedule' | 'period';

export interface PlannedCurve {
  basis: PlannedBasis;
  /** Cumulative planned disbursement at the end of each fiscal month (index 0 = October), baht. */
  cumulative: number[];
}

export interface Project {
  id: string;
  order: number;
  name: string;
  fundStrategies: FundStrategy[];
  strategies: Strategy[];
  tactics: Tactic[];
  targets?: Targets;
  expectedResults: string[];
  /** What the action-plan table shows (the summary wording when given, else the sheet's). */
  table: { targets?: Targets; expectedResults: string[] };
  period: { start: FiscalMonth | undefined; end: FiscalMonth | undefined; startKey: string; endKey: string; label: string };
  budget: number;
  budgetWords: string;
  budgetBreakdown: Array<{ item: string; amount: number }>;
  owner: Unit;
  priority: Priority;
  rationale?: Root;
  objectives: string[];
  scope?: Root;
  /** undefined: not a procurement project; null: procurement, kind not stated. */
  procurement?: { kind: 'extend' | 'new' | 'replace'; label: string } | null;
  activities: Activity[];
  pdca: PdcaStep[];
  schedule: 'months' | 'pdca' | 'none';
  /** Fiscal month indexes in which anything of the project is scheduled (activities or PDCA). */
  activeMonthIndexes: number[];
  kpis: Kpi[];
  monitoring?: { cadence: string; label: string };
  /** Progress, oldest first. */
  progress: ProjectProgress[];
  /** Planned disbursement per fiscal month (the spending plan, else estimated from the schedule). */
  planned: PlannedCurve;
  /** Sections of the detail sheet the source lacks (e.g. "9. ดัชนีชี้วัดความสำเร็จ"). */
  missingSections: string[];
  sourceFile: string;
}

export interface KeyFigure { label: string; value: number; unit?: string }

export interface Report {
  id: string;
  kind: 'month' | 'quarter';
  /** The months the report covers. */
  months: FiscalMonth[];
  asOf: FiscalMonth;
  label: string;
  source: string;
  keyFigures: KeyFigure[];
  /** ผู้รายงาน: a unit of the organisation, or a person's title as written. */
  reporter?: { unit?: Unit; name: string };
  /** วันที่รายงาน */
  reportedOn?: Day;
  approval?: { by: string; on: Day };
}

/** แผนฉบับปรับปรุง ครั้งที่ N: what the plan says of its own revision. */
export interface Revision {
  number: number;
  /** ฉบับปรับปรุง ครั้งที่ 1 */
  label: string;
  approvedOn?: Day;
  approvedBy?: string;
  reason?: string;
  /** Project id → why it changed. */
  projectReasons: Record<string, string>;
}

/** An earlier approved edition of the plan, kept in git under `ref`. */
export interface Edition {
  /** 0: the original plan (แผนฉบับเดิม); N: ฉบับปรับปรุง ครั้งที่ N. */
  number: number;
  label: string;
  ref: string;
  approvedOn?: Day;
  /** The commit `ref` names and the whole model as it was there (read from git by loadPlans). */
  commit?: string;
  model?: Model;
}

export const editionLabel = (n: number): string => (n === 0 ? 'แผนฉบับเดิม' : `ฉบับปรับปรุง ครั้งที่ ${n}`);

export interface BudgetGroup<T> { key: T; budget: number; projectIds: string[]; share: number }

export interface Plan {
  id: string;
  fiscalYear: number;
  yearKind: 'ปีบัญชี' | 'ปีงบประมาณ';
  title: string;
  parentPlan?: string;
  preparedBy: Unit;
  introduction?: Root;
  vision?: string;
  missions: string[];
  goals: string[];
  strategies: Strategy[];
  actionPlanIntro?: Root;
  priorities: Priority[];
  months: FiscalMonth[];
  quarters: FiscalQuarter[];
  /** By `order`. */
  projects: Project[];
  reports: Report[];
  totals: {
    budget: number;
    budgetWords: string;
    projectCount: number;
    byStrategy: BudgetGroup<Strategy>[];
    byPriority: BudgetGroup<Priority>[];
    /** Projects aligned with no strategy of the plan. */
    unaligned: { budget: number; projectIds: string[] };
  };
  /** Month key (`2560-10`) → the projects with something scheduled that month. */
  activeByMonth: Record<string, string[]>;
  revision?: Revision;
  /** Earlier approved editions, oldest first; the last is the one this revision is compared with. */
  editions: Edition[];
}

export interface Model {
  organisation: Organisation;
  /** Oldest fiscal year first. */
  plans: Plan[];
}
