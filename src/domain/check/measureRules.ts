/**
 * Rules of the integrity-measures workbooks (ITA scores, o34 measures, o35 report, OIT checklist).
 * Like the procurement rules, each is small and named; the templates list the ones they use and
 * the editions carry the data (item catalogue, issue areas).
 */
import { toArabicDigits } from '../values/thaiDigits';
import { cellIssue, get, sheetIssue, type CheckedRecord, type RuleContext } from './context';
import type { RecordRule, SheetRule } from './rules';
import type { Issue } from './types';
import { MEASURE_DONE, MEASURE_NOT_DONE, PUBLISHED, NOT_PUBLISHED } from '../templates/measureOptions';

/** "o 1", "O1", "๑" and "ข้อ o1" all name item o1. */
export function itemKey(v: string): string {
  return toArabicDigits(v).toLowerCase().replace(/^ข้อ\s*/, '').replace(/[\s.]/g, '');
}

/** Text compared loosely: digits, spaces, numbering and punctuation do not matter. */
export function looseText(v: string): string {
  return toArabicDigits(v)
    .toLowerCase()
    .replace(/<\/?p>/g, '')
    .replace(/^\s*[(]?[0-9]{1,2}[).]\s*/, '')
    .replace(/[\s.,:;()"'“”\-–—/]/g, '');
}

const catalogueComplete: SheetRule = (records, ctx, out) => {
  const cat = ctx.rec.edition.catalogue;
  if (!cat) return;
  const known = new Map(cat.items.map((i) => [itemKey(i.value), i] as const));
  const seen = new Map<string, CheckedRecord>();
  for (const r of records) {
    const v = get<string | number>(ctx, r, cat.field);
    if (v === undefined) continue;
    const k = itemKey(String(v));
    const item = known.get(k);
    if (!item) {
      out.push(cellIssue(ctx, r, cat.field, 'warning', 'item-unknown',
        `ข้อ "${String(v)}" ไม่อยู่ในรายการของ ITA ${ctx.rec.edition.edition}`,
        `Item "${String(v)}" is not in the ${ctx.rec.edition.edition} list`));
      continue;
    }
    const first = seen.get(k);
    if (first) {
      out.push(cellIssue(ctx, r, cat.field, 'error', 'item-duplicate',
        `ข้อ ${item.value} ซ้ำกับแถว ${first.row}`, `Item ${item.value} repeats row ${first.row}`));
      continue;
    }
    seen.set(k, r);
  }
  for (const item of cat.items) {
    if (seen.has(itemKey(item.value))) continue;
    out.push(sheetIssue('error', 'item-missing',
      `ไม่มีข้อ ${item.value} ${item.label}`, `Item ${item.value} (${item.label}) is missing`, cat.field));
  }
};

function coversArea(text: string, area: { no: number; title: string; keywords: readonly string[] }): boolean {
  const t = toArabicDigits(text).trim();
  const numbered = new RegExp(`^\\(?${area.no}[).\\s]`);
  if (numbered.test(t)) return true;
  const loose = looseText(t);
  if (loose.includes(looseText(area.title))) return true;
  return area.keywords.some((k) => loose.includes(looseText(k)));
}

const coverage: SheetRule = (records, ctx, out) => {
  const cov = ctx.rec.edition.coverage;
  if (!cov) return;
  const texts = records.map((r) => get<string>(ctx, r, cov.field)).filter((t): t is string => typeof t === 'string');
  for (const area of cov.areas) {
    if (texts.some((t) => coversArea(t, area))) continue;
    out.push(sheetIssue('error', 'area-missing',
      `ยังไม่มีมาตรการสำหรับประเด็นที่ ${area.no} ${area.title}`,
      `No measure covers issue area ${area.no} (${area.title})`, cov.field));
  }
};

const doneNeedsResult: RecordRule = (r, ctx, out) => {
  const status = get<string>(ctx, r, 'status');
  if (status === MEASURE_DONE) {
    for (const key of ['summary', 'outcome']) {
      if (ctx.pos(key) < 0 || get(ctx, r, key) !== undefined) continue;
      const col = ctx.rec.template.columns[ctx.pos(key)];
      out.push(cellIssue(ctx, r, key, 'error', 'done-without-result',
        `มาตรการที่ดำเนินการแล้วต้องมี "${col.header}"`, `A measure marked done needs "${col.header}"`));
    }
  } else if (status === MEASURE_NOT_DONE) {
    const reason = ['note', 'summary'].some((k) => ctx.pos(k) >= 0 && get(ctx, r, k) !== undefined);
    if (!reason) {
      out.push(cellIssue(ctx, r, ctx.pos('note') >= 0 ? 'note' : 'summary', 'error', 'not-done-without-reason',
        'มาตรการที่ยังไม่ได้ดำเนินการต้องระบุเหตุผล', 'A measure not done needs a reason'));
    }
  }
};

/** The host of an http(s) address, lower-case, without "www."; undefined when unreadable. */
export function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/([^/:?#\s]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/^www\./, '') : undefined;
}

const publishedNeedsUrl: RecordRule = (r, ctx, out) => {
  const status = get<string>(ctx, r, 'status');
  const item = get<string | number>(ctx, r, 'no');
  const name = get<string>(ctx, r, 'name');
  const label = `ข้อ ${item ?? ''} ${name ?? ''}`.trim();
  if (status === NOT_PUBLISHED) {
    out.push(cellIssue(ctx, r, 'status', 'error', 'item-unpublished',
      `${label} ยังไม่ได้เผยแพร่: ข้อนี้จะได้ 0 คะแนน`, `${String(item ?? '')} is not published yet: it scores 0`));
    return;
  }
  if (status !== PUBLISHED) return;
  const url = get<string>(ctx, r, 'url');
  if (url === undefined) {
    // An unreadable URL is already reported by the field parser.
    if (ctx.pos('url') >= 0 && r.source[ctx.rec.indexOf.get('url') ?? -1] == null) {
      out.push(cellIssue(ctx, r, 'url', 'error', 'published-without-url',
        `${label} เผยแพร่แล้วแต่ไม่มีตำแหน่งข้อมูลบนเว็บไซต์ (URL)`, `${String(item ?? '')} is published but has no URL`));
    }
    return;
  }
  const site = ctx.website ? hostOf(ctx.website) : undefined;
  const host = hostOf(url);
  if (site && host && host !== site && !host.endsWith(`.${site}`)) {
    out.push(cellIssue(ctx, r, 'url', 'error', 'url-other-domain',
      `${label}: ${url} ไม่อยู่บนเว็บไซต์หลักของหน่วยงาน (${site}) ผู้ตรวจต้องเข้าถึงได้จากเว็บไซต์หลัก`,
      `${url} is not on the agency's own website (${site})`));
  }
};

const websiteKnown: SheetRule = (records, ctx, out: Issue[]) => {
  if (ctx.website || records.length === 0) return;
  out.push(sheetIssue('warning', 'website-unknown',
    'ไม่ทราบเว็บไซต์หลักของหน่วยงาน (ระบุในข้อมูลหน่วยงาน หรือ --website) จึงยังตรวจไม่ได้ว่า URL อยู่บนเว็บไซต์ของหน่วยงาน',
    "The agency's website is unknown (agency profile or --website): URLs were not checked against it"));
};

export const MEASURE_RECORD_RULES: Readonly<Record<string, RecordRule>> = {
  'done-needs-result': doneNeedsResult,
  'published-needs-url': publishedNeedsUrl,
};

export const MEASURE_SHEET_RULES: Readonly<Record<string, SheetRule>> = {
  'catalogue-complete': catalogueComplete,
  coverage,
  'website-known': websiteKnown,
};
