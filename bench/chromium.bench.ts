// Against what a user would otherwise use: Chromium. In one run, on this machine:
//  - the same month card as an HTML page (the card's own element tree, flex layout, the same fonts),
//    screenshotted by Chromium, vs our Satori + resvg render (target: ours ≥ 2× faster), with where our time
//    goes (layout, SVG size, raster, encode);
//  - the plan printed by Chromium from the site's pages (page.pdf() of the plan page and every project
//    page, print stylesheet), vs our plan book + per-project PDFs (target: ours ≥ 10× faster).
// Needs Debian's chromium and a built site in dist/ (npm run build).
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { renderBook, renderProjectPdf } from '../src/book/render.ts';
import { loadFonts } from '../src/infographics/fonts.ts';
import type { Child, El } from '../src/infographics/h.ts';
import { jobElement, listJobs, renderJob } from '../src/infographics/index.ts';
import { templates } from '../templates/infographics/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { paths } from '../src/paths.ts';
import { median, printTable, stageLine, stageMedians } from './lib.ts';
import type { Stages } from '../src/infographics/jobs.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync('/usr/bin/chromium') || !existsSync(join(dist, 'index.html'))) {
  console.log('skipped: needs /usr/bin/chromium and a built dist/ (npm run build)');
  process.exit(0);
}
const model = loadPlans(join(root, 'content'), root).model!;
const plan = model.plans[0]!;

