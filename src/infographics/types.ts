// What the engine hands to a template. Templates (templates/infographics/) only draw; the engine picks the data.
import type {
  FiscalMonth, KeyFigure, Model, Organisation, PdcaStep, Plan, Project, ProjectProgress, Report,
} from '../model/types.ts';
import type { El } from './h.ts';

export interface Theme {
  primary: string;
  accent: string;
  /** Text on white. */
  ink: string;
  muted: string;
  /** Card background, panels, bar tracks. */
  background: string;
  panel: string;
  track: string;
  onPrimary: string;
  /** Status colours (reports). */
  good: string;
  warn: string;
  bad: string;
  fontFamily: string;
}

export interface Common {
  model: Model;
  organisation: Organisation;
  theme: Theme;
  /** data: URI of the organisation's logo, when it has one. */
  logo?: string;
  /** Format helpers following organisation.display. */
  num: (n: number) => string;
  baht: (n: number) => string;
  /** Digits of headings (ธันวาคม ๒๕๖๐ when heading_digits is thai). */
  heading: (text: string) => string;
}

export interface MonthProject {
  project: Project;
  /** Activity names scheduled in this month (Gantt activities). */
  activities: string[];
  /** PDCA steps whose month is this month. */
  pdca: PdcaStep[];
  /** The latest report as of this month, when there is one. */
  progress?: ProjectProgress;
}

export interface MonthData {
  plan: Plan;
  month: FiscalMonth;
  /** Projects with something scheduled this month (Plan.activeByMonth). */
  projects: MonthProject[];
  /** Projects whose period covers the month but whose source gives no months (schedule: none). */
  unscheduled: Project[];
  /** Reports published as of this month, with their key figures. */
  reports: Array<Report & { keyFigures: KeyFigure[] }>;
  /** Sum of the latest spent figures as of this month, when any project reported one. */
  spentToDate?: number;
  /** Number of projects scheduled in each fiscal month (index 0 = October), for the year strip. */
  activeCounts: number[];
}

export interface ProjectData { plan: Plan; project: Project; progress?: ProjectProgress }
export interface OverviewData { plan: Plan; activeCounts: number[] }
export interface HomeData { plans: Plan[] }

/** One card layout. `fit` goes from 0 (everything) up to `fitLevels - 1` (least detail); the engine picks the
 *  first level at which nothing lands outside the canvas. */
export interface Template<D> {
  width: number;
  height: number;
  fitLevels: number;
  render: (data: D, common: Common, fit: number) => El;
}

export interface TemplateSet {
  month: Template<MonthData>;
  overview: Template<OverviewData>;
  project: Template<ProjectData>;
  ogHome: Template<HomeData>;
  ogPlan: Template<OverviewData>;
  ogProject: Template<ProjectData>;
  /** Colours and font from the organisation's branding. */
  theme: (organisation: Organisation) => Theme;
}
