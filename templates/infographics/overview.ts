import type { OverviewData, Template } from '../../src/infographics/types.ts';
import { frame } from './parts.ts';
export const overviewTemplate: Template<OverviewData> = { width: 1080, height: 1350, fitLevels: 1, render: (_d, c) => frame(c, 1080, 1350) };
