// The ten sections of a project's detail sheet as the book, the project page and the validator's
// missing-section warning title them (the list itself is in src/schema/sections.ts).
import type { Project } from '../model/types.ts';
import { sectionLabel, sectionTitle, SHEET_SECTIONS, type SheetSectionKey } from '../schema/sections.ts';

export { PDCA_SCHEDULE_TITLE, SHEET_SECTIONS, type SheetSectionKey } from '../schema/sections.ts';

export interface SectionView {
  number: number;
  key: SheetSectionKey;
  /** The title for this project (section 5 of a PDCA-only project is กิจกรรมขั้นตอนดำเนินงาน). */
  title: string;
  /** "5. แนวทางการดำเนินงาน และกำหนดการ" */
  label: string;
  /** The source lacks it: the sheet prints ไม่ระบุ. */
  missing: boolean;
}

export function projectSections(p: Project): SectionView[] {
  const missing = new Set(p.missingSections);
  return SHEET_SECTIONS.map((s) => {
    const title = sectionTitle(s, { activities: p.activities.length, pdca: p.pdca.length });
    return { number: s.number, key: s.key, title, label: sectionLabel(s, title), missing: missing.has(sectionLabel(s)) };
  });
}
