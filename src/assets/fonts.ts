// Where the Sarabun font files are (OFL, from @expo-google-fonts/sarabun): the PDF core and the image
// engine both load them from here, and the output registry hashes them into its code versions.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type SarabunStyle = '400Regular' | '600SemiBold' | '700Bold' | '400Regular_Italic' | '700Bold_Italic';

const styles: SarabunStyle[] = ['400Regular', '600SemiBold', '700Bold', '400Regular_Italic', '700Bold_Italic'];

let dir: string | undefined;

export function sarabunPath(style: SarabunStyle): string {
  dir ??= dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'));
  return join(dir, style, `Sarabun_${style}.ttf`);
}

/** Every Sarabun file the renderers use. */
export function sarabunFiles(): string[] {
  return styles.map(sarabunPath);
}
