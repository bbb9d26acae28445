// @ts-check
// The intranet site. Everything that varies between deployments comes from the environment at build time:
//   SITE_BASE     the path the site is served under (default "/"), e.g. SITE_BASE=/plans/
//   SITE_URL      absolute origin for og:image URLs (optional; falls back to organisation.yaml site.url)
//   PLAN_OUT_DIR  where astro writes (scripts/build.ts points it at a per-build folder it then moves beside the output)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import { mayBeOutput } from './src/paths.ts';

/** "/plans" → "/plans/", "" → "/" */
function normaliseBase(b) {
  const s = `/${(b ?? '').trim()}/`.replace(/\/+/g, '/');
  return s;
}

/**
 * In `astro dev`, a request for a PDF, PNG or data file (xlsx, csv, json, ics) at a path an output can have
 * (src/paths.ts mayBeOutput) that is not in public/ is answered from the output registry
 * (src/outputs) by `node scripts/output.ts <path>`: a fresh process each time, so edited content and code
 * show at once; the output cache makes repeats quick. At most two run at once (the gallery asks for many).
 * While the content has errors the answer is a 503 page or image listing them in Thai (exit 3).
 */
function registryOutputs() {
  const root = import.meta.dirname;
  const types = {
    '.pdf': 'application/pdf', '.png': 'image/png', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.csv': 'text/csv; charset=utf-8', '.json': 'application/json', '.ics': 'text/calendar; charset=utf-8',
  };
  const running = new Map();
  const queue = [];
  let active = 0;
  const pump = () => {
    while (active < 2 && queue.length) {
      active++;
      queue.shift()().finally(() => { active--; pump(); });
    }
  };
  /** @param {string} path @returns {Promise<{ status: number, bytes: Buffer, errors: string }>} */
  const render = (path) => {
    let p = running.get(path);
    if (!p) {
      p = new Promise((resolve) => {
        queue.push(() => new Promise((done) => {
          const child = spawn(process.execPath, [join(root, 'scripts', 'output.ts'), path], { cwd: root });
          const out = [];
          const err = [];
          child.stdout.on('data', (b) => out.push(b));
          child.stderr.on('data', (b) => err.push(b));
          child.on('close', (code) => {
            resolve({ status: code ?? 1, bytes: Buffer.concat(out), errors: Buffer.concat(err).toString('utf8') });
            done(undefined);
          });
        }));
        pump();
      }).finally(() => running.delete(path));
      running.set(path, p);
    }
    return p;
  };
  return {
    name: 'output-registry',
    hooks: {
      /** @param {{ server: import('vite').ViteDevServer, config: import('astro').AstroConfig }} opts */
      'astro:server:setup': ({ server }) => {
        const base = normaliseBase(process.env.SITE_BASE);
        server.middlewares.use((req, res, next) => {
          const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
          const ext = pathname.slice(pathname.lastIndexOf('.'));
          if (!(ext in types) || !pathname.startsWith(base)) return next();
          const path = pathname.slice(base.length);
          // A path no output can have (favicon.png, a tool's .json) goes on at once, without a process to look.
          if (path.includes('..') || !mayBeOutput(path) || existsSync(join(root, 'public', path))) return next();
          render(path).then((r) => {
            if (r.status === 2) return next();
            res.setHeader('Cache-Control', 'no-store');
            if (r.status === 3) {
              // Content errors: a Thai page (PDF links) or image (cards) listing them. 503, not 500: the
              // server works and the file will exist once the author fixes the YAML; no-store and
              // Retry-After keep the browser from holding on to the error.
              res.statusCode = 503;
              res.setHeader('Retry-After', '3');
              res.setHeader('Content-Type', ext === '.png' ? 'image/png' : 'text/html; charset=utf-8');
              return res.end(r.bytes);
            }
            if (r.status !== 0) {
              // A crash while rendering is a bug in the code: 500 with its messages.
              res.statusCode = 500;
              res.setHeader('Content-Type', 'text/plain; charset=utf-8');
              return res.end(r.errors);
            }
            res.setHeader('Content-Type', types[/** @type {keyof typeof types} */ (ext)]);
            res.setHeader('Cache-Control', 'no-store');
            res.end(r.bytes);
          }, next);
        });
      },
    },
  };
}

export default defineConfig({
  integrations: [registryOutputs()],
  base: normaliseBase(process.env.SITE_BASE),
  site: process.env.SITE_URL || undefined,
  outDir: process.env.PLAN_OUT_DIR ?? 'dist',
  // Separate caches let the e2e tests build beside a developer's build without clashing.
  cacheDir: process.env.PLAN_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_astro' },
  // Astro 7's default 'jsx' compression drops whitespace between elements on separate lines, which glues
  // Thai phrases together ("ครู</a>—"). The pages are small; keep the whitespace as written.
  compressHTML: false,
  devToolbar: { enabled: false },
  prefetch: false,
});
