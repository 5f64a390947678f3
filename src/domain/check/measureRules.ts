/**
 * Rules of the integrity-measures workbooks (ITA scores, o34 measures, o35 report, OIT checklist).
 * Like the procurement rules, each is small and named; the templates list the ones they use and
 * the editions carry the data (item catalogue, issue areas).
 */
import { toArabicDigits } from '../values/thaiDigits';
import { cellIssue, get, sheetIssue, sourceOf, type CheckedRecord, type RuleContext } from './context';
import { isEmptyCell } from './records';
import { urlsIn } from './fields';
import type { Recognition } from '../recognize';
import type { RecordRule, SheetRule } from './rules';
import type { Issue } from './types';
import { MEASURE_DONE, MEASURE_NOT_DONE, PUBLISHED, NOT_PUBLISHED } from '../templates/measureOptions';
import { LIMITATIONS_WORD } from '../templates/measures';

import { itemKey } from '../recognize';

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

/** Ticked boxes in a result cell ("☑ ดำเนินการ ดังนี้ …", "☐ ยังไม่ได้ดำเนินการ"), as seeds 000 and 004 write them. */
const TICKED = /[☑☒✓✔√]\s*(ยังไม่ได้|ยังไม่|ไม่ได้)?\s*ดำเนินการ/;

/** A measure's status: the status column, else the ticked box of its result cell. */
function measureStatusOf(ctx: RuleContext, r: CheckedRecord): string | undefined {
  const status = get<string>(ctx, r, 'status');
  if (status !== undefined) return status;
  const text = get<string>(ctx, r, 'summary');
  const m = text === undefined ? null : TICKED.exec(text);
  if (!m) return undefined;
  return m[1] ? MEASURE_NOT_DONE : MEASURE_DONE;
}

/** The result cell holds more than its status boxes. */
function hasResultText(text: string | undefined): boolean {
  if (text === undefined) return false;
  const rest = text.replace(/[☐☑☒✓✔√]\s*(ยังไม่ได้|ยังไม่|ไม่ได้)?\s*ดำเนินการ(\s*ดังนี้)?/g, '').replace(/[\s/.:\-]/g, '');
  return rest.length > 0;
}

const doneNeedsResult: RecordRule = (r, ctx, out) => {
  const status = measureStatusOf(ctx, r);
  const header = (key: string) => ctx.rec.template.columns[ctx.pos(key)]?.header ?? key;
  const missing = (key: string) => ctx.rec.indexOf.has(key) && (key === 'summary' ? !hasResultText(get<string>(ctx, r, key)) : get(ctx, r, key) === undefined);
  if (status === MEASURE_NOT_DONE) {
    const reason = ['note', 'summary'].some((k) => ctx.rec.indexOf.has(k) && hasResultText(get<string>(ctx, r, k)));
    if (!reason) {
      out.push(cellIssue(ctx, r, ctx.rec.indexOf.has('note') ? 'note' : 'summary', 'error', 'not-done-without-reason',
        'มาตรการที่ยังไม่ได้ดำเนินการต้องระบุเหตุผล', 'A measure not done needs a reason'));
    }
    return;
  }
  // Done, or no status at all: o35 asks for the summary and the outcome of every measure.
  for (const key of ['summary', 'outcome']) {
    if (!missing(key)) continue;
    out.push(cellIssue(ctx, r, key, 'error', status === MEASURE_DONE ? 'done-without-result' : 'measure-without-result',
      status === MEASURE_DONE ? `มาตรการที่ดำเนินการแล้วต้องมี "${header(key)}"` : `ยังไม่ได้กรอก "${header(key)}" ของมาตรการนี้`,
      status === MEASURE_DONE ? `A measure marked done needs "${header(key)}"` : `"${header(key)}" of this measure is empty`));
  }
};

/** The row of o34 that analyses the agency's limitations rather than an issue area. */
function isLimitationsRow(ctx: RuleContext, r: CheckedRecord): boolean {
  const issue = get<string>(ctx, r, 'issue');
  return issue !== undefined && LIMITATIONS_WORD.test(issue);
}

const MEASURE_PARTS = ['action', 'responsible', 'steps', 'period'] as const;

/** Each o34 issue needs its four parts; the limitations row needs its analysis. */
const measureComponents: RecordRule = (r, ctx, out) => {
  const header = (key: string) => ctx.rec.template.columns[ctx.pos(key)]?.header ?? key;
  const blank = (key: string) => ctx.rec.indexOf.has(key) && isEmptyCell(sourceOf(ctx, r, key));
  const issue = (get<string>(ctx, r, 'issue') ?? '').replace(/\s+/g, ' ').slice(0, 60);
  if (isLimitationsRow(ctx, r)) {
    if (blank('action')) {
      out.push(cellIssue(ctx, r, 'action', 'error', 'limitations-empty',
        `ยังไม่ได้วิเคราะห์ข้อจำกัดของหน่วยงาน (กรอกใน "${header('action')}")`, "The agency's limitations are not analysed yet"));
    }
    return;
  }
  for (const key of MEASURE_PARTS) {
    if (!blank(key)) continue;
    out.push(cellIssue(ctx, r, key, 'error', 'measure-part-missing',
      `ประเด็น "${issue}" ยังไม่มี "${header(key)}"`, `Issue "${issue}" has no "${header(key)}"`));
  }
};

