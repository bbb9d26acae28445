// The one URL policy (src/urls.ts) and every place it is enforced: the site's Markdown, the PDF's Markdown and
// annotation writer, the book's links to the site, the cards' footer, and site.url in organisation.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { siteHref, type Kit } from '../src/book/kit.ts';
import type { El } from '../src/infographics/h.ts';
import { parseMarkdown } from '../src/model/index.ts';
import type { Model } from '../src/model/types.ts';
import { mdastToBlocks, renderPdf, type Block } from '../src/pdf/index.ts';
import { Organisation as OrganisationSchema } from '../src/schema/organisation.ts';
import { markdownToHtml } from '../src/site/markdown.ts';
import { isSiteUrl, safeAbsoluteHref, safeHref } from '../src/urls.ts';
import { formatter } from '../src/views/format.ts';
import { footer } from '../templates/infographics/parts.ts';
import { templates } from '../templates/infographics/index.ts';
import { seedModel } from './infographics/fixtures.ts';

/** Hostile addresses: never a link, never an image. */
const HOSTILE = [
  'javascript:alert(1)', 'JavaScript:alert(1)', 'JAVASCRIPT:alert(1)', 'jAvAsCrIpT:alert(1)',
  ' javascript:alert(1)', '\tjavascript:alert(1)', '\n\njavascript:alert(1)', '\u0000javascript:alert(1)', '\u0001javascript:alert(1)',
  'javascript:alert(1)\n', 'javascript:alert(1) \u0000',
  'java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\rscript:alert(1)', 'java\u0000script:alert(1)', 'java\u007fscript:alert(1)', 'java\u0085script:alert(1)',
  'java\u200bscript:alert(1)', '\u200bjavascript:alert(1)', '\ufeffjavascript:alert(1)', '\u00a0javascript:alert(1)', '\u202ejavascript:alert(1)', '\u3000javascript:alert(1)',
  'javascript&colon;alert(1)', 'javascript&#58;alert(1)', 'javascript&#058alert(1)', 'javascript&#x3A;alert(1)', 'javascript&#X3a;alert(1)',
  '&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', 'jav&#x09;ascript:alert(1)', 'jav&Tab;ascript:alert(1)', 'jav&NewLine;ascript:alert(1)',
  'javascript%3Aalert(1)', 'javascript%3aalert(1)', '%6Aavascript:alert(1)', 'java%09script:alert(1)', 'java%0ascript:alert(1)',
  '%256Aavascript%253Aalert(1)', 'javascript&amp;colon;alert(1)', 'javascript&#38;#58;alert(1)', 'javascript%26%2358%3Balert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'DATA:image/svg+xml,<svg onload=alert(1)>', 'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)', 'VBScript:msgbox(1)', 'file:///etc/passwd', 'FILE://server/share/x.exe', 'file:c:/windows/system32/calc.exe',
  'blob:http://intranet.example.go.th/550e8400-e29b-41d4-a716-446655440000', 'filesystem:http://x/temporary/y',
  'ftp://ftp.example.go.th/x', 'tel:+6621234567', 'sms:+6621234567', 'intent://scan/#Intent;scheme=zxing;end', 'chrome://settings',
  'about:blank', 'jar:file:///x.jar!/y', 'view-source:http://example.com', 'ms-msdt:/id PCWDiagnostic', 'smb://server/share', 'x:y',
  '//evil.example/x', ' //evil.example/x', '\\\\evil.example\\share', '/\\evil.example/x', '\\/evil.example/x', '\\\\?\\c:\\x',
  'http:evil.example', 'https:evil.example', 'http:/evil.example', 'http:\\\\evil.example', 'http://', 'https://', 'https:',
  '', ' ', '\u0000', '\t\n',
];

