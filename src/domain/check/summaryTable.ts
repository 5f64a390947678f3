/**
 * Finds the summary-by-method table (o17) in a sheet — a sheet of its own, or above or below the
 * list — and compares it with the list read through the synonym rules. A typed number is compared
 * as it is; a formula by the value the spreadsheet last computed, saying which rows it misses when
 * they are the rows whose method is not in the official wording. Also finds the problems/obstacles
 * and suggestions part (o17's third element) and says when it is missing or empty.
 */
import { columnLetter, type CellValue, type SheetGrid } from '../grid';
import { headerKey } from '../recognize';
import type { SummaryDef } from '../templates/types';
import type { Summary } from '../summarize';
import { parseMoney, formatMoney } from '../values/money';
import type { Issue } from './types';

export interface SummaryTable {
  readonly headerIndex: number;
  readonly groupCol: number;
  readonly countCol: number;
  readonly amountCol: number;
  /** label key → row index */
  readonly rows: ReadonlyMap<string, number>;
}

const str = (v: CellValue | undefined) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** Rows to search: [from, to) 0-based grid rows; by default the top 40 rows. */
export interface SearchRange {
  readonly from: number;
  readonly to: number;
}

/** The cheap pre-test of a row: a summary header names a count (จำนวนรายการ, จำนวนโครงการ). */
const COUNT_WORD = /จำนวน/;

export function findSummaryTable(grid: SheetGrid, def: SummaryDef, range?: SearchRange): SummaryTable | undefined {
  const g = headerKey(def.headers.group);
  const c = headerKey(def.headers.count);
  const a = headerKey(def.headers.amount);
  const aliasesA = new Set([a, headerKey('งบประมาณ'), headerKey('จำนวนเงิน (บาท)'), headerKey('งบประมาณที่ใช้ (บาท)')]);
  const aliasesG = new Set([g, headerKey('วิธีการจัดซื้อจัดจ้าง'), headerKey('วิธีจัดซื้อจัดจ้าง'), headerKey('วิธีการ')]);
  const from = Math.max(0, range?.from ?? 0);
  const limit = Math.min(grid.rows.length, range?.to ?? 40);
  for (let r = from; r < limit; r++) {
    const row = grid.rows[r] ?? [];
    if (!row.some((v) => typeof v === 'string' && COUNT_WORD.test(v))) continue;
    let groupCol = -1, countCol = -1, amountCol = -1;
    row.forEach((v, i) => {
      const k = headerKey(str(v));
      if (!k) return;
      if (groupCol < 0 && aliasesG.has(k)) groupCol = i;
      else if (countCol < 0 && (k === c || k === headerKey('จำนวน') || k === headerKey('จำนวนโครงการ'))) countCol = i;
      else if (amountCol < 0 && aliasesA.has(k)) amountCol = i;
    });
    if (groupCol < 0 || countCol < 0 || amountCol < 0) continue;
    const rows = new Map<string, number>();
    const labels = [...def.groups.map((x) => x.label), def.totalLabel];
    for (let rr = r + 1; rr < grid.rows.length && rr < r + 30; rr++) {
      const k = headerKey(str(grid.rows[rr]?.[groupCol]));
      if (!k) continue;
      const label = labels.find((l) => matchesLabel(k, l));
      if (label && !rows.has(label)) rows.set(label, rr);
    }
    return { headerIndex: r, groupCol, countCol, amountCol, rows };
  }
  return undefined;
}

/** "วิธีประกาศเชิญชวนทั่วไป" matches the label "วิธีประกาศเชิญชวนทั่วไป (e-Market, e-Bidding, สอบราคา)". */
function matchesLabel(k: string, label: string): boolean {
  const full = headerKey(label);
  const short = headerKey(label.replace(/\(.*\)/, ''));
  return k === full || k === short || k.startsWith(short);
}

