// Placing a cached file in a build's output: the output registry's PDFs, PNGs and data files, and the search
// index's bundles.
import { copyFileSync, linkSync } from 'node:fs';

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
