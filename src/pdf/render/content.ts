/**
 * Page content streams: display items → PDF operators (the y axis flipped), and the page's resources. Text goes
 * through text-content.ts; images are embedded on first use; link items are collected for the annotations.
 */
import { PDFName, type PDFDocument, type PDFImage, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';
import type { FontRegistry } from './fonts.ts';
import type { ImageSource, LinkItem, Page } from './items.ts';
import { rgb } from './items.ts';
import { fmt, utf16Hex, writeText, type FontUse } from './text-content.ts';

/** The document's images, each embedded once, named Im1, Im2, … in order of first use. */
export class ImageRegistry {
  readonly images = new Map<ImageSource, { name: string; img: PDFImage }>();

  async use(doc: PDFDocument, image: ImageSource): Promise<string> {
    let im = this.images.get(image);
    if (!im) {
      const img = image.format === 'png' ? await doc.embedPng(image.data) : await doc.embedJpg(image.data);
      im = { name: `Im${this.images.size + 1}`, img };
      this.images.set(image, im);
    }
    return im.name;
  }
}

export interface PageContent {
  ops: string;
  fonts: Set<FontUse>;
  images: Set<string>;
  links: LinkItem[];
  /** tagged output: the page's marked-content sequences of structure nodes, in content order (MCID = index) */
  marks: number[];
}

/**
 * A page's content stream. Tagged, consecutive graphics of one structure node form one marked-content sequence
 * (`/Figure <</MCID n>> BDC … EMC`), text has its own inside its text object (text-content.ts); MCIDs are in
 * content order, which the layout makes reading order. Artifacts and untagged items go in `/Artifact BMC … EMC`.
 */
export async function pageContent(doc: PDFDocument, page: Page, fontReg: FontRegistry, imageReg: ImageRegistry, tagged = false): Promise<PageContent> {
  const H = page.height;
  const out: string[] = [];
  const fonts = new Set<FontUse>();
  const images = new Set<string>();
  const links: LinkItem[] = [];
  const marks: number[] = [];
  let open: number | 'artifact' | undefined;
  for (const it of page.items) {
    if (it.kind === 'link') { links.push(it); continue; }
    const ops: string[] = [];
    switch (it.kind) {
      case 'text': {
        const use = fontReg.use(it.shaped.font);
        fonts.add(use);
        const tag = tagged && it.tag && it.tag.role !== 'Artifact' ? it.tag : undefined;
        if (tag) {
          // its own marked-content sequence, with the item's text as /ActualText where a cluster needs it
          if (open !== undefined) { out.push('EMC'); open = undefined; }
          const body: string[] = [];
          const mcid = marks.length;
          marks.push(tag.node);
          out.push(writeText(body, it, use, H, true)
            ? `/Span <</MCID ${mcid} /ActualText <${utf16Hex(it.shaped.text)}>>> BDC`
            : `/${tag.role} <</MCID ${mcid}>> BDC`, ...body, 'EMC');
        } else writeText(ops, it, use, H);
        if (it.underline) {
          const w = (it.shaped.advance * it.size) / it.shaped.font.info.unitsPerEm;
          const [r, g, b] = rgb(it.color);
          ops.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.size / 18)} w ${fmt(it.x)} ${fmt(H - it.y - it.size * 0.12)} m ${fmt(it.x + w)} ${fmt(H - it.y - it.size * 0.12)} l S`);
        }
        break;
      }
      case 'rect': {
        if (!it.fill && !it.stroke) break;
        ops.push('q');
        if (it.fill) { const [r, g, b] = rgb(it.fill); ops.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} rg`); }
        if (it.stroke) { const [r, g, b] = rgb(it.stroke); ops.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.lineWidth ?? 0.5)} w`); }
        ops.push(`${fmt(it.x)} ${fmt(H - it.y - it.h)} ${fmt(it.w)} ${fmt(it.h)} re ${it.fill && it.stroke ? 'B' : it.fill ? 'f' : 'S'}`, 'Q');
        break;
      }
      case 'line': {
        const [r, g, b] = rgb(it.color);
        ops.push('q', `${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.width ?? 0.5)} w`);
        if (it.dash?.length) ops.push(`[${it.dash.map(fmt).join(' ')}] 0 d`);
        ops.push(`${fmt(it.x1)} ${fmt(H - it.y1)} m ${fmt(it.x2)} ${fmt(H - it.y2)} l S`, 'Q');
        break;
      }
      case 'path': {
        if (it.points.length < 2 || (!it.fill && !it.stroke)) break;
        ops.push('q');
        if (it.fill) { const [r, g, b] = rgb(it.fill); ops.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} rg`); }
        if (it.stroke) { const [r, g, b] = rgb(it.stroke); ops.push(`${fmt(r)} ${fmt(g)} ${fmt(b)} RG ${fmt(it.lineWidth ?? 0.5)} w`); }
        const [p0, ...rest] = it.points;
        ops.push(`${fmt(p0![0])} ${fmt(H - p0![1])} m ${rest.map(([x, y]) => `${fmt(x)} ${fmt(H - y)} l`).join(' ')}${it.closed ? ' h' : ''}`);
        ops.push(it.fill && it.stroke ? 'B' : it.fill ? 'f' : 'S', 'Q');
        break;
      }
      case 'image': {
        const name = await imageReg.use(doc, it.image);
        images.add(name);
        ops.push('q', `${fmt(it.w)} 0 0 ${fmt(it.h)} ${fmt(it.x)} ${fmt(H - it.y - it.h)} cm`, `/${name} Do`, 'Q');
        break;
      }
    }
    if (!ops.length) continue;
    if (tagged) {
      const want = !it.tag || it.tag.role === 'Artifact' ? 'artifact' : it.tag.node;
      if (want !== open) {
        if (open !== undefined) out.push('EMC');
        if (want === 'artifact') out.push('/Artifact BMC');
        else { out.push(`/${it.tag!.role} <</MCID ${marks.length}>> BDC`); marks.push(want); }
        open = want;
      }
    }
    out.push(...ops);
  }
  if (open !== undefined) out.push('EMC');
  return { ops: out.join('\n'), fonts, images, links, marks };
}

/** A page's /Resources: its fonts and images, in name order. */
export function setResources(doc: PDFDocument, page: PDFPage, content: PageContent, fontRefs: Map<FontUse, PDFRef>, imageReg: ImageRegistry): void {
  const imageByName = new Map([...imageReg.images.values()].map((v) => [v.name, v.img] as const));
  const fonts: Record<string, PDFRef> = {};
  for (const u of [...content.fonts].sort((a, b) => a.resName.localeCompare(b.resName))) fonts[u.resName] = fontRefs.get(u)!;
  const xo: Record<string, PDFRef> = {};
  for (const n of [...content.images].sort()) xo[n] = imageByName.get(n)!.ref;
  const res: Record<string, unknown> = { ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'] };
  if (Object.keys(fonts).length) res.Font = fonts;
  if (Object.keys(xo).length) res.XObject = xo;
  page.node.set(PDFName.of('Resources'), doc.context.obj(res as never));
}
