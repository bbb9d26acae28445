// Progress reports, sorted by the last month they cover, and each project's entries in them.
import type { Loaded } from '../loader/load-content.ts';
import type { ReportData } from '../schema/index.ts';
import { dayLongLabel, monthIndex, parseBeDate, parseMonth } from '../thai/calendar.ts';
import { parseMarkdown } from './markdown.ts';
import { STATUS_LABELS } from './labels.ts';
import type { Day, FiscalMonth, FiscalQuarter, Kpi, ProjectProgress, Report, Unit } from './types.ts';

/** Sort key of a report: the month index of the last month it covers. */
function reportEnd(r: ReportData, fy: number): number {
  if (r.month) return monthIndex(parseMonth(r.month)!);
  return monthIndex({ year: fy - 1, month: 10 }) + r.quarter! * 3 - 1;
}

export interface BuiltReports {
  reports: Report[];
  /** A project's progress entries, oldest first, with its KPIs resolved. */
  progressOf: (projectId: string, kpiById: Map<string, Kpi>) => ProjectProgress[];
}

/** The schema stored days canonically (`2561-04-10`). */
export function dayOf(key: string): Day {
  return { key, label: dayLongLabel(parseBeDate(key)!) };
}

const md = (s: string | undefined) => (s === undefined ? undefined : parseMarkdown(s));

export function buildReports(loaded: Loaded<ReportData>[], fy: number, months: FiscalMonth[], quarters: FiscalQuarter[], unitById: Map<string, Unit>): BuiltReports {
  const monthByKey = new Map(months.map((m) => [m.key, m]));
  const sorted = [...loaded].sort((a, b) => reportEnd(a.data, fy) - reportEnd(b.data, fy));
  const reports: Report[] = sorted.map((r) => {
    const covered = r.data.month ? [monthByKey.get(r.data.month)!] : months.filter((m) => m.quarter === r.data.quarter);
    const asOf = covered[covered.length - 1]!;
    return {
      id: r.id,
      kind: r.data.month ? 'month' : 'quarter',
      months: covered,
      asOf,
      label: r.data.month ? `รายงานประจำเดือน${asOf.labelLong}` : `รายงาน${quarters[r.data.quarter! - 1]!.label}`,
      source: r.data.source,
      keyFigures: r.data.key_figures.map((k) => ({ label: k.label, value: k.value, unit: k.unit })),
      reporter: r.data.reporter === undefined ? undefined : unitById.has(r.data.reporter)
        ? { unit: unitById.get(r.data.reporter), name: unitById.get(r.data.reporter)!.name }
        : { name: r.data.reporter },
      reportedOn: r.data.reported_on ? dayOf(r.data.reported_on) : undefined,
      approval: r.data.approval ? { by: r.data.approval.by, on: dayOf(r.data.approval.on) } : undefined,
    };
  });
  const progressOf = (id: string, kpiById: Map<string, Kpi>): ProjectProgress[] => {
    const progress: ProjectProgress[] = [];
    sorted.forEach((r, i) => {
      const pr = r.data.projects.find((p) => p.project === id);
      if (!pr) return;
      progress.push({
        reportId: r.id,
        asOf: reports[i]!.asOf,
        status: pr.status,
        statusLabel: STATUS_LABELS[pr.status],
        percent: pr.percent,
        spent: pr.spent,
        note: pr.note,
        kpis: (pr.kpis ?? []).map((k) => ({ kpi: kpiById.get(k.kpi)!, actual: k.actual })),
        results: md(pr.results),
        problems: md(pr.problems),
        solutions: md(pr.solutions),
        evidence: (pr.evidence ?? []).map((e) => ({ title: e.title, url: e.url, file: e.file })),
      });
    });
    return progress;
  };
  return { reports, progressOf };
}
