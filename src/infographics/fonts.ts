// Fonts are read once per process (per worker thread) and shared by every render.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontSpec { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' }

let cache: FontSpec[] | undefined;

/** Whole Sarabun TTFs (Thai + Latin + digits in one file, so one family name is right). */
export function loadFonts(): FontSpec[] {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
  const file = (w: string) => readFileSync(join(dir, `${w}`, `Sarabun_${w}.ttf`));
  cache = [
    { name: 'Sarabun', data: file('400Regular'), weight: 400, style: 'normal' },
    { name: 'Sarabun', data: file('600SemiBold'), weight: 600, style: 'normal' },
    { name: 'Sarabun', data: file('700Bold'), weight: 700, style: 'normal' },
  ];
  return cache;
}
