/**
 * Link annotations: URI actions for external links, /Dest to the anchor's page for internal ones. The last gate
 * of the URL policy (src/urls.ts), whatever a caller passes: a /URI is only ever an allowed absolute address.
 */
import { PDFName, PDFString, type PDFArray, type PDFDict, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
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

/** A written link annotation: its object, its page and the display item it came from. */
export interface WrittenLink { ref: PDFRef; dict: PDFDict; page: number; item: LinkItem }

export function writeLinks(doc: PDFDocument, links: LinkItem[][], pageHeights: number[], dest: (id: string) => PDFArray | undefined): WrittenLink[] {
  const ctx = doc.context;
  const written: WrittenLink[] = [];
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
      const dict = ctx.obj(d as never) as unknown as PDFDict;
      const ref = ctx.register(dict);
      refs.push(ref);
      written.push({ ref, dict, page, item });
    }
    if (refs.length) doc.getPage(page).node.set(PDFName.of('Annots'), ctx.obj(refs));
  });
  return written;
}
