// @ts-check
// The intranet site. Everything that varies between deployments comes from the environment at build time:
//   SITE_BASE     the path the site is served under (default "/"), e.g. SITE_BASE=/plans/
//   SITE_URL      absolute origin for og:image URLs (optional; falls back to organisation.yaml site.url)
//   PLAN_OUT_DIR  where astro writes (scripts/build.ts points it at a per-build folder it then moves beside the output)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { contentLocation } from './src/content-dir.ts';
import { devRenderer } from './src/dev/renderer.ts';
import { mayBeOutput } from './src/paths.ts';

/** "/plans" → "/plans/", "" → "/" */
function normaliseBase(b) {
  const s = `/${(b ?? '').trim()}/`.replace(/\/+/g, '/');
  return s;
}

/**
 * In `astro dev`, a request for a PDF, PNG or data file (xlsx, csv, json, ics) at a path an output can have
 * (src/paths.ts mayBeOutput) that is not in public/ is answered from the output registry (src/outputs) by one
 * warm render process (src/dev/renderer.ts): it follows edited content at once and is restarted when the code
 * changed; the output cache makes repeats quick. At most two render at once (the gallery asks for many).
 * While the content has errors the answer is a 503 page or image listing them in Thai (status 3).
 */
function registryOutputs() {
  const root = import.meta.dirname;
  const types = {
    '.pdf': 'application/pdf', '.png': 'image/png', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.csv': 'text/csv; charset=utf-8', '.json': 'application/json', '.ics': 'text/calendar; charset=utf-8',
  };
  /** @type {import('./src/dev/renderer.ts').DevRenderer | undefined} */
  let renderer;
  return {
    name: 'output-registry',
    hooks: {
      /** @param {{ server: import('vite').ViteDevServer, logger: import('astro').AstroIntegrationLogger }} opts */
      'astro:server:setup': ({ server, logger }) => {
        const base = normaliseBase(process.env.SITE_BASE);
        const { contentDir, root: contentRoot } = contentLocation(root);
        renderer?.close();
        const dev = (renderer = devRenderer({
          projectRoot: root, contentDir, root: contentRoot,
          cacheDir: resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache'), log: (m) => logger.info(m),
        }));
        server.middlewares.use((req, res, next) => {
          const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
          const ext = pathname.slice(pathname.lastIndexOf('.'));
          if (!(ext in types) || !pathname.startsWith(base)) return next();
          const path = pathname.slice(base.length);
          // A path no output can have (favicon.png, a tool's .json) goes on at once, without the renderer to look.
          if (path.includes('..') || !mayBeOutput(path) || existsSync(join(root, 'public', path))) return next();
          dev.render(path).then((r) => {
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
              return res.end(r.errors.join('\n'));
            }
            res.setHeader('Content-Type', types[/** @type {keyof typeof types} */ (ext)]);
            res.setHeader('Cache-Control', 'no-store');
            res.end(r.bytes);
          }, next);
        });
      },
      'astro:server:done': () => {
        renderer?.close();
        renderer = undefined;
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
  // Four pages at a time: while one page's file is written the next renders (the writes left the process
  // idle ~20% of the time); the pages are the same bytes.
  build: { format: 'directory', assets: '_astro', concurrency: 4 },
  // Astro 7's default 'jsx' compression drops whitespace between elements on separate lines, which glues
  // Thai phrases together ("ครู</a>—"). The pages are small; keep the whitespace as written.
  compressHTML: false,
  devToolbar: { enabled: false },
  prefetch: false,
});
