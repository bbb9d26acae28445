/**
 * The logical structure of a tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1): a StructTreeRoot over the layout's
 * structure nodes (Document, H1–H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Figure with /Alt, Link with
 * an OBJR to its annotation, TOC/TOCI/Reference; Table and List attributes), the marked-content references of each page (MCIDs), the ParentTree that
 * maps them back, /StructParents on pages and /StructParent on link annotations, and /MarkInfo.
 *
 * Order of an element's kids: its child elements in node order (the layout allocates nodes in reading order)
 * with its own marked content merged in before the first child whose content comes later in the document.
 */
import { PDFName, PDFNumber, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { WrittenLink } from './annotations.ts';
import type { StructNode } from './items.ts';
import { textString } from './text-content.ts';

export interface TaggedPage {
  ref: PDFRef;
  /** the node of each marked-content sequence of the page; MCID = index */
  marks: number[];
}

interface Mcr { page: number; mcid: number; pos: number }

export function writeStructure(doc: PDFDocument, nodes: StructNode[], pages: TaggedPage[], links: WrittenLink[], linkText: (node: number) => string): void {
  const ctx = doc.context;
  const refs = nodes.map(() => ctx.nextRef());
  const own: Mcr[][] = nodes.map(() => []);
  let pos = 0;
  pages.forEach((p, page) => p.marks.forEach((node, mcid) => own[node]!.push({ page, mcid, pos: pos++ })));
  // where each element's content (its own or its descendants') first appears; children come after parents
  const first = own.map((m) => m[0]?.pos ?? Infinity);
  for (let i = nodes.length - 1; i > 0; i--) {
    const parent = nodes[i]!.parent!;
    first[parent] = Math.min(first[parent]!, first[i]!);
  }
  const children: number[][] = nodes.map(() => []);
  for (const n of nodes) if (n.parent !== undefined) children[n.parent]!.push(n.id);
  const objrs = new Map<number, WrittenLink[]>();
  for (const l of links) if (l.item.tag && l.item.tag.role !== 'Artifact') objrs.set(l.item.tag.node, [...(objrs.get(l.item.tag.node) ?? []), l]);

  const root = ctx.nextRef();
  for (const n of nodes) {
    const mine = own[n.id]!;
    const pg = mine[0]?.page;
    const mcr = (m: Mcr) => (m.page === pg ? PDFNumber.of(m.mcid) : ctx.obj({ Type: 'MCR', Pg: pages[m.page]!.ref, MCID: m.mcid }));
    const kids: unknown[] = [];
    let k = 0;
    for (const c of children[n.id]!) {
      // (a child without content, an empty cell, keeps its place among its siblings)
      while (k < mine.length && first[c] !== Infinity && mine[k]!.pos < first[c]!) kids.push(mcr(mine[k++]!));
      kids.push(refs[c]);
    }
    while (k < mine.length) kids.push(mcr(mine[k++]!));
    for (const l of objrs.get(n.id) ?? []) kids.push(ctx.obj({ Type: 'OBJR', Obj: l.ref, Pg: pages[l.page]!.ref }));
    const d: Record<string, unknown> = { Type: 'StructElem', S: n.role, P: n.parent === undefined ? root : refs[n.parent], K: kids };
    if (pg !== undefined) d.Pg = pages[pg]!.ref;
    if (n.alt !== undefined) d.Alt = textString(n.alt);
    if (n.scope || n.colSpan) d.A = { O: 'Table', ...(n.scope ? { Scope: n.scope } : {}), ...(n.colSpan ? { ColSpan: n.colSpan } : {}) };
    if (n.listNumbering) d.A = { O: 'List', ListNumbering: n.listNumbering };
    ctx.assign(refs[n.id]!, ctx.obj(d as never));
  }

  // ParentTree: page i (key i) → its MCIDs' elements; link annotation j (key pages + j) → its Link element
  const nums: unknown[] = [];
  pages.forEach((p, i) => {
    if (!p.marks.length) return;
    nums.push(i, ctx.obj(p.marks.map((node) => refs[node]!)));
    doc.getPage(i).node.set(PDFName.of('StructParents'), PDFNumber.of(i));
  });
  let key = pages.length;
  for (const l of links) {
    const tag = l.item.tag;
    if (!tag || tag.role === 'Artifact') continue;
    l.dict.set(PDFName.of('StructParent'), PDFNumber.of(key));
    // PDF/UA: an annotation describes itself (the link's own words)
    l.dict.set(PDFName.of('Contents'), textString(linkText(tag.node)));
    nums.push(key++, refs[tag.node]!);
  }
  // screen readers and Tab move through annotations in structure order
  for (const p of doc.getPages()) p.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  ctx.assign(root, ctx.obj({ Type: 'StructTreeRoot', K: [refs[0]!], ParentTree: ctx.obj({ Nums: nums } as never), ParentTreeNextKey: key } as never));
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
}
