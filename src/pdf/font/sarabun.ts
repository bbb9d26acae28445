/** Sarabun (OFL) from @expo-google-fonts/sarabun: the default family, Google's redesign of TH Sarabun. */
import { readFileSync } from 'node:fs';
import { sarabunPath } from '../../assets/fonts.ts';
import { loadFont, type FontFamily } from './font.ts';

export { sarabunPath };

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
