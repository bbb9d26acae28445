/** Sarabun (OFL) from @expo-google-fonts/sarabun: the default family, Google's redesign of TH Sarabun. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadFont, type FontFamily } from './font.ts';

export function sarabunPath(style: '400Regular' | '700Bold' | '400Regular_Italic' | '700Bold_Italic' | string): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
  return join(pkg, style, `Sarabun_${style}.ttf`);
}

let family: FontFamily | undefined;

/** Sarabun regular, bold, italic and bold italic. */
export function loadSarabun(): FontFamily {
  family ??= {
    regular: loadFont(readFileSync(sarabunPath('400Regular'))),
    bold: loadFont(readFileSync(sarabunPath('700Bold'))),
    italic: loadFont(readFileSync(sarabunPath('400Regular_Italic'))),
    boldItalic: loadFont(readFileSync(sarabunPath('700Bold_Italic'))),
  };
  return family;
}
