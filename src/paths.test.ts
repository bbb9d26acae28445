import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputKinds } from './outputs/index.ts';
import { mayBeOutput } from './paths.ts';
import { loadPlans } from './pipeline.ts';

const root = join(import.meta.dirname, '..');

describe('mayBeOutput', () => {
  it.each(['content', 'examples/demo'])('holds for every file of the output registry (%s)', (dir) => {
    const model = loadPlans(join(root, dir), root).model!;
    const listed = outputKinds.flatMap((k) => k.jobs(model).map((j) => j.path));
    expect(listed.length).toBeGreaterThan(40);
    expect(listed.filter((p) => !mayBeOutput(p))).toEqual([]);
  });

  it('is false for what no output can be, whatever the ids', () => {
    for (const p of [
      'favicon.png', 'apple-touch-icon.png', '.well-known/appspecific/com.chrome.devtools.json', 'node_modules/.vite/deps/_metadata.json',
      'plans/2561/nothing.pdf', 'plans/2561/plan-2561.pdf.png', 'plans/2561/projects/antivirus/index.json', 'plans/2561/data/a/b.csv',
      'plans/2561/infographics/thumbs/thumbs/2560-10.png', 'files/evidence/2561-01/acceptance.pdf', 'plans/2561/plan-.pdf',
    ]) expect(mayBeOutput(p), p).toBe(false);
    for (const p of ['plans/2599/plan-2599.pdf', 'plans/2599/infographics/thumbs/2599-q9.png', 'plans/x/data/plan-x-new-table.csv', 'og/home.png']) expect(mayBeOutput(p), p).toBe(true);
  });
});
