/**
 * Rules of the procurement plan (o14): an item listed twice, an item of the operating budget in a
 * plan of the capital budget, and, across sheets, a signed contract (o16) that no plan item of the
 * same fiscal year announces.
 */
import { formatMoney } from '../values/money';
import { CAPITAL_WORDS, OPERATING_BUDGET_WORDS, REPAIR_WORDS, STATUS_CANCELLED, STATUS_NOT_SIGNED } from '../templates/options';
import { cellIssue, get, type CheckedRecord } from './context';
import { looseText, sameMeasure, type CrossRule } from './measureRules';
import type { RecordRule, SheetRule } from './rules';
import type { Issue } from './types';
import { columnLetter } from '../grid';

const squash = (s: string) => s.replace(/\s+/g, '');

/** The item's name says operating budget (วัสดุ, จ้างเหมาบริการ …): the word that says so, if any. */
function operatingBudgetWord(item: string): string | undefined {
  const t = squash(item);
  const word = OPERATING_BUDGET_WORDS.find((w) => t.includes(squash(w)));
  if (word) return word;
  const repair = REPAIR_WORDS.find((w) => t.includes(w));
  if (repair && !CAPITAL_WORDS.some((w) => t.includes(w))) return repair;
  return undefined;
}

const capitalBudgetOnly: RecordRule = (r, ctx, out) => {
  const item = get<string>(ctx, r, 'item');
  if (!item) return;
  const word = operatingBudgetWord(item);
  if (!word) return;
  out.push(cellIssue(ctx, r, 'item', 'warning', 'plan-operating-budget',
    `"${item.replace(/\s+/g, ' ').slice(0, 60)}" ดูเป็นรายการงบดำเนินงาน (${word}): แผนการจัดซื้อจัดจ้าง ${ctx.rec.edition.item} แสดงเฉพาะงบลงทุน (ครุภัณฑ์ ที่ดินและสิ่งก่อสร้าง)`,
    `"${item.slice(0, 60)}" looks like operating budget (${word}); the procurement plan lists the capital budget only`));
};

/** Two rows with the same item and budget: the plan lists the item twice. */
const planItemDuplicate: SheetRule = (records, ctx, out) => {
  const seen = new Map<string, CheckedRecord>();
  for (const r of records) {
    const item = get<string>(ctx, r, 'item');
    if (!item) continue;
    const budget = get<number>(ctx, r, 'budget');
    const key = `${looseText(item)}|${budget ?? ''}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    out.push(cellIssue(ctx, r, 'item', 'error', 'plan-item-duplicate',
      `รายการซ้ำกับแถว ${first.row} (งานและวงเงิน${budget === undefined ? '' : ` ${formatMoney(budget)} บาท`} เดียวกัน): ลบแถวที่ซ้ำ`,
      `This item repeats row ${first.row} (same item and budget)`));
  }
};

export const PLAN_RECORD_RULES: Readonly<Record<string, RecordRule>> = {
  'capital-budget-only': capitalBudgetOnly,
};

export const PLAN_SHEET_RULES: Readonly<Record<string, SheetRule>> = {
  'plan-item-duplicate': planItemDuplicate,
};

/** A value of a record by field key, through the sheet's own template. */
function field(c: Parameters<CrossRule>[0]['check'], r: CheckedRecord, key: string): unknown {
  const p = c.recognition ? c.recognition.template.columns.findIndex((col) => col.key === key) : -1;
  return p < 0 ? undefined : r.values[p];
}

/**
 * Every signed contract of the capital budget in o16 has its item in the plan (o14) of the same
 * fiscal year: the same work (names alike) or the same allocated budget. Operating-budget
 * purchases are not in the plan and are left out.
 */
const contractsInPlan: CrossRule = (progress, plan) => {
  const items = plan.check.records.map((r) => ({
    name: field(plan.check, r, 'item'),
    budget: field(plan.check, r, 'budget'),
  }));
  const rec = progress.check.recognition;
  const itemIdx = rec?.indexOf.get('item');
  const out: Issue[] = [];
  for (const r of progress.check.records) {
    const status = field(progress.check, r, 'status');
    const signed = field(progress.check, r, 'signDate') instanceof Date;
    if (status === STATUS_NOT_SIGNED || status === STATUS_CANCELLED || (!signed && status === undefined)) continue;
    const name = field(progress.check, r, 'item');
    if (typeof name !== 'string' || operatingBudgetWord(name)) continue;
    const budget = field(progress.check, r, 'budget');
    const planned = items.some((i) => (typeof i.name === 'string' && sameMeasure(i.name, name)) || (typeof budget === 'number' && budget > 0 && i.budget === budget));
    if (planned) continue;
    const short = name.replace(/\s+/g, ' ').slice(0, 60);
    out.push({
      severity: 'warning', code: 'contract-not-in-plan', row: r.row, column: itemIdx === undefined ? null : columnLetter(itemIdx), field: 'item',
      message: `"${short}" ลงนามในสัญญาแล้ว แต่ไม่พบในแผนการจัดซื้อจัดจ้าง (แผ่นงาน "${plan.sheet}") ของปีงบประมาณเดียวกัน: ตรวจสอบว่าอยู่ในแผนหรือเป็นงบดำเนินงาน`,
      messageEn: `"${short}" has a signed contract but no item of the plan in sheet "${plan.sheet}" (same fiscal year) matches it`,
    });
  }
  return out;
};

export const PLAN_CROSS_RULES: Readonly<Record<string, CrossRule>> = {
  'contracts-in-plan': contractsInPlan,
};