const UNITLESS = new Set(['fontWeight', 'lineHeight', 'flex', 'flexGrow', 'flexShrink', 'opacity', 'zIndex', 'lineClamp']);
const css = (style: Record<string, unknown> = {}) =>
  Object.entries(style).filter(([, v]) => v !== undefined).map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${typeof v === 'number' && !UNITLESS.has(k) ? `${v}px` : String(v)}`).join(';');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function toHtml(c: Child | Child[]): string {
  if (Array.isArray(c)) return c.map(toHtml).join('');
  if (c === null || c === undefined || c === false) return '';
  if (typeof c !== 'object') return esc(String(c));
  const el = c as El;
  const attrs = Object.entries(el.props).filter(([k]) => k !== 'children' && k !== 'style').map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');
  return `<${el.type}${attrs} style="${esc(css(el.props.style as Record<string, unknown>))}">${toHtml(el.props.children as Child)}</${el.type}>`;
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };
  const server = createServer((req, res) => {
    let p = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!p.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!existsSync(p)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/** CPU time (ms) of the Chromium processes this benchmark started: its children and theirs, from /proc. */
function chromiumCpuMs(): number {
  const stats = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      // After the command's closing parenthesis: state, ppid, … utime (14th field), stime (15th).
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      return [{ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) }];
    } catch {
      return []; // ended meanwhile
    }
  });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of stats) if (!mine.has(s.pid) && mine.has(s.ppid)) { mine.add(s.pid); grew = true; }
  }
  return stats.filter((s) => s.pid !== process.pid && mine.has(s.pid)).reduce((n, s) => n + s.ticks, 0) * (1000 / TICKS);
}
const TICKS = 100; // USER_HZ on Linux

const ourCpuMs = () => {
  const c = process.cpuUsage(); // Satori, resvg and the PDF writer run on this thread
  return (c.user + c.system) / 1000;
};
const WARMUP = 2;

/**
 * Each side once per round, in turn (each round starting with the next side), so a busy machine slows them
 * alike; `rounds` after WARMUP rounds left out. Wall ms of each run, and CPU ms summed: on a machine shared
 * with other work, wall time favours Chromium's several processes over our one thread, CPU time is the work
 * each did.
 */
async function alternate<K extends string>(rounds: number, sides: Record<K, { run: () => Promise<unknown>; cpuMs: () => number }>): Promise<Record<K, { wall: number[]; cpu: number }>> {
  const out = Object.fromEntries(Object.keys(sides).map((k) => [k, { wall: [] as number[], cpu: 0 }])) as Record<K, { wall: number[]; cpu: number }>;
  const keys = Object.keys(sides) as K[];
  for (let i = 0; i < WARMUP + rounds; i++) {
    // None always runs right after Chromium's turn (its processes go on working for a while after a screenshot).
    for (const k of keys.map((_, j) => keys[(i + j) % keys.length]!)) {
      const c0 = sides[k].cpuMs();
      const t0 = performance.now();
      await sides[k].run();
      const wall = performance.now() - t0;
      const cpu = sides[k].cpuMs() - c0;
      if (i < WARMUP) continue;
      out[k].wall.push(wall);
      out[k].cpu += cpu;
    }
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const { server, url } = await serve(dist);
try {
  // --- cards ---
  const job = listJobs(model).find((j) => j.kind === 'month' && j.key === '2561-02')!;
  // Chromium draws the element tree of the detail level our fit search chose (what the card shows).
  const { fit } = await renderJob(model, job, templates);
  const { el, width, height } = jobElement(model, job, templates, fit);
  const fontFaces = loadFonts().map((f) => `@font-face{font-family:'${f.name}';font-weight:${f.weight};src:url(data:font/ttf;base64,${f.data.toString('base64')}) format('truetype')}`).join('');
  const html = `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${fontFaces}*{box-sizing:border-box;margin:0}div{display:flex}body{width:${width}px;height:${height}px}</style></head><body>${toHtml(el)}</body></html>`;
  const page = await browser.newPage({ viewport: { width, height } });
  const stages: Stages[] = [];
  // Each of our renders ends with a turn of the event loop, timed, as in a build's image worker: resvg's pixels
  // are freed there (see renderMany in src/infographics/index.ts), work that fell into Chromium's turn before.
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const cards = await alternate(9, {
    ours: { cpuMs: ourCpuMs, run: async () => { stages.push((await renderJob(model, job, templates)).stages); await turn(); } },
    // The same tree drawn once at the chosen level, as Chromium draws it (ours above also searches for the level).
    once: { cpuMs: ourCpuMs, run: async () => { await renderJob(model, job, templates, { level: fit }); await turn(); } },
    chrome: {
      cpuMs: chromiumCpuMs,
      run: async () => {
        await page.setContent(html);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ type: 'png' });
      },
    },
  });
  stages.splice(0, WARMUP);
  const { wall: ours, cpu: oursCpu } = cards.ours;
  const { wall: chrome, cpu: chromeCpu } = cards.chrome;
  const oursOnce = cards.once.wall;
  const oursCard = median(ours);
  // (wall-time medians; CPU time below)
  const chromeCard = median(chrome);
  // The ratio of each pair: its median and worst tell how robust the figure is on a shared machine.
  const ratios = ours.map((o, i) => chrome[i]! / o);
  const onceRatios = oursOnce.map((o, i) => chrome[i]! / o);
  await page.close();

  // --- the plan as PDF ---
  const pages = [paths.plan(plan), ...plan.projects.map((p) => paths.project(plan, p))];
  const printPage = await browser.newPage();
  let chromePages = 0;
  const pdfs = await alternate(5, {
    ours: {
      cpuMs: ourCpuMs,
      run: async () => {
        await renderBook(model, plan);
        for (const p of plan.projects) await renderProjectPdf(model, plan, p.id);
      },
    },
    chrome: {
      cpuMs: chromiumCpuMs,
      run: async () => {
        chromePages = 0;
        for (const p of pages) {
          await printPage.goto(url + p, { waitUntil: 'load' });
          const pdf = await printPage.pdf({ format: 'A4', printBackground: true });
          chromePages += (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        }
      },
    },
  });
  const { wall: oursPdfs, cpu: oursPdfCpu } = pdfs.ours;
  const { wall: chromePdfs, cpu: chromePdfCpu } = pdfs.chrome;
  const oursPdf = median(oursPdfs);
  const chromePdf = median(chromePdfs);
  const pdfRatios = oursPdfs.map((o, i) => chromePdfs[i]! / o);
  console.log(`month card ${job.out} at fit level ${fit}, median of ${ours.length} alternating runs (after ${WARMUP} warm-up):`);
  console.log(`  ours: ${stageLine(stageMedians(stages))}`);
  console.log(`  Chromium / ours per pair: median ${median(ratios).toFixed(2)}, worst ${Math.min(...ratios).toFixed(2)}, best ${Math.max(...ratios).toFixed(2)}`);
  console.log(`  the chosen level drawn once (no fit search, as Chromium draws it): median ${median(oursOnce).toFixed(1)} ms; Chromium / ours per pair: median ${median(onceRatios).toFixed(2)}, worst ${Math.min(...onceRatios).toFixed(2)}`);
  console.log(`  CPU time a card: ours ${(oursCpu / ours.length).toFixed(0)} ms, Chromium ${(chromeCpu / ours.length).toFixed(0)} ms (its processes, 10 ms ticks): Chromium / ours ${(chromeCpu / oursCpu).toFixed(2)}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  console.log(`plan PDFs, median of ${oursPdfs.length} alternating runs: Chromium / ours per pair: median ${median(pdfRatios).toFixed(2)}, worst ${Math.min(...pdfRatios).toFixed(2)}; ` +
    `CPU time: ours ${(oursPdfCpu / oursPdfs.length).toFixed(0)} ms, Chromium ${(chromePdfCpu / oursPdfs.length).toFixed(0)} ms: Chromium / ours ${(chromePdfCpu / oursPdfCpu).toFixed(2)}`);
  printTable([
    { what: 'month card 1080×1350 (ours: Satori + resvg, one thread, with the fit search)', 'median ms': oursCard, 'Chromium ms': chromeCard, 'Chromium / ours': chromeCard / oursCard, target: '≥ 2' },
    { what: 'the same card, its chosen level drawn once (no fit search)', 'median ms': median(oursOnce), 'Chromium ms': chromeCard, 'Chromium / ours': chromeCard / median(oursOnce), target: '' },
    { what: `plan book + ${plan.projects.length} sheet PDFs (ours) vs page.pdf() of ${pages.length} site pages (${chromePages} pages)`, 'median ms': oursPdf, 'Chromium ms': chromePdf, 'Chromium / ours': chromePdf / oursPdf, target: '≥ 10' },
  ]);
} finally {
  server.close();
  await browser.close();
}
