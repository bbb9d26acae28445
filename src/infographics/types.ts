// What the engine hands to a template. Templates (templates/infographics/) only draw; the engine picks the data.
import type { Model, Organisation, Plan, Project } from '../model/types.ts';
import type { Formatter } from '../views/format.ts';
import type { MonthView } from '../views/month.ts';
import type { ReportView } from '../views/report.ts';
import type { ProjectStatus } from '../views/progress.ts';
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
  /** Numbers, baht and percents (src/views/format.ts). The digit style itself is applied by the engine to
   *  every text of the card: body digits everywhere, heading digits inside `headingDigits()` boxes. */
  fmt: Formatter;
}

export type { MonthProject, MonthView as MonthData } from '../views/month.ts';

export interface ProjectData { plan: Plan; project: Project; status: ProjectStatus; note: string }
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
  month: Template<MonthView>;
  overview: Template<OverviewData>;
  project: Template<ProjectData>;
  ogHome: Template<HomeData>;
  ogPlan: Template<OverviewData>;
  ogProject: Template<ProjectData>;
  /** One card per quarterly report. */
  quarter: Template<ReportView>;
  /** Colours and font from the organisation's branding. */
  theme: (organisation: Organisation) => Theme;
}
