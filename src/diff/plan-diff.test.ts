// diffModels on the demo plan with one fact changed at a time: each is reported, and nothing else is.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/index.ts';
import { loadPlans } from '../pipeline.ts';
import { formatter } from '../views/format.ts';
import { diffModels, hasChanges } from './plan-diff.ts';
import { diffBlocks, monthsText, toText } from './render.ts';

const demo = join(import.meta.dirname, '../../examples/demo');
const base = loadPlans(demo).model!;
const edited = (f: (m: Model) => void): Model => {
  const m = structuredClone(base);
  f(m);
  return m;
};
const plan = (m: Model) => m.plans[0]!;
const project = (m: Model, id: string) => plan(m).projects.find((p) => p.id === id)!;

describe('diffModels', () => {
  it('finds nothing between a model and its copy', () => {
    expect(hasChanges(diffModels(base, structuredClone(base)))).toBe(false);
    expect(toText(diffBlocks(diffModels(base, base), formatter(base.organisation), 'a → b'))).toContain('ไม่มีการเปลี่ยนแปลงเนื้อหาของแผน');
  });

  it('tells a rename (same id), an id change (same name), an addition and a removal apart', () => {
    const after = edited((m) => {
      const ps = plan(m).projects;
      ps[0]!.name = 'ชื่อใหม่';
      ps[1]!.id = 'renamed-file';
      ps.push({ ...structuredClone(ps[2]!), id: 'brand-new', name: 'โครงการใหม่' });
      ps.splice(3, 1);
    });
    const d = diffModels(base, after).plans[0]!.projects;
    const [p0, p1, p3] = [0, 1, 3].map((i) => plan(base).projects[i]!);
    expect(d.find((x) => x.id === p0!.id)).toMatchObject({ kind: 'changed', renamedFrom: p0!.name, name: 'ชื่อใหม่' });
    expect(d.find((x) => x.id === 'renamed-file')).toMatchObject({ kind: 'changed', idChangedFrom: p1!.id });
    expect(d.find((x) => x.id === 'brand-new')).toMatchObject({ kind: 'added', budgetNow: plan(base).projects[2]!.budget });
    expect(d.find((x) => x.id === p3!.id)).toMatchObject({ kind: 'removed' });
    expect(d).toHaveLength(4);
  });

  it('reports owner, priority, strategies, period, KPI targets, schedule months and section texts', () => {
    const id = plan(base).projects.find((p) => p.kpis.some((k) => k.target) && p.activities.length > 0)!.id;
    const after = edited((m) => {
      const p = project(m, id);
      const o = m.organisation.units.find((u) => u.id !== p.owner.id)!;
      p.owner = o;
      p.priority = plan(m).priorities.find((x) => x.id !== p.priority.id)!;
      p.strategies = [];
      p.period.label = 'ต.ค. 66 – ธ.ค. 66';
      p.kpis.find((k) => k.target)!.target!.value += 5;
      p.activities[0]!.monthIndexes = [0, 1, 2, 5];
      p.objectives = [...p.objectives, 'วัตถุประสงค์เพิ่ม'];
    });
    const d = diffModels(base, after).plans[0]!.projects[0]!;
    const before = project(base, id);
    expect(d.owner).toEqual({ before: before.owner.name, after: project(after, id).owner.name });
    expect(d.priority?.before).toContain(before.priority.label);
    expect(d.strategies?.after).toEqual([]);
    expect(d.period?.after).toBe('ต.ค. 66 – ธ.ค. 66');
    const k = before.kpis.find((x) => x.target)!;
    expect(d.kpis).toEqual([{ name: k.name, before: k.target, after: { ...k.target, value: k.target!.value + 5 } }]);
    expect(d.schedule).toEqual([{ name: before.activities[0]!.name, before: before.activities[0]!.monthIndexes, after: [0, 1, 2, 5] }]);
    expect(d.sections).toEqual(['2. วัตถุประสงค์']);
    expect(monthsText([0, 1, 2, 5], plan(base).months, formatter(base.organisation))).toBe('ต.ค. 66 – ธ.ค. 66, มี.ค. 67');
  });

  it('reports a report figure: status, percent and spent, before → after', () => {
    const after = edited((m) => {
      const pr = plan(m).projects[0]!.progress.at(-1)!;
      pr.statusLabel = 'ล่าช้า';
      pr.percent = 12;
      pr.spent = 1234;
    });
    const r = diffModels(base, after).plans[0]!.reports;
    const last = plan(base).projects[0]!.progress.at(-1)!;
    expect(r).toEqual([
      {
        id: last.reportId, label: plan(base).reports.find((x) => x.id === last.reportId)!.label, kind: 'changed',
        rows: [{
          projectId: plan(base).projects[0]!.id, name: plan(base).projects[0]!.name,
          status: last.statusLabel === 'ล่าช้า' ? undefined : { before: last.statusLabel, after: 'ล่าช้า' },
          percent: { before: last.percent, after: 12 }, spent: { before: last.spent, after: 1234 },
        }],
      },
    ]);
  });
});
