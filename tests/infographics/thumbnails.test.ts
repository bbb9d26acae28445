// Gallery thumbnails made by the render workers beside their cards are the thumbnails made from the cards'
// files, byte for byte; a thumbnail left from another model's cards is not used.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listJobs, renderJob, renderMany } from '../../src/infographics/index.ts';
import { runKind } from '../../src/outputs/index.ts';
import { cards, downscale, thumbnails } from '../../src/outputs/kinds/images.ts';
import { THUMBNAIL } from '../../src/paths.ts';
import { templates } from '../../templates/infographics/index.ts';
import { seedModel, withReports } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'thumbs-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('thumbnails beside the cards', () => {
  const seed = seedModel();
  // A month card has more than 256 colours (its palette merges close ones), a project card fewer.
  it.each(['2561-02', 'digital-plan'])('%s: the same bytes as from the card PNG', async (key) => {
    const r = await renderJob(seed, listJobs(seed).find((j) => j.key === key && (j.kind === 'month' || j.kind === 'project'))!, templates, { thumbnail: THUMBNAIL.width });
    expect(r.thumbnail).toBeDefined();
    expect(Buffer.compare(r.thumbnail!, Buffer.from(downscale(r.png, THUMBNAIL.width)))).toBe(0);
  });

  it('from worker threads too', async () => {
    const jobs = listJobs(seed).filter((j) => j.key === '2561-03' || j.kind === 'overview');
    const imgs = await renderMany(seed, jobs, { workers: 1, templates: new URL('../../templates/infographics/index.ts', import.meta.url), thumbnail: () => THUMBNAIL.width });
    for (const img of imgs) expect(Buffer.compare(Buffer.from(img.thumbnail!), Buffer.from(downscale(img.png, THUMBNAIL.width))), img.job.out).toBe(0);
  });

  it('a build writes them, and not one made from another model’s cards at the same path', { timeout: 120_000 }, async () => {
    const other = withReports();
    const out = join(work, 'seed');
    await runKind(cards, seed, out, { workers: 0 });
    // The other model's cards: their thumbnails, at the same paths, wait for the next thumbnails run.
    await runKind(cards, other, join(work, 'other'), { workers: 0 });
    const t = await runKind(thumbnails, seed, out, {});
    expect(t.made).toBeGreaterThan(10);
    for (const job of thumbnails.jobs(seed)) {
      const want = downscale(readFileSync(join(out, job.spec.card)), THUMBNAIL.width);
      expect(Buffer.compare(readFileSync(join(out, job.path)), Buffer.from(want)), job.path).toBe(0);
    }
  });
});
