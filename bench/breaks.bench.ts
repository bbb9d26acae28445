// Benchmark of the Thai line breaker (src/thai/breaks.ts): break opportunities for the whole seed book's text
// (every text item of the laid-out book, joined per page), median ms. Beside it, the word segmenter alone
// (Intl.Segmenter, the floor any ICU-based breaker pays) and the compound pass alone. Before issue 11 the breaker
// (ICU + the same rules, no dictionary) took about the segmenter's time; see the commit that added this file.
import { join } from 'node:path';
import { renderBook } from '../src/book/render.ts';
import { loadPlans } from '../src/pipeline.ts';
import { breakOpportunities, compoundRanges } from '../src/thai/breaks.ts';
import { printTable, timeMedian } from './lib.ts';

const root = join(import.meta.dirname, '..');
const model = loadPlans(join(root, 'content'), root).model!;
const { layout } = await renderBook(model, model.plans[0]!, { date: new Date(Date.UTC(2017, 9, 1)) });
const texts = layout.pages.map((p) => p.items.map((i) => (i.kind === 'text' ? i.shaped.text : '')).join(''));
const chars = texts.reduce((n, t) => n + t.length, 0);
const seg = new Intl.Segmenter('th', { granularity: 'word' });
let found = 0;

const rows = [
  { what: 'Intl.Segmenter words only', ms: await timeMedian(() => { for (const t of texts) for (const _ of seg.segment(t)) found++; }, 50, 5) },
  { what: 'compound pass (compoundRanges)', ms: await timeMedian(() => { for (const t of texts) found += compoundRanges(t).length; }, 50, 5) },
  { what: 'breakOpportunities (all rules + dictionary)', ms: await timeMedian(() => { for (const t of texts) found += breakOpportunities(t).length; }, 50, 5) },
];
console.log(`seed book: ${layout.pages.length} pages, ${chars} characters of text`);
printTable(rows.map((r) => ({ ...r, 'chars/ms': Math.round(chars / r.ms) })));
if (found === 0) throw new Error('nothing measured');
