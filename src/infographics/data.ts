// Picks what each card shows: the views (src/views) computed from the model; nothing is derived here.
import type { Plan, Project } from '../model/types.ts';
import { activeCounts, monthView } from '../views/month.ts';
import { projectNote, projectStatus } from '../views/progress.ts';
import type { OverviewData, ProjectData } from './types.ts';

export { monthView as monthData };
export const overviewData = (plan: Plan): OverviewData => ({ plan, activeCounts: activeCounts(plan) });
/** A project card shows the newest report (no month: the card is not dated by a month). */
export function projectData(plan: Plan, project: Project): ProjectData {
  const status = projectStatus(plan, project);
  return { plan, project, status, note: projectNote(status) };
}
