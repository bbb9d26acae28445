import type { HomeData, OverviewData, ProjectData, Template } from '../../src/infographics/types.ts';
import { frame } from './parts.ts';
export const ogHomeTemplate: Template<HomeData> = { width: 1200, height: 630, fitLevels: 1, render: (_d, c) => frame(c, 1200, 630) };
export const ogPlanTemplate: Template<OverviewData> = { width: 1200, height: 630, fitLevels: 1, render: (_d, c) => frame(c, 1200, 630) };
export const ogProjectTemplate: Template<ProjectData> = { width: 1200, height: 630, fitLevels: 1, render: (_d, c) => frame(c, 1200, 630) };
