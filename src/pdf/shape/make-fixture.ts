/**
 * Regenerates hb-fixture.json from the `hb-shape` command-line tool (Debian libharfbuzz-bin, a separately built
 * HarfBuzz), the independent reference the shaping test compares harfbuzzjs against:
 *   npx node src/pdf/shape/make-fixture.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sarabunPath } from '../font/sarabun.ts';
import { LATIN_CORPUS, THAI_CORPUS } from './corpus.ts';

const fonts = { regular: sarabunPath('400Regular'), bold: sarabunPath('700Bold') };
const out: Record<string, Record<string, Array<[number, number, number, number, number]>>> = {};
const version = execFileSync('hb-shape', ['--version'], { encoding: 'utf8' }).split('\n')[0];
for (const [name, path] of Object.entries(fonts)) {
  out[name] = {};
  for (const text of [...THAI_CORPUS, ...LATIN_CORPUS]) {
    const thai = /[\u0E00-\u0E7F]/.test(text);
    const args = ['--output-format=json', '--no-glyph-names', '--direction=ltr', ...(thai ? ['--script=thai', '--language=th'] : []), path, text];
    const glyphs = JSON.parse(execFileSync('hb-shape', args, { encoding: 'utf8' })) as Array<{ g: number; cl: number; ax: number; dx: number; dy: number }>;
    out[name]![text] = glyphs.map((g) => [g.g, g.cl, g.ax, g.dx, g.dy]);
  }
}
writeFileSync(join(import.meta.dirname, 'hb-fixture.json'), JSON.stringify({ generator: version, glyphs: out }, null, 0) + '\n');
console.log('wrote hb-fixture.json with', version);