export function compareSummary(grid: SheetGrid, table: SummaryTable, computed: Summary, def: SummaryDef, listSheet: string): Issue[] {
  const out: Issue[] = [];
  const first = grid.firstRow ?? 1;
  const expected = [...computed.lines, computed.total];
  for (const line of expected) {
    const r = table.rows.get(line.label);
    if (r === undefined) {
      out.push({ severity: 'error', code: 'summary-row-missing', row: null, column: null, field: null,
        message: `ตารางสรุปไม่มีแถว "${line.label}"`, messageEn: `The summary has no row "${line.label}"` });
      continue;
    }
    const check = (col: number, want: number, what: 'count' | 'amount') => {
      const v = grid.rows[r]?.[col] ?? null;
      const formula = grid.formulas?.has(`${r}:${col}`) ?? false;
      // A formula never computed (a file written by a program, not yet opened) has no value to compare.
      if (formula && (v === null || v === '')) return;
      const p = v === null || v === '' ? undefined : parseMoney(v);
      const got = p && p.ok ? p.value : undefined;
      if (got !== undefined && Math.abs(got - want) < 0.005) return;
      const shownWant = what === 'count' ? String(want) : formatMoney(want);
      const shownGot = got === undefined ? (v === null || v === '' ? 'ว่าง' : `"${String(v)}"`) : what === 'count' ? String(got) : formatMoney(got);
      const header = what === 'count' ? def.headers.count : def.headers.amount;
      if (formula) {
        // The formula's result is the spreadsheet's: say why it differs, and leave the formula alone.
        // Which rows does it miss? Those not in the official wording (a formula of an older `new`,
        // or typed by hand), or those in none of the wordings the current formulas count.
        const rw = [line.reworded, line.unlisted].find((m) => m !== undefined && got !== undefined
          && Math.abs(got + (what === 'count' ? m.count : m.amount) - want) < 0.005);
        const explained = rw !== undefined;
        const rows = rw ? rw.rows.slice(0, 8).join(', ') + (rw.rows.length > 8 ? ' …' : '') : '';
        out.push({
          severity: 'error', code: 'summary-formula-misses-rows', row: first + r, column: columnLetter(col), field: what,
          message: explained
            ? `สูตรใน ${header} ของ "${line.label}" ได้ ${shownGot} แต่รายการในแผ่นงาน "${listSheet}" รวมได้ ${shownWant}: สูตรนับเฉพาะคำตามแบบฟอร์ม ขาด ${rw?.count} แถวที่เขียนวิธีการจัดซื้อจัดจ้างต่างออกไป (แถว ${rows}) — ใช้การแก้ไขอัตโนมัติเปลี่ยนคำในรายการให้ตรงแบบฟอร์มก่อน แล้วเปิดไฟล์ใน Excel ให้คำนวณใหม่`
            : `สูตรใน ${header} ของ "${line.label}" ได้ ${shownGot} แต่รายการในแผ่นงาน "${listSheet}" รวมได้ ${shownWant}: ตรวจช่วงแถวและเงื่อนไขของสูตร`,
          messageEn: explained
            ? `The formula for the ${what} of "${line.label}" gives ${shownGot} but the list in "${listSheet}" adds up to ${shownWant}: it counts only the official wording and misses ${rw?.count} rows whose method is worded otherwise (rows ${rows}); normalise the list (the synonym fixes) and recalculate`
            : `The formula for the ${what} of "${line.label}" gives ${shownGot} but the list in "${listSheet}" adds up to ${shownWant}: check its range and criteria`,
        });
        return;
      }
      out.push({
        severity: 'error', code: 'summary-mismatch', row: first + r, column: columnLetter(col), field: what,
        message: `${header} ของ "${line.label}" เป็น ${shownGot} แต่รายการในแผ่นงาน "${listSheet}" รวมได้ ${shownWant}`,
        messageEn: `${what} of "${line.label}" is ${shownGot} but the list in "${listSheet}" adds up to ${shownWant}`,
        fix: { value: want, display: shownWant },
      });
    };
    check(table.countCol, line.count, 'count');
    check(table.amountCol, line.amount, 'amount');
  }
  return out;
}