/** Allowed links, with what is written (trimmed). */
const LINKS: Array<[string, string]> = [
  ['http://intranet.example.go.th/plans/', 'http://intranet.example.go.th/plans/'],
  ['HTTPS://EXAMPLE.GO.TH', 'HTTPS://EXAMPLE.GO.TH'],
  ['https://x.example/a?b=c#d', 'https://x.example/a?b=c#d'],
  ['https://intranet.example.go.th/ไฟล์/รายงาน.pdf', 'https://intranet.example.go.th/ไฟล์/รายงาน.pdf'],
  ['https://x.example/a)>>/S/JavaScript/JS(app.alert(1)', 'https://x.example/a)>>/S/JavaScript/JS(app.alert(1)'],
  ['mailto:it@example.go.th', 'mailto:it@example.go.th'],
  ['MailTo:it@example.go.th?subject=แผน', 'MailTo:it@example.go.th?subject=แผน'],
  ['/plans/2561/', '/plans/2561/'],
  ['plans/2561/projects/antivirus/', 'plans/2561/projects/antivirus/'],
  ['../reports/2561-01/', '../reports/2561-01/'],
  ['./x', './x'],
  ['#strategy-1', '#strategy-1'],
  ['?q=ไทย', '?q=ไทย'],
  ['files/%E0%B8%A3.pdf', 'files/%E0%B8%A3.pdf'],
  ['plans/a:b', 'plans/a:b'],
  ['/search/?q=a:b', '/search/?q=a:b'],
  ['  /plans/2561/ \n', '/plans/2561/'],
  ['\u200b/plans/', '/plans/'],
];

const IMAGES = ['images/chart.png', '/files/evidence/photo.jpg', './x.png', '../x.png', 'รูป.png'];

describe('the URL policy (safeHref)', () => {
  it.each(HOSTILE)('refuses %j as a link and as an image', (raw) => {
    expect(safeHref(raw)).toBeUndefined();
    expect(safeHref(raw, 'image')).toBeUndefined();
    expect(safeAbsoluteHref(raw)).toBeUndefined();
  });

  it.each(LINKS)('allows %j as a link', (raw, written) => {
    expect(safeHref(raw)).toBe(written);
  });

  it('allows images only from the site itself: relative paths, no scheme at all', () => {
    for (const src of IMAGES) expect(safeHref(src, 'image')).toBe(src);
    for (const src of ['http://intranet.example.go.th/x.png', 'https://x.example/y.png', 'mailto:a@b.example', '//x.example/y.png']) {
      expect(safeHref(src, 'image'), src).toBeUndefined();
    }
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 1, {}, ['http://x.example/']]) expect(safeHref(v)).toBeUndefined();
  });

  it('gives a PDF only absolute addresses (a relative /URI is a file path to a PDF reader)', () => {
    expect(safeAbsoluteHref('https://x.example/')).toBe('https://x.example/');
    expect(safeAbsoluteHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    for (const rel of ['/plans/', 'plans/', '#a', '?q']) expect(safeAbsoluteHref(rel), rel).toBeUndefined();
  });

  it('takes as a site address only an absolute http(s) one, as written', () => {
    for (const u of ['http://intranet.example.go.th/plans/', 'https://intranet.example.go.th', 'http://10.0.0.5:8080/plans']) expect(isSiteUrl(u), u).toBe(true);
    for (const u of ['mailto:it@example.go.th', 'javascript:alert(1)', 'http://x.example/?q', 'http://x.example/#a', ' http://x.example/', '/plans/', 'intranet.example.go.th/plans/', '//x.example/']) {
      expect(isSiteUrl(u), u).toBe(false);
    }
  });
});

const ORG = { name: 'หน่วยงาน', short_name: 'หน่วยงาน', units: [{ id: 'it', name: 'กลุ่มงาน' }] };

describe('site.url in organisation.yaml', () => {
  it.each(['javascript:alert(1)', 'javascript:alert(1)//http://x.example/', 'data:text/html,x', 'file:///etc/passwd', 'mailto:it@example.go.th',
    'intranet.example.go.th/plans/', '//intranet.example.go.th/', 'http://intranet.example.go.th/?q=1', 'ftp://x.example/', 'http://'])(
    'refuses %j with one message that says what to write', (url) => {
      const r = OrganisationSchema.safeParse({ ...ORG, site: { url } });
      expect(r.success).toBe(false);
      const issues = r.error!.issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toEqual(['site', 'url']);
      expect(issues[0]!.message).toContain('เช่น http://intranet.example.go.th/plans/');
    });

  it('takes an absolute http(s) address', () => {
    expect(OrganisationSchema.parse({ ...ORG, site: { url: 'http://intranet.example.go.th/plans/' } }).site.url).toBe('http://intranet.example.go.th/plans/');
  });

  it('is checked again where the book links to the site, whatever the model holds', () => {
    const kit = (siteUrl?: string) => ({ org: { siteUrl } }) as unknown as Kit;
    expect(siteHref(kit('http://intranet.example.go.th/plans'), 'plans/2561/')).toBe('http://intranet.example.go.th/plans/plans/2561/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/', 'mailto:x@y.example']) {
      expect(siteHref(kit(bad), 'plans/2561/'), bad).toBeUndefined();
    }
  });
});

