// Writing content files (used by the synthetic-plan generator); kept beside the reader so YAML stays in one place.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export function writeContentFile(path: string, data: unknown, header: string[] = []): void {
  mkdirSync(dirname(path), { recursive: true });
  const comments = header.map((h) => `# ${h}\n`).join('');
  writeFileSync(path, comments + stringify(data, { lineWidth: 0 }));
}
