// Placing a cached file in a build's output (the output registry's PDFs, PNGs and data files, the search index's
// bundles, a plan's unchanged pages), and writing a file that others may read or replace meanwhile.
import { copyFileSync, linkSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Writes the file whole under a name of this process's, then renames it into place: a reader (a waiting Astro, a
 * build reusing a cache entry) never sees half of it, and builds sharing a folder never write one file together.
 * The `<file>.<pid>.tmp` name is what the output cache's prune knows as a live writer's.
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * A cached file goes in as a hard link to the cache entry: no bytes written (a thousand cached PNGs per
 * rebuild). Cache entries are never written in place (a new one is renamed in whole), so the link cannot change
 * under the published copy; across filesystems, or where links are refused, it is copied.
 */
export function linkOrCopy(cached: string, file: string): void {
  try {
    linkSync(cached, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    copyFileSync(cached, file);
  }
}