/** Every /URI the PDF holds, from all of its objects (not only the pages' /Annots); no object may be a script
 *  or launch action (what an address breaking out of its string would write). */
async function pdfUris(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true });
  const out: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dicts = obj instanceof PDFDict ? [obj, doc.context.lookupMaybe(obj.get(PDFName.of('A')), PDFDict)] : [];
    for (const d of dicts) {
      expect(d?.has(PDFName.of('JS')) || ['/JavaScript', '/Launch', '/ImportData', '/SubmitForm'].includes(String(d?.get(PDFName.of('S'))))).toBe(false);
      const uri = d?.get(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) out.push(uri.decodeText());
      else if (uri !== undefined) out.push(String(uri));
    }
  }
  return [...new Set(out)];
}

describe('the PDF core', () => {
  it('writes a /URI action only for an allowed absolute address, whatever a caller passes', async () => {
    const links = ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example/', '/plans/', 'https://ok.example/a', 'mailto:it@example.go.th'];
    const blocks: Block[] = [{ type: 'paragraph', content: links.map((link, i) => ({ text: `ลิงก์ ${i} `, link })) }];
    const { bytes } = await renderPdf({ sections: [{ blocks }] });
    expect((await pdfUris(bytes)).sort()).toEqual(['https://ok.example/a', 'mailto:it@example.go.th']);
  });

  it('writes a /URI as an escaped ASCII string: an address holding ")" cannot end it and write objects of its own', async () => {
    const breakOut = 'https://x.example/a)>>/S/JavaScript/JS(app.alert(1)\\';
    const blocks: Block[] = [{ type: 'paragraph', content: [{ text: 'ก ', link: breakOut }, { text: 'ข', link: 'https://x.example/ไฟล์ 1' }] }];
    const { bytes } = await renderPdf({ sections: [{ blocks }] });
    expect((await pdfUris(bytes)).sort()).toEqual(['https://x.example/%E0%B9%84%E0%B8%9F%E0%B8%A5%E0%B9%8C%201', breakOut]);
    const f = join(mkdtempSync(join(tmpdir(), 'url-policy-')), 'uri.pdf');
    writeFileSync(f, bytes);
    expect(execFileSync('qpdf', ['--check', f], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('keeps the text of a refused Markdown link and resolves a relative one against the page it is on', () => {
    const blocks = mdastToBlocks(parseMarkdown('[อันตราย](javascript:alert(1)) [แผน](/plans/2561/) [ที่นี่](reports/) [ภายนอก](https://x.example/)'), { baseUrl: 'http://intranet.example.go.th/plans/2561/projects/a/' });
    const runs = blocks.flatMap((b) => (b.type === 'paragraph' ? (b.content as Array<{ text: string; link?: string }>) : []));
    expect(runs.map((r) => [r.text.trim(), r.link])).toEqual([
      ['อันตราย', undefined], ['', undefined], ['แผน', 'http://intranet.example.go.th/plans/2561/'], ['', undefined],
      ['ที่นี่', 'http://intranet.example.go.th/plans/2561/projects/a/reports/'], ['', undefined], ['ภายนอก', 'https://x.example/'],
    ]);
    const noBase = mdastToBlocks(parseMarkdown('[แผน](/plans/2561/)'));
    expect(noBase[0]!.type === 'paragraph' && (noBase[0]!.content as Array<{ link?: string }>)[0]!.link).toBeUndefined();
  });
});

describe('the site', () => {
  it('keeps a refused link as text without href, and a refused image as its alt text', () => {
    const html = markdownToHtml(parseMarkdown('[ก](java&#x09;script:alert(1)) [ข](/plans/) ![รูปภายนอก](https://evil.example/x.png) ![รูป](images/x.png) [ค](//evil.example/)'));
    expect(html).toContain('<a>ก</a>');
    expect(html).toContain('<a href="/plans/">ข</a>');
    expect(html).toContain('รูปภายนอก');
    expect(html).toContain('<img src="images/x.png" alt="รูป">');
    expect(html).toContain('<a>ค</a>');
    expect(html).not.toMatch(/evil|script:/);
  });
});

// ---- The fuzz test: Markdown fields with generated links and images, through the site, the PDF and the cards.

const SCHEMES = ['javascript', 'data', 'vbscript', 'file', 'blob', 'ftp', 'tel', 'http', 'https', 'mailto', 'intent', 'x-y.z+w'];
const BODIES = ['alert(1)', '//x.example/a)>>/S/JavaScript/JS(app.alert(1)', '//x.example/\\)', '//x.example/ไทย (1)', '//evil.example/x', 'text/html;base64,PHNjcmlwdD4=', '//intranet.example.go.th/plans/', 'it@example.go.th', '/etc/passwd', ''];
const RELATIVE = ['/plans/2561/', 'plans/2561/', '#a', '?q=1', '../x', 'images/x.png', '//evil.example/', '\\\\evil.example\\s'];

const mixCase = (s: string, mask: number) => [...s].map((c, i) => ((mask >> i % 16) & 1 ? c.toUpperCase() : c)).join('');
const encodings: Array<(c: string) => string> = [
  (c) => c, (c) => `&#${c.codePointAt(0)};`, (c) => `&#x${c.codePointAt(0)!.toString(16)};`, (c) => `&#${c.codePointAt(0)}`,
  (c) => `%${c.codePointAt(0)!.toString(16).padStart(2, '0')}`, (c) => `%25${c.codePointAt(0)!.toString(16).padStart(2, '0')}`,
  (c) => (c === ':' ? '&colon;' : c),
];
const JUNK = ['\t', '\n', '\r', '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', ' ', '\u00a0', '\u200b', '\u200e', '\u2028', '\u202e', '\u2060', '\ufeff', '\u3000', '&Tab;', '&NewLine;', '%09', '%0a', '%00'];

const address: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE, ...LINKS.map(([l]) => l), ...IMAGES),
  fc.constantFrom(...RELATIVE),
  // scheme (mixed case, one character encoded, junk inside and around) + body
  fc.record({
    scheme: fc.constantFrom(...SCHEMES), body: fc.constantFrom(...BODIES), mask: fc.nat(0xffff),
    at: fc.nat(12), enc: fc.nat(encodings.length - 1), junk: fc.constantFrom(...JUNK), where: fc.nat(3),
  }).map(({ scheme, body, mask, at, enc, junk, where }) => {
    const s = `${mixCase(scheme, mask)}:`;
    const i = at % s.length;
    const encoded = s.slice(0, i) + encodings[enc]!(s[i]!) + s.slice(i + 1);
    const j = at % (encoded.length + 1);
    const withJunk = where === 0 ? junk + encoded : where === 1 ? encoded.slice(0, j) + junk + encoded.slice(j) : where === 2 ? encoded + junk : encoded;
    return withJunk + body;
  }),
  fc.string({ maxLength: 24 }),
);

const WORDS = ['แผนงาน', 'โครงการ', 'ผลการดำเนินงาน', 'ขอบเขต', 'รายละเอียด', 'plan', 'ข้อมูล'];
const word = fc.constantFrom(...WORDS);
/** A destination in each Markdown form that carries one. */
const inlinePiece = fc.tuple(fc.nat(6), word, address).map(([form, text, url]) => {
  const pointy = url.replace(/[<>\n\\]/g, (c) => `\\${c}`);
  switch (form) {
    case 0: return `[${text}](${url})`;
    case 1: return `[${text}](<${pointy}>)`;
    case 2: return `![${text}](${url})`;
    case 3: return `![${text}](<${pointy}>)`;
    case 4: return `<${url}>`;
    case 5: return `<a href="${url}">${text}</a> <img src="${url}">`;
    default: return `[${text}][r]\n\n[r]: <${pointy}>\n`;
  }
});
const markdownField = fc
  .array(fc.array(fc.oneof(word, inlinePiece), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' ')), { minLength: 1, maxLength: 4 })
  .chain((paras) => fc.constantFrom('', '- ', '1. ', '> ', '## ').map((prefix) => paras.map((p) => prefix + p).join('\n\n')));

const BASE = 'http://intranet.example.go.th/plans/2561/projects/a/';
const ENTITY: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
const decodeAttr = (v: string) =>
  v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ENTITY[e] ?? m);

