// Writing content files (used by the synthetic-plan generator); kept beside the reader so YAML stays in one place.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export function writeContentFile(path: string, data: unknown, header: string[] = []): void {
  mkdirSync(dirname(path), { recursive: true });
  const comments = header.map((h) => `# ${h}\n`).join('');
  writeFileSync(path, comments + stringify(data, { lineWidth: 0 }));
}

/** Writes a generated file only when its text changes: no needless rewrites for watchers, git or editors. */
export function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}
