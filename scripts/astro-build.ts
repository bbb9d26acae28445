// The pages of `npm run build` (scripts/build.ts starts this): Astro's build through its JavaScript API without
// its `sync` step, which starts a second Vite server to fill the content collections and write the types
// (~1 s of CPU in every build, measured 1.1–1.8 s of Astro's time in a rebuild). The build hands the pages its
// model instead (src/site/content.ts), so the collections are never read, and `npm run typecheck` writes the
// types itself (astro sync). `sync` is an option of Astro's builder that its `build()` passes on; an Astro that
// no longer knows it would just sync as before. The output is the same bytes either way (checked on the seed).
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
try {
  await build({}, { sync: false } as Parameters<typeof build>[1]);
} catch (e) {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
}
