// The code version of an output kind, computed rather than listed by hand: every module reachable by
// relative static imports (and `new URL('./x.ts', import.meta.url)`, how workers are started) from the
// kind's entry modules, plus the fonts and the lockfile (package upgrades). A change anywhere in that
// graph changes the version; a change elsewhere does not.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const specifiers = [
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

const toPath = (m: string | URL): string => (m instanceof URL || m.startsWith('file:') ? fileURLToPath(m) : resolve(m));

/** Every file reachable from the entries through relative imports, sorted. */
export function moduleGraph(entries: (string | URL)[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    // A missing file is text that only looks like an import (inside a string): the real ones resolve.
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!/\.(?:ts|mts|js|mjs)$/.test(file)) return;
    // Comments may quote imports; whole-line and block comments are dropped before the scan.
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const re of specifiers) {
      for (const m of src.matchAll(re)) {
        const spec = m[1]!;
        if (spec.startsWith('./') || spec.startsWith('../')) visit(join(dirname(file), spec));
      }
    }
  };
  for (const e of entries) visit(toPath(e));
  return [...seen].sort();
}

/** Hash of the module graph of the entries, the extra files (fonts) and root's lockfile. */
export function codeVersion(entries: (string | URL)[], opts: { root: string; files?: string[] }): string {
  const h = createHash('sha256');
  const lock = join(opts.root, 'package-lock.json');
  for (const f of [...moduleGraph(entries), ...(opts.files ?? []), ...(existsSync(lock) ? [lock] : [])]) {
    h.update(relative(opts.root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}