/** The words that name a part of the notes: "ปัญหา อุปสรรค" → ปัญหา, อุปสรรค. */
function noteWords(label: string): string[] {
  return label.split(/[\s/,]+/).map((w) => w.trim()).filter((w) => w.length > 1);
}

/** What a label cell says beyond its label words ("ปัญหา อุปสรรค: ไม่มี" says "ไม่มี"). */
function beyondLabel(text: string, words: readonly string[]): string {
  let rest = text;
  for (const w of words) rest = rest.split(w).join('');
  return rest.split('และ').join('').replace(/[\s:：.\-–—/()（）๑-๙0-9]/g, '');
}

export interface NotesFinding {
  readonly label: string;
  /** 0-based grid row and column of the label, when found. */
  readonly at?: { readonly row: number; readonly col: number };
  readonly filled: boolean;
}

/**
 * The problems/obstacles and suggestions part under a summary: each label of `def.notes` and the
 * text that goes with it — in the label's cell after the label, to its right, or on the next rows.
 */
export function findNotes(grid: SheetGrid, def: SummaryDef, range: SearchRange): NotesFinding[] {
  const all = def.notes.map(noteWords);
  const allWords = all.flat();
  const labelIn = (text: string) => allWords.some((w) => text.includes(w));
  const to = Math.min(grid.rows.length, range.to);
  return def.notes.map((label, n) => {
    const words = all[n];
    for (let r = Math.max(0, range.from); r < to; r++) {
      const row = grid.rows[r] ?? [];
      const col = row.findIndex((v) => typeof v === 'string' && words.some((w) => v.includes(w)) && v.length < 200);
      if (col < 0) continue;
      const cell = str(row[col]);
      const otherWords = allWords.filter((w) => !words.includes(w));
      if (beyondLabel(cell, allWords).length > 2) return { label, at: { row: r, col }, filled: true };
      if (row.some((v, i) => i > col && str(v).trim() !== '' && !labelIn(str(v)))) return { label, at: { row: r, col }, filled: true };
      // The text under the label, before the next label.
      for (let rr = r + 1; rr < Math.min(to, r + 4); rr++) {
        const next = (grid.rows[rr] ?? []).map(str).filter((t) => t.trim() !== '');
        if (next.length === 0) continue;
        if (next.some((t) => otherWords.some((w) => t.includes(w)))) break; // the next part's label
        return { label, at: { row: r, col }, filled: true };
      }
      return { label, at: { row: r, col }, filled: false };
    }
    return { label, filled: false };
  });
}

/** Issues for the notes part: missing labels (one sheet issue), labels with nothing under them. */
export function notesIssues(grid: SheetGrid, found: readonly NotesFinding[]): Issue[] {
  const first = grid.firstRow ?? 1;
  const out: Issue[] = [];
  const missing = found.filter((f) => !f.at).map((f) => f.label);
  if (missing.length) {
    out.push({ severity: 'error', code: 'summary-notes-missing', row: null, column: null, field: 'notes',
      message: `ยังไม่มีส่วน ${missing.map((m) => `"${m}"`).join(' และ ')} ของรายงานสรุปผลการจัดซื้อจัดจ้างประจำปี (ถ้าไม่มี ให้เขียนว่า "ไม่มี")`,
      messageEn: `The annual summary has no ${missing.map((m) => `"${m}"`).join(' or ')} part (write "ไม่มี" when there is none)` });
  }
  for (const f of found) {
    if (!f.at || f.filled) continue;
    out.push({ severity: 'error', code: 'summary-notes-empty', row: first + f.at.row + 1, column: columnLetter(f.at.col), field: 'notes',
      message: `ยังไม่ได้เขียน "${f.label}" (ใต้หัวข้อในแถว ${first + f.at.row}; ถ้าไม่มี ให้เขียนว่า "ไม่มี")`,
      messageEn: `"${f.label}" is empty (under its label on row ${first + f.at.row}; write "ไม่มี" when there is none)` });
  }
  return out;
}
