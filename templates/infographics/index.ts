// The template set the engine renders with. To restyle: edit theme.ts / parts.ts, or swap a layout here.
import type { TemplateSet } from '../../src/infographics/types.ts';
import { monthTemplate } from './month.ts';
import { ogHomeTemplate, ogPlanTemplate, ogProjectTemplate } from './og.ts';
import { overviewTemplate } from './overview.ts';
import { projectTemplate } from './project.ts';
import { quarterTemplate } from './quarter.ts';
import { theme } from './theme.ts';

export const templates: TemplateSet = {
  month: monthTemplate,
  overview: overviewTemplate,
  project: projectTemplate,
  ogHome: ogHomeTemplate,
  ogPlan: ogPlanTemplate,
  ogProject: ogProjectTemplate,
  quarter: quarterTemplate,
  theme,
};
