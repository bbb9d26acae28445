// The ten sections of a project's detail sheet (รายละเอียดโครงการ), numbered and titled as the book
// prints them. Below both the validator and the model: the missing-section warning, the model's
// `missingSections`, the book sheet and the project page all read this one list.
import { FIELD_LABELS } from './labels.ts';
import type { ProjectData } from './project.ts';

export type SheetSectionKey =
  | 'rationale' | 'objectives' | 'targets' | 'scope' | 'activities'
  | 'budget' | 'owner' | 'expected_results' | 'kpis' | 'monitoring';

export interface SheetSection {
  number: number;
  /** The YAML key the section comes from. */
  key: SheetSectionKey;
  title: string;
  /** Whether the source gives the section; absent for sections the schema requires. */
  has?: (p: ProjectData) => boolean;
}

const nonEmpty = (xs: unknown[] | undefined): boolean => Array.isArray(xs) && xs.length > 0;

export const SHEET_SECTIONS: readonly SheetSection[] = [
  { number: 1, key: 'rationale', title: FIELD_LABELS.rationale!, has: (p) => p.rationale !== undefined },
  { number: 2, key: 'objectives', title: FIELD_LABELS.objectives!, has: (p) => nonEmpty(p.objectives) },
  { number: 3, key: 'targets', title: FIELD_LABELS.targets!, has: (p) => p.targets !== undefined },
  { number: 4, key: 'scope', title: FIELD_LABELS.scope!, has: (p) => p.scope !== undefined },
  { number: 5, key: 'activities', title: 'แนวทางการดำเนินงาน และกำหนดการ', has: (p) => p.activities !== undefined || p.pdca !== undefined },
  { number: 6, key: 'budget', title: 'งบประมาณ' },
  { number: 7, key: 'owner', title: 'ผู้รับผิดชอบโครงการ' },
  { number: 8, key: 'expected_results', title: FIELD_LABELS.expected_results!, has: (p) => nonEmpty(p.expected_results) },
  { number: 9, key: 'kpis', title: FIELD_LABELS.kpis!, has: (p) => nonEmpty(p.kpis) },
  { number: 10, key: 'monitoring', title: FIELD_LABELS.monitoring!, has: (p) => p.monitoring !== undefined },
];

/** What section 5 is called (and its PDCA table's heading) when a project has PDCA steps. */
export const PDCA_SCHEDULE_TITLE = 'กิจกรรมขั้นตอนดำเนินงาน';

/** A section's title for a project: section 5 of a project with PDCA steps and no activities is the PDCA table. */
export function sectionTitle(s: SheetSection, schedule: { activities: number; pdca: number }): string {
  return s.key === 'activities' && schedule.pdca > 0 && schedule.activities === 0 ? PDCA_SCHEDULE_TITLE : s.title;
}

/** "5. แนวทางการดำเนินงาน และกำหนดการ" */
export const sectionLabel = (s: SheetSection, title: string = s.title): string => `${s.number}. ${title}`;

/** The detail-sheet sections the project's data lacks, labelled as the sheet heads them. */
export function missingSections(project: ProjectData): string[] {
  return SHEET_SECTIONS.filter((s) => s.has && !s.has(project)).map((s) => sectionLabel(s));
}