/** What a browser makes of a link on a page of the site: an allowed scheme, and another host only when written out. */
function browserAllowsLink(href: string): boolean {
  const u = URL.parse(href, BASE);
  if (!u || !['http:', 'https:', 'mailto:'].includes(u.protocol)) return false;
  return u.host === 'intranet.example.go.th' || /^(https?:\/\/|mailto:)/i.test(href);
}
/** An image loads from the site itself: a relative path resolving to the site's own origin. */
function browserAllowsImage(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && URL.parse(src, BASE)?.origin === 'http://intranet.example.go.th';
}

function elStrings(el: El | string | number | null | undefined | false | Array<unknown>, out: string[] = []): string[] {
  if (Array.isArray(el)) for (const c of el) elStrings(c as El, out);
  else if (typeof el === 'string') out.push(el);
  else if (el && typeof el === 'object') {
    for (const [k, v] of Object.entries(el.props)) if (k !== 'children' && k !== 'style' && typeof v === 'string') out.push(v);
    elStrings(el.props.children as El, out);
  }
  return out;
}

describe('fuzz: no rendered page, PDF annotation or card carries a non-allowed URL', () => {
  it('Markdown fields with generated links and images (site HTML, PDF /URI actions)', async () => {
    let links = 0;
    let uris = 0;
    await fc.assert(
      fc.asyncProperty(markdownField, async (md) => {
        const root = parseMarkdown(md);
        // the site: every href and src, as the browser reads the attribute
        const html = markdownToHtml(root);
        expect(html).not.toMatch(/<(script|iframe|style|object|embed)\b|\son\w+=/i);
        for (const [, name, value] of html.matchAll(/\s(href|src|srcset|action|formaction|xlink:href)="([^"]*)"/gi)) {
          const v = decodeAttr(value!);
          links++;
          if (name === 'href') expect(browserAllowsLink(v), `href ${JSON.stringify(v)} from ${JSON.stringify(md)}`).toBe(true);
          else if (name === 'src') expect(browserAllowsImage(v), `src ${JSON.stringify(v)} from ${JSON.stringify(md)}`).toBe(true);
          else throw new Error(`unexpected attribute ${name}`);
        }
        // the PDF: every /URI action is an allowed absolute address
        const { bytes } = await renderPdf({ sections: [{ blocks: mdastToBlocks(root, { baseUrl: BASE }) }] });
        for (const uri of await pdfUris(bytes)) {
          uris++;
          expect(/^(https?:\/\/|mailto:)/i.test(uri) && !/[\u0000-\u001f\u007f-\u009f]/.test(uri), `/URI ${JSON.stringify(uri)} from ${JSON.stringify(md)}`).toBe(true);
          expect(['http:', 'https:', 'mailto:']).toContain(URL.parse(uri)?.protocol);
        }
      }),
      { numRuns: 100, seed: 16 },
    );
    // the property saw real links on both sides, not only refused ones
    expect(links).toBeGreaterThan(50);
    expect(uris).toBeGreaterThan(20);
  }, 30_000);

  it('site.url through the schema into the cards\' footer and the book\'s links', () => {
    const model: Model = seedModel();
    const plan = model.plans[0]!;
    fc.assert(
      fc.property(address, (raw) => {
        const url = raw.trim();
        const parsed = OrganisationSchema.safeParse({ ...ORG, site: { url } });
        const siteUrl = parsed.success ? parsed.data.site.url : undefined;
        if (siteUrl !== undefined) expect(['http:', 'https:']).toContain(URL.parse(siteUrl)?.protocol);
        // what the model holds, or (to test the renderers' own gate) what was written, unchecked
        for (const held of [siteUrl, url]) {
          const org = { ...model.organisation, siteUrl: held };
          const c = { model, organisation: org, theme: templates.theme(org), fmt: formatter(org) };
          for (const s of elStrings(footer(c, plan, 'หมายเหตุ', 40))) {
            if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(s.trim()) || s === held) expect(isSiteUrl(s) && /^https?:\/\//i.test(s), `footer text ${JSON.stringify(s)}`).toBe(true);
          }
          const href = siteHref({ org } as unknown as Kit, 'plans/2561/');
          if (href !== undefined) expect(['http:', 'https:', 'mailto:']).toContain(URL.parse(href)?.protocol);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
