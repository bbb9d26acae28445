// What one project's outputs (its PDF sheet, its card and preview) may read of its plan. In its own module so
// that the image kinds' code version does not take in the PDF code (and the other way round).
import type { Plan } from '../../model/types.ts';

/** A plan without its projects and what is summed from them. */
export function planMeta(plan: Plan): object {
  let meta = metas.get(plan);
  if (!meta) {
    const { projects: _p, totals: _t, activeByMonth: _a, ...rest } = plan;
    metas.set(plan, (meta = rest));
  }
  return meta;
}
const metas = new WeakMap<Plan, object>();
