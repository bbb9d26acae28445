// @ts-check
// The intranet site. Everything that varies between deployments comes from the environment at build time:
//   SITE_BASE     the path the site is served under (default "/"), e.g. SITE_BASE=/plans/
//   SITE_URL      absolute origin for og:image URLs (optional; falls back to organisation.yaml site.url)
//   PLAN_OUT_DIR  where astro writes (scripts/build.ts points it at a staging folder)
import { defineConfig } from 'astro/config';

/** "/plans" → "/plans/", "" → "/" */
function normaliseBase(b) {
  const s = `/${(b ?? '').trim()}/`.replace(/\/+/g, '/');
  return s;
}

export default defineConfig({
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
