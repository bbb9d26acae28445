/** The document outline (bookmarks) from the headings' entries, nested by level, open at the first level. */
import { PDFName, PDFNumber, type PDFArray, type PDFDict, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { OutlineEntry } from './items.ts';
import { textString } from './text-content.ts';

export function writeOutline(doc: PDFDocument, entries: OutlineEntry[], dest: (id: string) => PDFArray | undefined): void {
  const ctx = doc.context;
  interface Node { e?: OutlineEntry; ref: PDFRef; dict: PDFDict; children: Node[]; parent?: Node }
  const root: Node = { ref: ctx.nextRef(), dict: ctx.obj({ Type: 'Outlines' }) as PDFDict, children: [] };
  const stack: Node[] = [root];
  for (const e of entries) {
    const d = dest(e.anchor);
    if (!d) continue;
    while (stack.length > 1 && stack[stack.length - 1]!.e!.level >= e.level) stack.pop();
    const parent = stack[stack.length - 1]!;
    const node: Node = { e, ref: ctx.nextRef(), dict: ctx.obj({ Title: textString(e.title), Dest: d }) as PDFDict, children: [], parent };
    parent.children.push(node);
    stack.push(node);
  }
  const link = (n: Node): void => {
    n.children.forEach((c, i) => {
      c.dict.set(PDFName.of('Parent'), n.ref);
      if (i > 0) c.dict.set(PDFName.of('Prev'), n.children[i - 1]!.ref);
      if (i < n.children.length - 1) c.dict.set(PDFName.of('Next'), n.children[i + 1]!.ref);
      link(c);
    });
    if (n.children.length) {
      n.dict.set(PDFName.of('First'), n.children[0]!.ref);
      n.dict.set(PDFName.of('Last'), n.children[n.children.length - 1]!.ref);
      // open to the first level only
      n.dict.set(PDFName.of('Count'), PDFNumber.of(n === root ? n.children.length : -n.children.length));
    }
    ctx.assign(n.ref, n.dict);
  };
  link(root);
  doc.catalog.set(PDFName.of('Outlines'), root.ref);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