const limitationsStated: SheetRule = (records, ctx, out) => {
  // The 2567 requirement (the edition that lists the seven areas) also asks for the limitations.
  if (!ctx.rec.edition.coverage || records.some((r) => isLimitationsRow(ctx, r))) return;
  out.push(sheetIssue('error', 'limitations-missing',
    `ยังไม่มีการวิเคราะห์ข้อจำกัดของหน่วยงาน (เพิ่มแถว "ข้อจำกัดของหน่วยงาน…" ในคอลัมน์ประเด็น)`,
    "The analysis of the agency's limitations is missing", 'issue'));
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
  if (!site) return;
  // The navigation path around the address is fine; one address in the cell must be on the
  // agency's site (another beside it, an ITAS or social-media link, is extra information).
  const src = sourceOf(ctx, r, 'url');
  const urls = typeof src === 'string' ? urlsIn(src) : [];
  const all = urls.length ? urls : [url];
  const onSite = (u: string) => {
    const host = hostOf(u);
    return host !== undefined && (host === site || host.endsWith(`.${site}`));
  };
  if (all.some(onSite)) return;
  const u = all[0];
  out.push(cellIssue(ctx, r, 'url', 'error', 'url-other-domain',
    `${label}: ${u} ไม่อยู่บนเว็บไซต์หลักของหน่วยงาน (${site}) ผู้ตรวจต้องเข้าถึงได้จากเว็บไซต์หลัก`,
    `${u} is not on the agency's own website (${site})`));
};

const websiteKnown: SheetRule = (records, ctx, out: Issue[]) => {
  if (ctx.website || records.length === 0) return;
  out.push(sheetIssue('warning', 'website-unknown',
    'ไม่ทราบเว็บไซต์หลักของหน่วยงาน (ระบุในข้อมูลหน่วยงาน หรือ --website) จึงยังตรวจไม่ได้ว่า URL อยู่บนเว็บไซต์ของหน่วยงาน',
    "The agency's website is unknown (agency profile or --website): URLs were not checked against it"));
};

export const MEASURE_RECORD_RULES: Readonly<Record<string, RecordRule>> = {
  'done-needs-result': doneNeedsResult,
  'measure-components': measureComponents,
  'published-needs-url': publishedNeedsUrl,
};

export const MEASURE_SHEET_RULES: Readonly<Record<string, SheetRule>> = {
  'catalogue-complete': catalogueComplete,
  coverage,
  'website-known': websiteKnown,
  'limitations-stated': limitationsStated,
};

/** A sheet's check, for rules that compare two sheets of a workbook. */
interface CheckedSheet {
  readonly sheet: string;
  readonly check: { readonly recognition?: Recognition; readonly records: readonly CheckedRecord[] };
}

export type CrossRule = (self: CheckedSheet, other: CheckedSheet) => Issue[];

/** Character pairs of a text (for a tolerant comparison of measure names). */
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Two measure texts name the same measure: one contains the other, or most of their letters pair up. */
export function sameMeasure(a: string, b: string): boolean {
  const x = looseText(a);
  const y = looseText(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const g of bx) if (by.has(g)) common++;
  return (2 * common) / (bx.size + by.size) >= 0.6;
}

function fieldText(c: CheckedSheet['check'], r: CheckedRecord, key: string): string | undefined {
  const rec = c.recognition;
  const p = rec ? rec.template.columns.findIndex((col) => col.key === key) : -1;
  const v = p < 0 ? undefined : r.values[p];
  return typeof v === 'string' ? v : undefined;
}

/** Every measure of the o34 sheet appears in the o35 report (a warning per measure left out). */
const measuresInReport: CrossRule = (report, analysis) => {
  const reported = report.check.records.map((r) => fieldText(report.check, r, 'measure')).filter((t): t is string => t !== undefined);
  const out: Issue[] = [];
  for (const r of analysis.check.records) {
    const measure = fieldText(analysis.check, r, 'action');
    const issue = fieldText(analysis.check, r, 'issue') ?? '';
    if (!measure || LIMITATIONS_WORD.test(issue)) continue;
    if (reported.some((t) => sameMeasure(t, measure))) continue;
    const short = measure.replace(/\s+/g, ' ').slice(0, 80);
    out.push(sheetIssue('warning', 'measure-not-reported',
      `มาตรการ "${short}" (แผ่นงาน ${analysis.sheet} แถว ${r.row}) ยังไม่อยู่ในรายงานผลการดำเนินการ`,
      `Measure "${short}" (sheet ${analysis.sheet}, row ${r.row}) is not in the report`, 'measure'));
  }
  return out;
};

export const CROSS_RULES: Readonly<Record<string, CrossRule>> = {
  'measures-in-report': measuresInReport,
};
