// Test helper: what a PDF/UA-1 and PDF/A-2u validator checks of our files, read back with tools no one here
// wrote (veraPDF cannot be installed from the registries this machine reaches): qpdf (--check, and --json for the
// object graph with decoded streams), poppler's pdfinfo -struct-text (the structure tree with its text), and
// LittleCMS's transicc (the embedded ICC profile converts colours). Every check returns the problems it found.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Dict = { [k: string]: Json };
interface Obj { value?: Json; stream?: { dict: Dict; data?: string } }

export interface Audit {
  problems: string[];
  /** structure elements in tree order: role, depth, attributes */
  elements: Array<{ role: string; depth: number; alt?: string; scope?: string; colSpan?: number; listNumbering?: string }>;
  /** pdfinfo -struct-text's text of each content item, in structure order */
  structText: string[];
  xmp: string;
}

const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

/** qpdf's JSON text strings: "u:…" (Unicode) or "b:…" (hex bytes) */
const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.startsWith('u:') ? v.slice(2) : typeof v === 'string' && v.startsWith('b:') ? v.slice(2) : undefined);

export function auditPdf(file: string): Audit {
  const problems: string[] = [];
  const check = tool('qpdf', ['--check', file]);
  if (!check.includes('No syntax or stream encoding errors')) problems.push(`qpdf --check: ${check}`);
  const json = JSON.parse(tool('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file])) as { qpdf: [unknown, Record<string, Obj>] };
  const objs = json.qpdf[1];
  const obj = (ref: Json | undefined): Obj | undefined => (typeof ref === 'string' && / R$/.test(ref) ? objs[`obj:${ref}`] : undefined);
  const dict = (v: Json | undefined): Dict | undefined => {
    const o = obj(v);
    const d = o ? (o.stream?.dict ?? o.value) : v;
    return d && typeof d === 'object' && !Array.isArray(d) ? d : undefined;
  };
  const data = (ref: Json | undefined) => Buffer.from(obj(ref)?.stream?.data ?? '', 'base64');
  const trailer = objs.trailer!.value as Dict;
  const cat = dict(trailer['/Root'])!;
  const info = dict(trailer['/Info']) ?? {};

  // file structure and catalog (PDF/A-2 6.1.3, PDF/UA-1 7.1)
  const id = trailer['/ID'];
  if (!Array.isArray(id) || id.length !== 2 || !str(id[0])) problems.push('trailer: no /ID');
  if (dict(cat['/MarkInfo'])?.['/Marked'] !== true) problems.push('catalog: /MarkInfo /Marked is not true');
  if (!str(cat['/Lang'])) problems.push('catalog: no /Lang');
  if (dict(cat['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true) problems.push('catalog: DisplayDocTitle is not true');
  if (!str(info['/Title'])) problems.push('info: no /Title');

  // output intent: sRGB, an ICC profile that LittleCMS converts with (PDF/A-2 6.2.3)
  const intents = cat['/OutputIntents'];
  const intent = Array.isArray(intents) ? dict(intents[0]) : undefined;
  if (!intent || intent['/S'] !== '/GTS_PDFA1') problems.push('catalog: no GTS_PDFA1 output intent');
  else {
    const profile = obj(intent['/DestOutputProfile']);
    const icc = data(intent['/DestOutputProfile']);
    if (profile?.stream?.dict['/N'] !== 3) problems.push('output intent: profile /N is not 3');
    if (icc.readUInt32BE(0) !== icc.length || icc.toString('latin1', 36, 40) !== 'acsp' || icc.toString('latin1', 12, 20) !== 'mntrRGB ' || icc[8]! > 4) {
      problems.push('output intent: not an ICC v2–v4 RGB display profile');
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'icc-'));
      writeFileSync(join(dir, 'p.icc'), icc);
      const lab = execFileSync('transicc', ['-i', join(dir, 'p.icc'), '-o', '*Lab', '-n'], { input: '255 0 0\n', encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] }).trim().split('\n').at(-1)!.trim().split(/\s+/).map(Number);
      // sRGB red is L*a*b* (D50) 54.29, 80.80, 69.89
      if (lab.length !== 3 || Math.abs(lab[0]! - 54.29) > 0.5 || Math.abs(lab[1]! - 80.8) > 0.5 || Math.abs(lab[2]! - 69.89) > 0.5) problems.push(`output intent: the profile maps sRGB red to Lab ${lab.join(' ')}`);
    }
  }

  // XMP: PDF/A and PDF/UA identification, and the same values as the info dictionary (PDF/A-2 6.6)
  const xmp = data(cat['/Metadata']).toString('utf8');
  if (obj(cat['/Metadata'])?.stream?.dict['/Subtype'] !== '/XML') problems.push('catalog: no XML metadata stream');
  const tag = (name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp)?.[1];
  const li = (name: string) => /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(tag(name) ?? '')?.[1];
  const unxml = (s: string | undefined) => s?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  if (tag('pdfaid:part') !== '2' || tag('pdfaid:conformance') !== 'U') problems.push('xmp: not PDF/A-2u');
  if (tag('pdfuaid:part') !== '1') problems.push('xmp: not PDF/UA-1');
  if (!xmp.includes('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>')) problems.push('xmp: no extension schema for pdfuaid');
  const pdfDate = (s: string | undefined) => s && /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s)?.slice(1).join('');
  const xmpDate = (s: string | undefined) => s && /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/.exec(s)?.slice(1).join('');
  const pairs: Array<[string, string | undefined, string | undefined]> = [
    ['Title', str(info['/Title']), unxml(li('dc:title'))], ['Author', str(info['/Author']), unxml(li('dc:creator'))],
    ['Subject', str(info['/Subject']), unxml(li('dc:description'))], ['Keywords', str(info['/Keywords']), unxml(tag('pdf:Keywords'))],
    ['Producer', str(info['/Producer']), unxml(tag('pdf:Producer'))], ['Creator', str(info['/Creator']), unxml(tag('xmp:CreatorTool'))],
    ['CreationDate', pdfDate(str(info['/CreationDate'])) || undefined, xmpDate(tag('xmp:CreateDate')) || undefined],
    ['ModDate', pdfDate(str(info['/ModDate'])) || undefined, xmpDate(tag('xmp:ModifyDate')) || undefined],
  ];
  for (const [k, a, b] of pairs) if (a !== b) problems.push(`xmp: ${k} is ${JSON.stringify(b)}, the info dictionary says ${JSON.stringify(a)}`);
  if (unxml(li('dc:language')) !== str(cat['/Lang'])) problems.push('xmp: dc:language differs from /Lang');

  // the structure tree: every MCID of every page is one element's content, and the ParentTree says which
  const root = dict(cat['/StructTreeRoot']);
  const elements: Audit['elements'] = [];
  const owner = new Map<string, string>(); // "pageRef mcid" → element ref
  const objrOwner = new Map<string, string>(); // annotation ref → Link element ref
  const headings: number[] = [];
  const pages = (dict(cat['/Pages'])!['/Kids'] as string[]);
  if (!root) problems.push('catalog: no StructTreeRoot');
  else {
    const walk = (ref: string, depth: number) => {
      const el = dict(ref)!;
      const role = String(el['/S']).slice(1);
      const a = dict(el['/A']);
      elements.push({ role, depth, alt: str(el['/Alt']), scope: typeof a?.['/Scope'] === 'string' ? a['/Scope'].slice(1) : undefined, colSpan: typeof a?.['/ColSpan'] === 'number' ? a['/ColSpan'] : undefined, listNumbering: typeof a?.['/ListNumbering'] === 'string' ? a['/ListNumbering'].slice(1) : undefined });
      if (/^H[1-6]$/.test(role)) headings.push(Number(role.slice(1)));
      if (role === 'Figure' && !str(el['/Alt'])) problems.push('structure: a Figure without /Alt');
      if (role === 'TH' && !a?.['/Scope']) problems.push('structure: a TH without /Scope');
      for (const k of (el['/K'] as Json[]) ?? []) {
        if (typeof k === 'number') owner.set(`${el['/Pg']} ${k}`, ref);
        else if (typeof k === 'string') walk(k, depth + 1);
        else if (k && typeof k === 'object' && !Array.isArray(k)) {
          if (k['/Type'] === '/MCR') owner.set(`${k['/Pg']} ${k['/MCID']}`, ref);
          else if (k['/Type'] === '/OBJR') objrOwner.set(String(k['/Obj']), ref);
        }
      }
    };
    for (const k of root['/K'] as string[]) walk(k, 0);
    if (elements[0]?.role !== 'Document') problems.push('structure: the root element is not Document');
    headings.forEach((h, i) => { if (h > (i === 0 ? 1 : headings[i - 1]! + 1)) problems.push(`structure: heading H${h} after ${i === 0 ? 'nothing' : `H${headings[i - 1]}`}`); });
    const nums = (dict(root['/ParentTree'])!['/Nums'] as Json[]);
    const parentTree = new Map<number, Json>();
    for (let i = 0; i < nums.length; i += 2) parentTree.set(nums[i] as number, nums[i + 1]!);
    pages.forEach((pageRef, pi) => {
      const page = dict(pageRef)!;
      if (page['/Tabs'] !== '/S') problems.push(`page ${pi + 1}: /Tabs is not /S`);
      const content = data(page['/Contents']).toString('latin1');
      const mcids = [...content.matchAll(/<<\/MCID (\d+)/g)].map((m) => Number(m[1]));
      if (mcids.some((m, i) => m !== i)) problems.push(`page ${pi + 1}: MCIDs not 0, 1, 2, … in content order`);
      const list = parentTree.get(page['/StructParents'] as number);
      if (mcids.length && !Array.isArray(list)) problems.push(`page ${pi + 1}: no ParentTree entry`);
      mcids.forEach((m) => {
        const el = owner.get(`${pageRef} ${m}`);
        if (!el) problems.push(`page ${pi + 1}: MCID ${m} belongs to no structure element`);
        else if (Array.isArray(list) && list[m] !== el) problems.push(`page ${pi + 1}: ParentTree says MCID ${m} is ${String(list[m])}, the tree ${el}`);
      });
      // everything painted is marked: structure content or an artifact (PDF/UA-1 7.1)
      let depth = 0;
      for (const line of content.split('\n')) {
        if (/(BDC|BMC)$/.test(line)) depth++;
        else if (line === 'EMC') depth--;
        else if (depth === 0 && line.trim()) { problems.push(`page ${pi + 1}: unmarked content "${line.slice(0, 40)}"`); break; }
      }
      for (const a of (page['/Annots'] as string[] | undefined) ?? []) {
        const annot = dict(a)!;
        const el = objrOwner.get(a);
        if (!el || String(dict(el)!['/S']) !== '/Link') problems.push(`page ${pi + 1}: annotation ${a} is in no Link element`);
        if (parentTree.get(annot['/StructParent'] as number) !== el) problems.push(`page ${pi + 1}: annotation ${a} /StructParent does not lead to its Link`);
        if (!str(annot['/Contents'])) problems.push(`page ${pi + 1}: annotation ${a} has no /Contents`);
      }
    });
  }

  // fonts: embedded, and every glyph the pages show has a Unicode value (PDF/A-2u 6.2.11.7, PDF/UA-1 7.21)
  const shown = new Map<string, Set<string>>(); // font ref → glyph ids (hex)
  for (const pageRef of pages) {
    const page = dict(pageRef)!;
    const fonts = dict(dict(page['/Resources'])?.['/Font']) ?? {};
    let font = '';
    for (const line of data(page['/Contents']).toString('latin1').split('\n')) {
      const tf = /^\/(\w+) [\d.]+ Tf$/.exec(line);
      if (tf) font = String(fonts[`/${tf[1]}`]);
      if (line.endsWith('TJ')) for (const m of line.matchAll(/<([0-9A-Fa-f]+)>/g)) for (let i = 0; i < m[1]!.length; i += 4) (shown.get(font) ?? shown.set(font, new Set()).get(font)!).add(m[1]!.slice(i, i + 4).toUpperCase());
    }
  }
  for (const [ref, gids] of shown) {
    const f = dict(ref)!;
    const desc = dict(dict((f['/DescendantFonts'] as string[])[0])!['/FontDescriptor'])!;
    if (!desc['/FontFile2']) problems.push(`font ${String(f['/BaseFont'])}: not embedded`);
    const cmap = data(f['/ToUnicode']).toString('latin1');
    const mapped = new Set([...cmap.matchAll(/^<([0-9A-F]{4})> <([0-9A-F]+)>$/gm)].filter((m) => m[2]!.length >= 4).map((m) => m[1]!));
    const missing = [...gids].filter((g) => !mapped.has(g));
    if (missing.length) problems.push(`font ${String(f['/BaseFont'])}: glyphs without Unicode ${missing.slice(0, 5).join(' ')}`);
  }

  const structText = [...tool('pdfinfo', ['-struct-text', file]).matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!);
  return { problems, elements, structText, xmp };
}
