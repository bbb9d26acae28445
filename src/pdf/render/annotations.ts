/** Link annotations: URI actions for external links, /Dest to the anchor's page for internal ones. */
import { PDFName, PDFString, type PDFArray, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { LinkItem } from './items.ts';

export function writeLinks(doc: PDFDocument, links: LinkItem[][], pageHeights: number[], dest: (id: string) => PDFArray | undefined): void {
  const ctx = doc.context;
  links.forEach((items, page) => {
    const H = pageHeights[page]!;
    const refs: PDFRef[] = [];
    for (const item of items) {
      const d: Record<string, unknown> = {
        Type: 'Annot', Subtype: 'Link', Border: [0, 0, 0], F: 4,
        Rect: [item.x, H - item.y - item.h, item.x + item.w, H - item.y].map((n) => Math.round(n * 100) / 100),
      };
      if (item.uri) d.A = { Type: 'Action', S: 'URI', URI: PDFString.of(item.uri) };
      else if (item.anchor) { const ds = dest(item.anchor); if (!ds) continue; d.Dest = ds; }
      else continue;
      refs.push(ctx.register(ctx.obj(d as never)));
    }
    if (refs.length) doc.getPage(page).node.set(PDFName.of('Annots'), ctx.obj(refs));
  });
}
