/**
 * Turns laid-out pages into PDF bytes. @cantoo/pdf-lib (the maintained fork of pdf-lib) does only the object
 * plumbing — object graph, PNG/JPEG embedding, compression, cross-reference — while content streams, fonts, outlines,
 * page labels and annotations are written here. Chosen over pdf-lib 1.17 because it is maintained (pdf-lib has had no
 * release since 2022) and we use none of the text APIs where the two differ.
 *
 * Determinism: created with updateMetadata: false (no Producer/Creator/dates unless given), no /ID, subset tags
 * derived from a hash of the glyph set, objects registered in a fixed order. Same pages → same bytes.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFImage,
} from '@cantoo/pdf-lib';
import { subsetFont } from '../font/subset.ts';
import type { PdfFont } from '../font/font.ts';
import type { AnchorPos, DocumentMeta, ImageSource, Item, OutlineEntry, Page } from './items.ts';
import { rgb } from './items.ts';
import { fmt, utf16Hex, writeText, type FontUse } from './text-content.ts';

export interface WriteInput {
  pages: Page[];
  meta?: DocumentMeta;
  outline?: OutlineEntry[];
  anchors?: Map<string, AnchorPos>;
  /** write /PageLabels (default true) */
  pageLabels?: boolean;
}

function textString(s: string): PDFHexString {
  return PDFHexString.of(utf16Hex(s));
}

