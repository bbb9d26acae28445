// The author's loop in `npm run dev`: a card and the book follow a YAML save; while the YAML is broken
// both answer with the Thai error (a page for the PDF, an image for the PNG), never the last good file;
// fixing the YAML brings them back; a path no output has is not found. Runs `astro dev` on a temporary copy of content/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentErrorImage } from '../src/dev/content-errors.ts';
import { formatDiagnostic, loadPlans } from '../src/pipeline.ts';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const CARD = 'plans/2561/infographics/project-antivirus.png';
const BOOK = 'plans/2561/plan-2561.pdf';
const NAME = 'name: โครงการจัดซื้อระบบป้องกันไวรัส\n';

let copy: ReturnType<typeof contentCopy>;
let server: ChildProcess;
let base: string;
let log = '';
const work = mkdtempSync(join(tmpdir(), 'plan-dev-'));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

async function get(path: string): Promise<{ status: number; type: string; bytes: Buffer; ms: number }> {
  const t0 = performance.now();
  const r = await fetch(base + path);
  const bytes = Buffer.from(await r.arrayBuffer());
  return { status: r.status, type: r.headers.get('content-type') ?? '', bytes, ms: performance.now() - t0 };
}

beforeAll(async () => {
  copy = contentCopy();
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAN_CONTENT: copy.content,
    PLAN_CACHE_DIR: join(work, 'vite'), PLAN_OUTPUT_CACHE: join(work, 'outputs'),
  };
  // Vitest's own Vite variables would reach the child Astro.
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'SITE_BASE']) delete env[k];
  server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: ROOT, env });
  server.stdout!.on('data', (b) => (log += b));
  server.stderr!.on('data', (b) => (log += b));
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
    try {
      if ((await fetch(base)).ok) break;
    } catch { /* not listening yet */ }
    if (i > 600) throw new Error(`astro dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill();
    await exited;
  }
  copy?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

it('card and book follow a save, show the Thai error while the YAML is broken, and recover', async () => {
  const file = join(copy.content, 'plans', '2561', 'projects', 'antivirus.yaml');
  const original = readFileSync(file, 'utf8');
  expect(original).toContain(NAME);

  const card0 = await get(CARD);
  const book0 = await get(BOOK);
  expect([card0.status, card0.type]).toEqual([200, 'image/png']);
  expect([book0.status, book0.type]).toEqual([200, 'application/pdf']);

  // A save: the next requests render from the edited file.
  const edited = original.replace(NAME, 'name: โครงการจัดซื้อระบบป้องกันไวรัสคอมพิวเตอร์\n');
  writeFileSync(file, edited);
  const saved = performance.now();
  const card1 = await get(CARD);
  const cardLatency = performance.now() - saved;
  const book1 = await get(BOOK);
  const bookLatency = book1.ms;
  expect(card1.status).toBe(200);
  expect(book1.status).toBe(200);
  expect(card1.bytes.equals(card0.bytes)).toBe(false);
  expect(book1.bytes.equals(book0.bytes)).toBe(false);
  console.log(`dev server after a save: card ${(cardLatency / 1000).toFixed(2)} s, book ${(bookLatency / 1000).toFixed(2)} s`);

  // Broken YAML: the PDF link opens a Thai page with the positioned message; the card is an image saying it.
  writeFileSync(file, edited.replace('budget: 15000', 'budget: [15000'));
  const { diagnostics } = loadPlans(copy.content, ROOT);
  const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  expect(errors.length).toBeGreaterThan(0);
  const book2 = await get(BOOK);
  expect([book2.status, book2.type]).toEqual([503, 'text/html; charset=utf-8']);
  const page = book2.bytes.toString('utf8');
  expect(page).toContain('เนื้อหามีข้อผิดพลาด');
  expect(page).toContain(`ไฟล์ PDF ${BOOK} สร้างไม่ได้`);
  expect(page).toMatch(/antivirus\.yaml:\d+:\d+: ข้อผิดพลาด: /);
  const card2 = await get(CARD);
  expect([card2.status, card2.type]).toEqual([503, 'image/png']);
  expect(card2.bytes.equals(Buffer.from(await contentErrorImage(CARD, errors)))).toBe(true);
  // A path no output can have is not one whatever the content says: it is not found at once, without
  // loading the content to look (which, broken, answered it with the error page).
  for (const p of ['favicon.png', 'plans/2561/nothing.pdf', '.well-known/appspecific/com.chrome.devtools.json']) {
    const r = await get(p);
    expect([p, r.status]).toEqual([p, 404]);
    console.log(`dev server, not an output: ${p} ${r.ms.toFixed(0)} ms`);
  }

  // Fixed: the files come back, the same as before the break.
  writeFileSync(file, edited);
  const card3 = await get(CARD);
  const book3 = await get(BOOK);
  expect(card3.status).toBe(200);
  expect(book3.status).toBe(200);
  expect(card3.bytes.equals(card1.bytes)).toBe(true);
  expect(book3.bytes.equals(book1.bytes)).toBe(true);
}, 120_000);
