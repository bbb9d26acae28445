/**
 * Link annotations: URI actions for external links, /Dest to the anchor's page for internal ones. The last gate
 * of the URL policy (src/urls.ts), whatever a caller passes: a /URI is only ever an allowed absolute address.
 */
import { PDFName, PDFString, type PDFArray, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import { safeAbsoluteHref } from '../../urls.ts';
import type { LinkItem } from './items.ts';

/**
 * A URI as the body of a PDF literal string: 7-bit ASCII as the PDF format wants (other characters as UTF-8
 * percent escapes), and "\", "(" and ")" escaped — pdf-lib writes PDFString.of as given, so an address holding
 * ")" would otherwise end the string and write PDF objects of its own.
 */
function uriString(uri: string): string {
  const ascii = uri.replace(/[^\x21-\x7e]+/g, (m) => [...new TextEncoder().encode(m)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
  return ascii.replace(/[\\()]/g, '\\$&');
}

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
      const uri = item.uri === undefined ? undefined : safeAbsoluteHref(item.uri);
      if (uri) d.A = { Type: 'Action', S: 'URI', URI: PDFString.of(uriString(uri)) };
      else if (item.uri !== undefined) continue;
      else if (item.anchor) { const ds = dest(item.anchor); if (!ds) continue; d.Dest = ds; }
      else continue;
      refs.push(ctx.register(ctx.obj(d as never)));
    }
    if (refs.length) doc.getPage(page).node.set(PDFName.of('Annots'), ctx.obj(refs));
  });
}
