// The dev server's warm render process (src/dev/renderer.ts) on its own: the answer right after a save is
// rendered from the saved content without a restart (no watcher to wait for), broken content answers the
// Thai error, and a change to the code it runs restarts it. tests/dev-server.test.ts runs it inside astro dev.
import { statSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { devRenderer } from '../src/dev/renderer.ts';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const CARD = 'plans/2561/infographics/project-antivirus.png';
const BOOK = 'plans/2561/plan-2561.pdf';
const NAME = 'name: โครงการจัดซื้อระบบป้องกันไวรัส\n';

const copy = contentCopy();
const logs: string[] = [];
const renderer = devRenderer({ projectRoot: ROOT, contentDir: copy.content, root: copy.root, cacheDir: join(copy.root, 'cache'), log: (m) => logs.push(m) });
afterAll(() => {
  renderer.close();
  copy.cleanup();
});

it('follows a save at once, answers the Thai error while broken, and restarts only when its code changes', async () => {
  const file = join(copy.content, 'plans', '2561', 'projects', 'antivirus.yaml');
  const original = readFileSync(file, 'utf8');
  const [card0, book0] = await Promise.all([renderer.render(CARD), renderer.render(BOOK)]);
  expect([card0.status, book0.status]).toEqual([0, 0]);
  expect(Buffer.from(book0.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  // One path asked twice at once is one render.
  const again = renderer.render(CARD);
  expect(renderer.render(CARD)).toBe(again);
  await again;

  writeFileSync(file, original.replace(NAME, 'name: โครงการจัดซื้อระบบป้องกันไวรัสคอมพิวเตอร์\n'));
  const card1 = await renderer.render(CARD);
  expect(card1.status).toBe(0);
  expect(Buffer.from(card1.bytes).equals(Buffer.from(card0.bytes))).toBe(false);

  writeFileSync(file, original.replace('budget: 15000', 'budget: [15000'));
  const broken = await renderer.render(BOOK);
  expect(broken.status).toBe(3);
  expect(broken.errors.join('\n')).toMatch(/antivirus\.yaml:\d+:\d+: ข้อผิดพลาด: /);
  expect(Buffer.from(broken.bytes).toString('utf8')).toContain(`ไฟล์ PDF ${BOOK} สร้างไม่ได้`);

  writeFileSync(file, original);
  const book2 = await renderer.render(BOOK);
  expect(book2.status).toBe(0);
  expect(Buffer.from(book2.bytes).equals(Buffer.from(book0.bytes))).toBe(true);
  // Content edits are reloaded inside the worker: it was never restarted.
  expect(logs).toEqual([]);

  // A file of the worker's module graph is saved: the next request is answered by a new worker.
  const code = join(ROOT, 'src', 'dev', 'stamp.ts');
  const { atime, mtime } = statSync(code);
  utimesSync(code, atime, new Date(mtime.getTime() + 1000));
  try {
    const card3 = await renderer.render(CARD);
    expect(card3.status).toBe(0);
    expect(Buffer.from(card3.bytes).equals(Buffer.from(card0.bytes))).toBe(true);
  } finally {
    utimesSync(code, atime, mtime);
  }
  expect(logs).toEqual(['โค้ดเปลี่ยน: เริ่มตัวสร้างไฟล์ใหม่ (code changed: render worker restarted)']);
}, 60_000);
