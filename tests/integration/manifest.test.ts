/**
 * @jest-environment jsdom
 *
 * The add-in manifest, checked offline (Microsoft's validator is a web service): well-formed XML,
 * a GUID Id, Thai and English names, the requirement set, every resource reference resolved, and
 * every address it names present in the build (`npm run build:taskpane` → dist/), icons at their
 * pixel sizes. jsdom is here only for its XML parser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, ROOT } from '../e2e/buildDist';

const DIST = join(ROOT, 'dist');
const DEV_BASE = 'https://localhost:3000/';
const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

/** Every http(s) address in an attribute or text node of the document (namespace names aside). */
function urls(doc: Document): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const a of Array.from(el.attributes)) {
      if (a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      if (/^https?:\/\//.test(a.value)) out.push(a.value);
    }
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType === 3 && /^\s*https?:\/\//.test(c.textContent ?? '')) out.push((c.textContent ?? '').trim());
      if (c.nodeType === 1) walk(c as Element);
    }
  };
  walk(doc.documentElement);
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function fileFor(url: string, base: string, dir: string): string {
  expect(url.startsWith(base) ? url : `${url} is not under ${base}`).toBe(url);
  return join(dir, new URL(url).pathname.slice(new URL(base).pathname.length));
}

describe('manifest.xml', () => {
  let doc: Document;
  const child = (el: Element | Document, name: string, ns = OFFICE_NS) => {
    const found = (el as Element).getElementsByTagNameNS(ns, name)[0];
    if (!found) throw new Error(`no <${name}>`);
    return found;
  };

  beforeAll(() => {
    buildDist(DIST, 'production');
    doc = parse(readFileSync(join(DIST, 'manifest.xml'), 'utf8'));
  }, 240_000);

  it('is a task pane add-in for Excel workbooks', () => {
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(OFFICE_NS);
    expect(root.getAttributeNS(XSI_NS, 'type')).toBe('TaskPaneApp');
    expect(child(child(doc, 'Hosts'), 'Host').getAttribute('Name')).toBe('Workbook');
  });

  it('has a GUID Id, a four-part Version and a provider', () => {
    expect(child(doc, 'Id').textContent?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(doc, 'Version').textContent?.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(doc, 'ProviderName').textContent?.trim()).not.toBe('');
  });

  it('is Thai by default with an English override', () => {
    expect(child(doc, 'DefaultLocale').textContent?.trim()).toBe('th-TH');
    const name = child(doc, 'DisplayName');
    expect(name.getAttribute('DefaultValue')).toMatch(/[\u0E00-\u0E7F]/);
    const en = Array.from(name.getElementsByTagNameNS(OFFICE_NS, 'Override')).find((o) => o.getAttribute('Locale') === 'en-US');
    expect(en?.getAttribute('Value')).toMatch(/^[\x20-\x7E]+$/);
  });

  it('declares ExcelApi 1.1 as its requirement (Office 2016 and later)', () => {
    const sets = child(child(doc, 'Requirements'), 'Sets');
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.1');
    const set = Array.from(sets.getElementsByTagNameNS(OFFICE_NS, 'Set')).find((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(set?.getAttribute('MinVersion')).toBe('1.1');
  });

  it('has a ribbon button that opens the task pane, and every resid resolves', () => {
    const actions = Array.from(doc.getElementsByTagName('Action'));
    expect(actions.map((a) => a.getAttributeNS(XSI_NS, 'type'))).toEqual(['ShowTaskpane']);
    const ids = new Set(
      ['Image', 'Url', 'String'].flatMap((n) => Array.from(doc.getElementsByTagNameNS(BT_NS, n)).map((e) => e.getAttribute('id'))).filter(Boolean),
    );
    const refs = Array.from(doc.getElementsByTagName('*')).map((e) => e.getAttribute('resid')).filter((r): r is string => r !== null);
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(ids.has(r) ? r : `unresolved resid ${r}`).toBe(r);
  });

  it('names only addresses that exist in dist/', () => {
    const all = urls(doc);
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) {
      const file = fileFor(u, DEV_BASE, DIST);
      expect(existsSync(file) ? u : `missing in dist/: ${u}`).toBe(u);
    }
    const taskpane = Array.from(doc.getElementsByTagNameNS(BT_NS, 'Url')).find((e) => e.getAttribute('id') === 'Taskpane.Url');
    expect(taskpane?.getAttribute('DefaultValue')).toBe(`${DEV_BASE}taskpane.html`);
    expect(child(child(doc, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe(`${DEV_BASE}taskpane.html`);
    // The pane page loads Office.js from Microsoft's CDN, and its own bundle.
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toMatch(/<script[^>]+src="?taskpane\.[0-9a-f]+\.js/);
  });

  it('has icons of the sizes it declares', () => {
    expect(pngSize(fileFor(child(doc, 'IconUrl').getAttribute('DefaultValue') ?? '', DEV_BASE, DIST))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileFor(child(doc, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', DEV_BASE, DIST))).toEqual({ width: 64, height: 64 });
    const images = Array.from(doc.getElementsByTagNameNS(BT_NS, 'Image')).filter((e) => e.getAttribute('id'));
    expect(images.length).toBe(3);
    for (const img of images) {
      const size = Number(/(\d+)x\1$/.exec(img.getAttribute('id') ?? '')?.[1]);
      expect(pngSize(fileFor(img.getAttribute('DefaultValue') ?? '', DEV_BASE, DIST))).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(DIST, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it('is written with the production address from ITA_FORMS_BASE_URL', () => {
    const out = mkdtempSync(join(tmpdir(), 'ita-forms-manifest-'));
    try {
      const base = 'https://addin.example.go.th/ita-forms/';
      buildDist(out, 'development', { ITA_FORMS_BASE_URL: base.slice(0, -1) });
      const built = parse(readFileSync(join(out, 'manifest.xml'), 'utf8'));
      const all = urls(built);
      expect(all.length).toBe(urls(doc).length);
      for (const u of all) {
        const file = fileFor(u, base, out);
        expect(existsSync(file) ? u : `missing: ${u}`).toBe(u);
      }
      expect(readFileSync(join(out, 'manifest.xml'), 'utf8')).not.toContain('localhost');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});
