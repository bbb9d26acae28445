/**
 * Turns laid-out pages into PDF bytes. @cantoo/pdf-lib (the maintained fork of pdf-lib) does only the object
 * plumbing — object graph, PNG/JPEG embedding, object streams, cross-reference — while content streams (content.ts),
 * fonts (fonts.ts), link annotations (annotations.ts), the outline (outline.ts), page labels (page-labels.ts),
 * metadata (metadata.ts), the structure tree (tagged.ts) and the PDF/A parts (pdfa.ts) are written here, their
 * streams compressed by Node's zlib (flate.ts). Chosen over pdf-lib 1.17 because it is maintained (pdf-lib has had
 * no release since 2022) and we use none of the text APIs where the two differ.
 *
 * Determinism: created with updateMetadata: false (no Producer/Creator/dates unless given), the /ID (PDF/A only)
 * a hash of the content, subset tags derived from a hash of the glyph set, objects registered in a fixed order.
 * Same pages → same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFCrossRefStream, PDFDocument, PDFName, type PDFArray, type PDFRef } from '@cantoo/pdf-lib';
import { writeLinks } from './annotations.ts';
import { ImageRegistry, pageContent, setResources, type PageContent } from './content.ts';
import { flateStream } from './flate.ts';
import { FontRegistry } from './fonts.ts';
import type { AnchorPos, DocumentMeta, OutlineEntry, Page, StructNode } from './items.ts';
import { writeMetadata } from './metadata.ts';
import { writeOutline } from './outline.ts';
import { writePageLabels } from './page-labels.ts';
import { writeFileId, writeOutputIntent, writeXmp } from './pdfa.ts';
import { writeStructure } from './tagged.ts';

/**
 * @cantoo/pdf-lib 2.11 inserts each cross-reference stream entry after a linear search for its place: quadratic in
 * the number of objects (a tagged 460-page book has ~40,000, which cost seconds). The entries are kept sorted by
 * object number and arrive in ascending order, so: append when the new one goes last, else binary-search its
 * place. The same order as pdf-lib's, in O(log n).
 */
type XrefEntry = { ref: PDFRef };
(PDFCrossRefStream.prototype as unknown as { appendEntry(this: { entries: XrefEntry[] }, e: XrefEntry): void }).appendEntry = function (entry) {
  const list = this.entries;
  const n = entry.ref.objectNumber;
  if (list.length === 0 || list[list.length - 1]!.ref.objectNumber <= n) { list.push(entry); return; }
  let lo = 0;
  let hi = list.length - 1; // the first entry with a greater object number is in [lo, hi]
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.ref.objectNumber > n) hi = mid; else lo = mid + 1; }
  list.splice(lo, 0, entry);
};

export interface WriteInput {
  pages: Page[];
  meta?: DocumentMeta;
  outline?: OutlineEntry[];
  anchors?: Map<string, AnchorPos>;
  /** write /PageLabels (default true) */
  pageLabels?: boolean;
  /**
   * the layout's structure nodes: with them the PDF is tagged (structure tree, marked content, PDF/UA-1 claim);
   * items without a tag become artifacts
   */
  structure?: StructNode[];
  /** PDF/A-2u: XMP metadata, sRGB output intent, file ID */
  pdfa?: boolean;
}

export async function writePdf(input: WriteInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx = doc.context;
  const fonts = new FontRegistry();
  const images = new ImageRegistry();
  const tagged = !!input.structure?.length;
  const meta = input.meta ?? {};
  const hash = createHash('sha256').update(JSON.stringify({ meta, outline: input.outline, tagged, labels: input.pages.map((p) => p.label) }));

  // Pages first (content needs font resource names only), fonts after all text is known.
  const contents: PageContent[] = [];
  const pageRefs: PDFRef[] = [];
  for (const page of input.pages) {
    const content = await pageContent(doc, page, fonts, images, tagged);
    const pdfPage = doc.addPage([page.width, page.height]);
    pdfPage.node.set(PDFName.of('Contents'), ctx.register(flateStream(ctx, content.ops)));
    pageRefs.push(pdfPage.ref);
    contents.push(content);
    hash.update(`${page.width} ${page.height}\n`).update(content.ops);
  }
  for (const image of images.images.keys()) hash.update(image.data);
  for (const use of fonts.uses.values()) hash.update(use.font.key);
  const fontRefs = fonts.embed(doc);
  doc.getPages().forEach((p, i) => setResources(doc, p, contents[i]!, fontRefs, images));

  const anchors = input.anchors ?? new Map<string, AnchorPos>();
  const pageHeights = input.pages.map((p) => p.height);
  const dest = (id: string): PDFArray | undefined => {
    const a = anchors.get(id);
    if (!a) return undefined;
    return ctx.obj([pageRefs[a.pageIndex]!, 'XYZ', Math.round(a.x), Math.round(pageHeights[a.pageIndex]! - a.y), null]) as PDFArray;
  };
  const links = writeLinks(doc, contents.map((c) => c.links), pageHeights, dest);
  if (input.outline?.length) writeOutline(doc, input.outline, dest);
  if (input.pageLabels !== false && input.pages.length) writePageLabels(doc, input.pages);
  writeMetadata(doc, meta);
  if (tagged) {
    const text = new Map<number, string>();
    for (const page of input.pages) {
      for (const it of page.items) if (it.kind === 'text' && it.tag) text.set(it.tag.node, (text.get(it.tag.node) ?? '') + it.shaped.text);
    }
    writeStructure(doc, input.structure!, contents.map((c, i) => ({ ref: pageRefs[i]!, marks: c.marks })), links, (node) => (text.get(node) ?? '').replace(/\s+/g, ' ').trim());
    doc.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
  }
  if (input.pdfa) {
    writeOutputIntent(doc);
    writeFileId(doc, hash);
  }
  if (input.pdfa || tagged) writeXmp(doc, meta, { pdfa: !!input.pdfa, pdfua: tagged });

  // objectsPerTick: pdf-lib waits a timer tick (≥ 1 ms) every that many objects, by default 50 — a tagged book has
  // tens of thousands, so the waits would take longer than the writing
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.MAX_SAFE_INTEGER });
}
