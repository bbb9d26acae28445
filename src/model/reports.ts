// Progress reports, sorted by the last month they cover, and each project's entries in them.
import type { Loaded } from '../loader/load-content.ts';
import type { ReportData } from '../schema/index.ts';
import { monthIndex, parseMonth } from '../thai/calendar.ts';
import { STATUS_LABELS } from './labels.ts';
import type { FiscalMonth, FiscalQuarter, Kpi, ProjectProgress, Report } from './types.ts';

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

export function buildReports(loaded: Loaded<ReportData>[], fy: number, months: FiscalMonth[], quarters: FiscalQuarter[]): BuiltReports {
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
      });
    });
    return progress;
  };
  return { reports, progressOf };
}
