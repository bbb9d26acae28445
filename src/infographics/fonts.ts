// Fonts are read once per process (per worker thread) and shared by every render.
import { readFileSync } from 'node:fs';
import { sarabunPath } from '../assets/fonts.ts';

export interface FontSpec { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' }

let cache: FontSpec[] | undefined;

/** Whole Sarabun TTFs (Thai + Latin + digits in one file, so one family name is right). */
export function loadFonts(): FontSpec[] {
  cache ??= [
    { name: 'Sarabun', data: readFileSync(sarabunPath('400Regular')), weight: 400, style: 'normal' },
    { name: 'Sarabun', data: readFileSync(sarabunPath('600SemiBold')), weight: 600, style: 'normal' },
    { name: 'Sarabun', data: readFileSync(sarabunPath('700Bold')), weight: 700, style: 'normal' },
  ];
  return cache;
}
