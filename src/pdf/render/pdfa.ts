/**
 * Archival PDF (PDF/A-2u, ISO 19005-2) and the PDF/UA-1 claim: the XMP metadata packet (matching the info
 * dictionary entry by entry), the sRGB output intent with its embedded ICC profile, and the file identifier.
 * Deterministic: dates only from the document's metadata (SOURCE_DATE_EPOCH upstream), the ID is a content hash.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';
import { flateStream } from './flate.ts';
import type { DocumentMeta } from './items.ts';
import { SRGB_DESCRIPTION, srgbProfile } from './srgb-icc.ts';

/** Which standards the file claims. */
export interface Conformance { pdfa: boolean; pdfua: boolean }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** an XMP date equal to the info dictionary's D:YYYYMMDDHHmmSSZ (UTC, whole seconds) */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The keywords as one string, as the info dictionary holds them (pdf-lib joins them with spaces). */
export const keywordsText = (keywords: string[]) => keywords.join(' ');

export function xmpPacket(meta: DocumentMeta, c: Conformance): string {
  const lang = meta.lang ?? 'th-TH';
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(s)}</rdf:li></rdf:Alt>`;
  const props: string[] = ['<dc:format>application/pdf</dc:format>', `<dc:language><rdf:Bag><rdf:li>${esc(lang)}</rdf:li></rdf:Bag></dc:language>`];
  if (meta.title) props.push(`<dc:title>${alt(meta.title)}</dc:title>`);
  if (meta.author) props.push(`<dc:creator><rdf:Seq><rdf:li>${esc(meta.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (meta.subject) props.push(`<dc:description>${alt(meta.subject)}</dc:description>`);
  if (meta.keywords?.length) props.push(`<pdf:Keywords>${esc(keywordsText(meta.keywords))}</pdf:Keywords>`);
  if (meta.producer) props.push(`<pdf:Producer>${esc(meta.producer)}</pdf:Producer>`);
  if (meta.creator) props.push(`<xmp:CreatorTool>${esc(meta.creator)}</xmp:CreatorTool>`);
  if (meta.creationDate) props.push(`<xmp:CreateDate>${xmpDate(meta.creationDate)}</xmp:CreateDate>`);
  if (meta.modDate) props.push(`<xmp:ModifyDate>${xmpDate(meta.modDate)}</xmp:ModifyDate>`);
  if (c.pdfa) props.push('<pdfaid:part>2</pdfaid:part>', '<pdfaid:conformance>U</pdfaid:conformance>');
  if (c.pdfua) props.push('<pdfuaid:part>1</pdfuaid:part>');
  // PDF/A allows only the schemas it predefines unless a file describes the others: pdfuaid is not one of them
  if (c.pdfa && c.pdfua) {
    props.push([
      '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
      '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
      '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
      '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
      '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
      '<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
      '<pdfaProperty:category>internal</pdfaProperty:category>',
      '<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
      '</rdf:li></rdf:Seq></pdfaSchema:property>',
      '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
    ].join('\n'));
  }
  const ns = [
    'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', 'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', 'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"', 'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
    'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
  ];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" ${ns.join(' ')}>`,
    ...props,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** The catalog's /Metadata: XMP as UTF-8, uncompressed so archives and validators read it as it is. */
export function writeXmp(doc: PDFDocument, meta: DocumentMeta, c: Conformance): void {
  const ctx = doc.context;
  const bytes = new TextEncoder().encode(xmpPacket(meta, c));
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream(bytes, { Type: 'Metadata', Subtype: 'XML', Length: bytes.length })));
}

/** The PDF/A output intent: DeviceRGB (all our colour) means sRGB. */
export function writeOutputIntent(doc: PDFDocument): void {
  const ctx = doc.context;
  const profile = ctx.register(flateStream(ctx, srgbProfile(), { N: 3 }));
  const intent = ctx.register(ctx.obj({
    Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: PDFString.of(SRGB_DESCRIPTION),
    Info: PDFString.of(SRGB_DESCRIPTION), RegistryName: PDFString.of('http://www.color.org'), DestOutputProfile: profile,
  } as never));
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([intent]));
}

/** The trailer /ID from a hash of what the file says (both halves equal: the file was never modified). */
export function writeFileId(doc: PDFDocument, hash: ReturnType<typeof createHash>): void {
  const id = hash.digest('hex').slice(0, 32).toUpperCase();
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
