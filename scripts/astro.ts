// Astro's own command line with its telemetry off, on every platform (no `VAR=1 cmd` syntax, which Windows'
// npm shell lacks): `npm run dev` and `npm run typecheck` go through here; scripts/build.ts sets the same.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
await import(pathToFileURL(join(astro, 'bin', 'astro.mjs')).href);
