// The README's deploy, tried: `npm run build` with SITE_BASE=/plans/, served by Debian's nginx with exactly the
// README's configuration block (read from README.md, so the two cannot drift), on a free local port, as an
// unprivileged server in a temporary folder; then in Chromium: the home page, a project, the book, a Thai search.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, offlineContext } from './e2e/browser.ts';
import { ROOT } from './e2e/build-site.ts';
import { SEARCH_LANGUAGE } from '../src/site/search-words.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const BASE = '/plans/';

/** The ```nginx block of the README's Deploying section, as an administrator would paste it. */
function readmeNginxBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Deploying'), readme.indexOf('\n## ', readme.indexOf('## Deploying') + 1));
  const m = /```nginx\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README.md: no ```nginx block in the Deploying section');
  return m[1]!;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Response { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }
const get = (url: string, headers: Record<string, string> = {}): Promise<Response> =>
  new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });

const tmp = mkdtempSync(join(tmpdir(), 'plan-deploy-'));
const dist = join(tmp, 'plan-site');
let nginx: ChildProcess | undefined;
let origin = '';
let browser: Browser;
const outside: string[] = [];
let ctx: BrowserContext;

beforeAll(async () => {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx (.ci/run installs it)');
  // nginx started as root hands the requests to "nobody", who must be able to read the site.
  chmodSync(tmp, 0o755);
  const env: Record<string, string | undefined> = {
    ...process.env, SITE_BASE: BASE, PLAN_DIST: dist, PLAN_OUTPUT_CACHE: join(tmp, 'cache'), PLAN_CACHE_DIR: join(tmp, 'vite'),
  };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'PLAN_CONTENT', 'PLAN_FAULT']) delete env[k];
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);

  const port = await freePort();
  const block = readmeNginxBlock().replaceAll('/var/www/plan-site/', `${dist}/`);
  expect(block).toContain(`alias ${dist}/;`);
  const conf = `
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log;
events { worker_connections 64; }
http {
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${block}
  }
}
`;
  writeFileSync(join(tmp, 'nginx.conf'), conf);
  const test = spawnSync(NGINX, ['-t', '-p', `${tmp}/`, '-e', `${tmp}/error.log`, '-c', join(tmp, 'nginx.conf')], { encoding: 'utf8' });
  expect(test.status, test.stderr).toBe(0);
  nginx = spawn(NGINX, ['-p', `${tmp}/`, '-e', `${tmp}/error.log`, '-c', join(tmp, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await get(`${origin}/`);
      break;
    } catch (e) {
      if (i > 50 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(join(tmp, 'error.log'), 'utf8')}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  browser = await launch();
  ctx = await offlineContext(browser, outside, { acceptDownloads: true });
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('the README nginx configuration', () => {
  it('serves the types, compression, cache headers and the Thai 404 page it promises', async () => {
    const home = await get(`${origin}${BASE}`, { 'accept-encoding': 'gzip' });
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['content-encoding']).toBe('gzip');
    expect(home.headers['cache-control']).toBeUndefined();

    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const css = /href="(\/plans\/_astro\/[^"]+\.css)"/.exec(html)![1]!;
    const style = await get(`${origin}${css}`, { 'accept-encoding': 'gzip' });
    expect(style.headers['content-type']).toBe('text/css');
    expect(style.headers['content-encoding']).toBe('gzip');
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // A plan's search bundle (src/site/search-index.ts): pagefind/index/<hash>/.
    const bundle = `pagefind/index/${readdirSync(join(dist, 'pagefind', 'index'))[0]!}/`;
    const entry = JSON.parse(readFileSync(join(dist, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const meta = await get(`${origin}${BASE}${bundle}pagefind.${entry.languages[SEARCH_LANGUAGE]!.hash}.pf_meta`, { 'accept-encoding': 'gzip' });
    expect(meta.status).toBe(200);
    expect(meta.headers['content-type']).toBe('application/octet-stream');
    // Already compressed by Pagefind: sent as it is.
    expect(meta.headers['content-encoding']).toBeUndefined();
    const fragment = readdirSync(join(dist, bundle, 'fragment'))[0]!;
    const frag = await get(`${origin}${BASE}${bundle}fragment/${fragment}`);
    expect(frag.headers['content-type']).toBe('application/octet-stream');
    expect(frag.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(`${origin}${BASE}${bundle}wasm.unknown.pagefind`)).headers['content-type']).toBe('application/octet-stream');
    const woff2 = /\/plans\/_astro\/sarabun-thai-400-normal\.[^.]+\.woff2/.exec(readFileSync(join(dist, css.slice(BASE.length)), 'utf8'))![0];
    expect((await get(`${origin}${woff2}`)).headers['content-type']).toBe('font/woff2');
    const pdf = await get(`${origin}${BASE}plans/2561/plan-2561.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    // A folder without its slash is redirected, as is the site's own root.
    expect((await get(`${origin}${BASE}plans/2561`)).headers.location).toMatch(/\/plans\/plans\/2561\/$/);
    expect((await get(`${origin}/plans`)).headers.location).toMatch(/\/plans\/$/);

    const missing = await get(`${origin}${BASE}plans/2561/projects/no-such-project/`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body.toString('utf8')).toContain('<h1>ไม่พบหน้าที่ต้องการ</h1>');
  });

  it('in Chromium: home page → plan → project, the book downloaded whole, a Thai search', async () => {
    const page = await ctx.newPage();
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    expect((await page.goto(`${origin}${BASE}`, { waitUntil: 'networkidle' }))?.status()).toBe(200);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: /แผนปี 2561/ }).click();
    await page.waitForURL(`${origin}${BASE}plans/2561/`);
    await page.locator('table.action-plan').getByRole('link', { name: 'โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว' }).click();
    await page.waitForURL(`${origin}${BASE}plans/2561/projects/debtor-data/`);
    expect(await page.locator('h1').innerText()).toBe('โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว');

    await page.goto(`${origin}${BASE}`, { waitUntil: 'networkidle' });
    // Alt+click is Chromium's "save the link": a plain click would open the book in the PDF viewer.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'เล่มแผน (PDF)' }).first().click({ modifiers: ['Alt'] }),
    ]);
    expect(download.url()).toBe(`${origin}${BASE}plans/2561/plan-2561.pdf`);
    const saved = join(tmp, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(join(dist, 'plans/2561/plan-2561.pdf')))).toBe(true);

    await page.getByRole('searchbox').fill('หนี้สิน');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/search\/\?q=/);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(`${BASE}plans/2561/`);
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
