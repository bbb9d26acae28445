import type { ProjectData, Template } from '../../src/infographics/types.ts';
import { frame } from './parts.ts';
export const projectTemplate: Template<ProjectData> = { width: 1080, height: 1350, fitLevels: 1, render: (_d, c) => frame(c, 1080, 1350) };
