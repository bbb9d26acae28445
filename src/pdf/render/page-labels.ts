/** /PageLabels: what viewers show as page numbers, matching the printed labels (Thai digits, section titles). */
import { PDFName, type PDFDocument } from '@cantoo/pdf-lib';
import type { Page } from './items.ts';
import { textString } from './text-content.ts';

/** One entry per page with a literal prefix (Thai digits are not a PDF numbering style); consecutive Arabic numbers compress to /S /D runs. */
export function writePageLabels(doc: PDFDocument, pages: Page[]): void {
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: compressLabels(pages, doc.context) } as never));
}

function compressLabels(pages: Page[], ctx: PDFDocument['context']): unknown[] {
  // Arabic runs 1,2,3… become {S: D, St: n}; everything else gets a literal prefix per page.
  const nums: unknown[] = [];
  let i = 0;
  while (i < pages.length) {
    const label = pages[i]!.label;
    if (/^[1-9]\d*$/.test(label)) {
      const start = Number(label);
      let j = i + 1;
      while (j < pages.length && pages[j]!.label === String(start + (j - i))) j++;
      nums.push(i, ctx.obj({ S: 'D', St: start } as never));
      i = j;
    } else {
      nums.push(i, ctx.obj({ P: textString(label) } as never));
      i++;
    }
  }
  return nums;
}
