// The model's public face: its types and what renderers may compute from it. Loading content into a model
// is src/pipeline.ts.
export * from './types.ts';
export { buildFiscalMonths, CADENCE_LABELS, PDCA_LABELS, PROCUREMENT_LABELS, STATUS_LABELS } from './build.ts';
export { markdownToPlainText, parseMarkdown, parseMarkdownDocument } from './markdown.ts';
export { cancelledSince, planProgressAsOf, plannedCurve, progressAsOf, projectMonth, reportAsOf, scheduleStatus, type PlanProgress, type ProjectMonth } from './progress.ts';
export { inPeriod } from './period.ts';