export async function writePdf(input: WriteInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx = doc.context;
  const meta = input.meta ?? {};
  const fontUses = new Map<string, FontUse>();
  const images = new Map<ImageSource, { name: string; img: PDFImage }>();
  const pageRefs: PDFRef[] = [];
  const pageHeights: number[] = [];
  const annotsPending: Array<{ page: number; item: Extract<Item, { kind: 'link' }> }> = [];

  const useFont = (font: PdfFont): FontUse => {
    let u = fontUses.get(font.key);
    if (!u) {
      u = { font, resName: `F${fontUses.size + 1}`, gids: new Set(), toUnicode: new Map() };
      fontUses.set(font.key, u);
    }
    return u;
  };

  // Pages first (content needs font resource names only), fonts after all text is known.
  const pageFontNames: Array<Set<FontUse>> = [];
  const pageImages: Array<Set<string>> = [];
  for (let pi = 0; pi < input.pages.length; pi++) {
    const page = input.pages[pi]!;
    const H = page.height;
    const out: string[] = [];
    const fontsHere = new Set<FontUse>();
    const imagesHere = new Set<string>();
    for (const it of page.items) {
      switch (it.kind) {
        case 'text': {
          const use = useFont(it.shaped.font);
          fontsHere.add(use);
          writeText(out, it, use, H);
          if (it.underline) {
            const w = (it.shaped.advance * it.size) / it.shaped.font.info.unitsPerEm;
            const [r, g, b] = rgb(it.color);
            out.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.size / 18)} w ${fmt(it.x)} ${fmt(H - it.y - it.size * 0.12)} m ${fmt(it.x + w)} ${fmt(H - it.y - it.size * 0.12)} l S`);
          }
          break;
        }
        case 'rect': {
          if (!it.fill && !it.stroke) break;
          out.push('q');
          if (it.fill) { const [r, g, b] = rgb(it.fill); out.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} rg`); }
          if (it.stroke) { const [r, g, b] = rgb(it.stroke); out.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.lineWidth ?? 0.5)} w`); }
          out.push(`${fmt(it.x)} ${fmt(H - it.y - it.h)} ${fmt(it.w)} ${fmt(it.h)} re ${it.fill && it.stroke ? 'B' : it.fill ? 'f' : 'S'}`, 'Q');
          break;
        }
        case 'line': {
          const [r, g, b] = rgb(it.color);
          out.push('q', `${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.width ?? 0.5)} w`);
          if (it.dash?.length) out.push(`[${it.dash.map(fmt).join(' ')}] 0 d`);
          out.push(`${fmt(it.x1)} ${fmt(H - it.y1)} m ${fmt(it.x2)} ${fmt(H - it.y2)} l S`, 'Q');
          break;
        }
        case 'path': {
          if (it.points.length < 2 || (!it.fill && !it.stroke)) break;
          out.push('q');
          if (it.fill) { const [r, g, b] = rgb(it.fill); out.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} rg`); }
          if (it.stroke) { const [r, g, b] = rgb(it.stroke); out.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.lineWidth ?? 0.5)} w`); }
          const [p0, ...rest] = it.points;
          out.push(`${fmt(p0![0])} ${fmt(H - p0![1])} m ${rest.map(([x, y]) => `${fmt(x)} ${fmt(H - y)} l`).join(' ')}${it.closed ? ' h' : ''}`);
          out.push(it.fill && it.stroke ? 'B' : it.fill ? 'f' : 'S', 'Q');
          break;
        }
        case 'image': {
          let im = images.get(it.image);
          if (!im) {
            const img = it.image.format === 'png' ? await doc.embedPng(it.image.data) : await doc.embedJpg(it.image.data);
            im = { name: `Im${images.size + 1}`, img };
            images.set(it.image, im);
          }
          imagesHere.add(im.name);
          out.push('q', `${fmt(it.w)} 0 0 ${fmt(it.h)} ${fmt(it.x)} ${fmt(H - it.y - it.h)} cm`, `/${im.name} Do`, 'Q');
          break;
        }
        case 'link':
          annotsPending.push({ page: pi, item: it });
          break;
      }
    }
    const pdfPage = doc.addPage([page.width, page.height]);
    const content = ctx.register(ctx.flateStream(out.join('\n')));
    pdfPage.node.set(PDFName.of('Contents'), content);
    pageRefs.push(pdfPage.ref);
    pageHeights.push(H);
    pageFontNames.push(fontsHere);
    pageImages.push(imagesHere);
  }

  // Fonts
  const fontRefs = new Map<FontUse, PDFRef>();
  for (const use of fontUses.values()) fontRefs.set(use, embedFont(doc, use));

  // Resources per page
  const imageByName = new Map([...images.values()].map((v) => [v.name, v.img] as const));
  doc.getPages().forEach((p, i) => {
    const fonts: Record<string, PDFRef> = {};
    for (const u of [...pageFontNames[i]!].sort((a, b) => a.resName.localeCompare(b.resName))) fonts[u.resName] = fontRefs.get(u)!;
    const xo: Record<string, PDFRef> = {};
    for (const n of [...pageImages[i]!].sort()) xo[n] = imageByName.get(n)!.ref;
    const res: Record<string, unknown> = { ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'] };
    if (Object.keys(fonts).length) res.Font = fonts;
    if (Object.keys(xo).length) res.XObject = xo;
    p.node.set(PDFName.of('Resources'), ctx.obj(res as never));
  });

  const anchors = input.anchors ?? new Map<string, AnchorPos>();
  const dest = (id: string): PDFArray | undefined => {
    const a = anchors.get(id);
    if (!a) return undefined;
    return ctx.obj([pageRefs[a.pageIndex]!, 'XYZ', Math.round(a.x), Math.round(pageHeights[a.pageIndex]! - a.y), null]) as PDFArray;
  };

  // Link annotations
  const annotsByPage = new Map<number, PDFRef[]>();
  for (const { page, item } of annotsPending) {
    const H = pageHeights[page]!;
    const d: Record<string, unknown> = {
      Type: 'Annot', Subtype: 'Link', Border: [0, 0, 0], F: 4,
      Rect: [item.x, H - item.y - item.h, item.x + item.w, H - item.y].map((n) => Math.round(n * 100) / 100),
    };
    if (item.uri) d.A = { Type: 'Action', S: 'URI', URI: PDFString.of(item.uri) };
    else if (item.anchor) { const ds = dest(item.anchor); if (!ds) continue; d.Dest = ds; }
    else continue;
    const ref = ctx.register(ctx.obj(d as never));
    const list = annotsByPage.get(page) ?? [];
    list.push(ref);
    annotsByPage.set(page, list);
  }
  for (const [pi, refs] of annotsByPage) doc.getPage(pi).node.set(PDFName.of('Annots'), ctx.obj(refs));

  // Outline
  if (input.outline?.length) writeOutline(doc, input.outline, dest);

  // Page labels: one entry per page with a literal prefix (Thai digits are not a PDF numbering style)
  if (input.pageLabels !== false && input.pages.length) {
    // consecutive Arabic numbers compress to /S /D runs
    doc.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: compressLabels(input.pages, ctx) } as never));
  }

  // Metadata
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang ?? 'th-TH'));
  if (meta.title) {
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
  }
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  if (meta.creator) doc.setCreator(meta.creator);
  if (meta.producer) doc.setProducer(meta.producer);
  if (meta.creationDate) doc.setCreationDate(meta.creationDate);
  if (meta.modDate) doc.setModificationDate(meta.modDate);

  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
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

function subsetTag(use: FontUse): string {
  const h = createHash('sha256').update(use.font.key).update([...use.gids].sort((a, b) => a - b).join(',')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (h[i]! % 26));
  return tag;
}

function toUnicodeCMap(use: FontUse): string {
  const entries = [...use.toUnicode.entries()].sort((a, b) => a[0] - b[0]);
  const hex = (g: number) => g.toString(16).padStart(4, '0').toUpperCase();
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [g, s] of chunk) lines.push(`<${hex(g)}> <${utf16Hex(s).slice(4)}>`);
    lines.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    ...lines, 'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

function embedFont(doc: PDFDocument, use: FontUse): PDFRef {
  const ctx = doc.context;
  const { info } = use.font;
  const k = 1000 / info.unitsPerEm;
  const s = (n: number) => Math.round(n * k);
  const gids = [...use.gids].sort((a, b) => a - b);
  const subset = subsetFont(use.font.data, gids);
  const name = `${subsetTag(use)}+${info.postscriptName}`;
  const fontFile = ctx.register(ctx.flateStream(subset, { Length1: subset.length }));
  let flags = 4; // symbolic (glyphs outside the standard Latin set)
  if (info.isFixedPitch) flags |= 1;
  if (info.italicAngle !== 0) flags |= 64;
  const descriptor = ctx.register(ctx.obj({
    Type: 'FontDescriptor', FontName: name, Flags: flags,
    FontBBox: info.bbox.map(s), ItalicAngle: info.italicAngle,
    Ascent: s(info.ascender), Descent: s(info.descender), CapHeight: s(info.capHeight), XHeight: s(info.xHeight),
    StemV: info.weightClass >= 600 ? 120 : 80, FontFile2: fontFile,
  } as never));
  // W: runs of consecutive gids
  const w: unknown[] = [];
  let i = 0;
  while (i < gids.length) {
    const start = gids[i]!;
    const widths: number[] = [];
    let j = i;
    while (j < gids.length && gids[j] === start + (j - i)) { widths.push(Math.round(info.advances[gids[j]!]! * k * 1000) / 1000); j++; }
    w.push(start, widths);
    i = j;
  }
  const cid = ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'CIDFontType2', BaseFont: name,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor, DW: 1000, W: w, CIDToGIDMap: 'Identity',
  } as never));
  const toUni = ctx.register(ctx.flateStream(toUnicodeCMap(use)));
  return ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: toUni,
  } as never));
}

function writeOutline(doc: PDFDocument, entries: OutlineEntry[], dest: (id: string) => PDFArray | undefined): void {
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
