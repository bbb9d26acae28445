// A cheap fingerprint of files as they are on disk (path, size, modification time, inode; no reading), taken
// at every dev-server request: a save changes it at once, whereas a file watcher's event may arrive after the
// request that follows the save.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Fingerprint of the given files and of every file under the given folders; a missing path counts as such.
 *  Links are not followed (the loader does not follow them out of the content folder either). */
export function treeStamp(paths: readonly string[]): string {
  const h = createHash('sha256');
  const visit = (p: string): void => {
    let st;
    try {
      st = lstatSync(p, { bigint: true });
    } catch {
      h.update(`${p}\0missing\n`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
      return;
    }
    h.update(`${p}\0${st.size}\0${st.mtimeNs}\0${st.ino}\n`);
  };
  for (const p of paths) visit(p);
  return h.digest('hex');
}
