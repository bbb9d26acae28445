// Test helper: a throw-away copy of content/ with some files replaced, added or removed.
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CONTENT = join(ROOT, 'content');

/** Copies content/ into a temp root (as `<tmp>/content`) and applies `files` (relative to content/; null deletes). */
export function contentCopy(files: Record<string, string | Uint8Array | null> = {}): { root: string; content: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'plan-content-'));
  const content = join(root, 'content');
  cpSync(CONTENT, content, { recursive: true });
  for (const [rel, data] of Object.entries(files)) {
    const p = join(content, rel);
    if (data === null) rmSync(p, { force: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, data);
    }
  }
  return { root, content, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
