/**
 * Finds the summary-by-method table (o17) in a sheet and compares it with the list. Cells that
 * hold formulas are the spreadsheet's own arithmetic over the list and are not second-guessed.
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

export function findSummaryTable(grid: SheetGrid, def: SummaryDef): SummaryTable | undefined {
  const g = headerKey(def.headers.group);
  const c = headerKey(def.headers.count);
  const a = headerKey(def.headers.amount);
  const aliasesA = new Set([a, headerKey('งบประมาณ'), headerKey('จำนวนเงิน (บาท)'), headerKey('งบประมาณที่ใช้ (บาท)')]);
  const aliasesG = new Set([g, headerKey('วิธีการจัดซื้อจัดจ้าง'), headerKey('วิธีจัดซื้อจัดจ้าง'), headerKey('วิธีการ')]);
  const limit = Math.min(grid.rows.length, 40);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r] ?? [];
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
      if (grid.formulas?.has(`${r}:${col}`)) return;
      const v = grid.rows[r]?.[col] ?? null;
      const p = v === null || v === '' ? undefined : parseMoney(v);
      const got = p && p.ok ? p.value : undefined;
      if (got !== undefined && Math.abs(got - want) < 0.005) return;
      const shownWant = what === 'count' ? String(want) : formatMoney(want);
      const shownGot = got === undefined ? (v === null || v === '' ? 'ว่าง' : `"${String(v)}"`) : what === 'count' ? String(got) : formatMoney(got);
      out.push({
        severity: 'error', code: 'summary-mismatch', row: first + r, column: columnLetter(col), field: what,
        message: `${what === 'count' ? def.headers.count : def.headers.amount} ของ "${line.label}" เป็น ${shownGot} แต่รายการในแผ่นงาน "${listSheet}" รวมได้ ${shownWant}`,
        messageEn: `${what} of "${line.label}" is ${shownGot} but the list in "${listSheet}" adds up to ${shownWant}`,
        fix: { value: want, display: shownWant },
      });
    };
    check(table.countCol, line.count, 'count');
    check(table.amountCol, line.amount, 'amount');
  }
  return out;
}
