/** Document metadata: /Lang always, the info dictionary only with what was given (no dates unless given). */
import { PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';
import type { DocumentMeta } from './items.ts';
import { keywordsText } from './pdfa.ts';

export function writeMetadata(doc: PDFDocument, meta: DocumentMeta): void {
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang ?? 'th-TH'));
  if (meta.title) doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces; the XMP copy (pdfa.ts) joins them the same way
  if (meta.keywords?.length) doc.setKeywords([keywordsText(meta.keywords)]);
  if (meta.creator) doc.setCreator(meta.creator);
  if (meta.producer) doc.setProducer(meta.producer);
  if (meta.creationDate) doc.setCreationDate(meta.creationDate);
  if (meta.modDate) doc.setModificationDate(meta.modDate);
}
