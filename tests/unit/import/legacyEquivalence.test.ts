/**
 * The import maps each candidate as it streams past (candidateRows.ts) instead of holding every
 * source record until all were read, then mapping them in date order. Nothing the officer sees may
 * change: the result — rows and their cells, counts, skipped, duplicates, conflicts, the check's
 * issues, personal IDs, the o17 summary, the placement — is compared with the former pipeline's
 * (tests/unit/import/legacy) on realistic e-GP files: Thai digits, BE dates, "๑,๒๐๐ บาท",
 * repeated rows, a project with several contracts, unmappable rows, other agencies, rows outside
 * the window, and an existing sheet with a duplicate, a conflict and a changed row.
 */
import { csvSourceRecords } from '../../../src/domain/import/sourceFile';
import { importProcurement, type ImportOptions } from '../../../src/domain/import/importProcurement';
import { importProcurement as legacyImportProcurement } from './legacy/importProcurement';
import { resolveTemplate } from '../../../src/domain/templates';
import type { CellValue, SheetGrid } from '../../../src/domain/grid';
import type { SourceRecord } from '../../../src/domain/import/sourceRecord';
import { utcDate } from '../../../src/domain/values/thaiDate';
import { CHUMPHON, egpCsv, egpRows, type EgpRow } from '../../fixtures/import/egp';

const AGENCY = { name: CHUMPHON, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' };
const o16 = resolveTemplate('o16', '2567')!;
const o17 = resolveTemplate('o17', '2567')!;
const today = utcDate(2024, 11, 1);

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (s: string) => s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);

/** The fixture's contracts, with the variations officers' files have. */
function variedRows(): EgpRow[] {
  const rows = egpRows();
  const out: EgpRow[] = [...rows];
  // Thai digits in dates and amounts, money with thousands separators and "บาท".
  out.push({ ...rows[0], projectNumber: '66109123999', contractNumber: '13/2567', signed: thai('16 ธ.ค. 66'), ends: thai('12 มิ.ย. 67'), budget: '๒,๔๕๐,๐๐๐ บาท', agreed: '๑,๒๐๐ บาท', median: '๑,๒๐๐.๕๐' });
  // The same contract twice (an export downloaded in two parts).
  out.push({ ...rows[2] }, { ...rows[1] });
  // The same contract number and date under another project number: one contract.
  out.push({ ...rows[3], projectNumber: '66119456000' });
  // No contract number: only an identical row is the same contract.
  out.push({ ...rows[2], contractNumber: '', projectNumber: '67019345999' }, { ...rows[2], contractNumber: '', projectNumber: '67019345999' });
  // Not signed yet (announced in the window), cancelled, an unknown method, no project at all.
  out.push({ ...rows[0], projectNumber: '67039000001', contractNumber: '', signed: '', ends: '', announced: '5 มี.ค. 67' });
  out.push({ ...rows[2], projectNumber: '67019000002', contractNumber: 'ย 1/2567', projectStatus: 'ยกเลิกโครงการ' });
  out.push({ ...rows[2], projectNumber: '67019000003', contractNumber: 'ย 2/2567', method: 'วิธีที่ไม่มีในระเบียบ' });
  out.push({ ...rows[2], projectNumber: '', item: '', contractNumber: 'ย 3/2567' });
  // A third contract of the project with several, and another agency's rows in between.
  out.push({ ...rows[4], taxId: '0993000510631', winner: 'บริษัท โตโยต้านครราชสีมา จำกัด', contractNumber: 'ซ 12/2567', contractAmount: '๑๐,๐๐๐' });
  out.push({ ...rows[10], projectNumber: '66109111112' }, { ...rows[11], contractNumber: 'นม.2/2567' });
  return out;
}

async function streamed(rows: readonly EgpRow[], agency?: string): Promise<SourceRecord[]> {
  const bytes = new TextEncoder().encode(egpCsv(rows, { bom: true }));
  // Small chunks: records of one batch come from several chunks, as in a large file.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) => bytes.subarray(i * 997, (i + 1) * 997));
  const out: SourceRecord[] = [];
  for await (const batch of csvSourceRecords({ file: 'egp.csv', format: 'csv' }, chunks, agency ? { agency } : {})) {
    for (const r of Array.isArray(batch) ? batch : [batch]) out.push(r);
  }
  return out;
}

async function both(recs: readonly SourceRecord[], opts: Partial<ImportOptions>) {
  const full: ImportOptions = { choice: o16, fiscalYear: 2567, today, agency: AGENCY, budgetSource: 'เทศบัญญัติ', ...opts };
  return { now: await importProcurement(recs, full), before: await legacyImportProcurement(recs, full) };
}

function sheetOf(rows: readonly { values: readonly CellValue[] }[]): SheetGrid {
  return { name: 'o16', rows: [o16.template.columns.map((c) => c.header), ...rows.map((x) => [...x.values])] };
}

describe('the fused collect-and-map import gives what the former pipeline gave', () => {
  it('on an e-GP file read for the agency (o16): rows, counts, skipped, duplicates and issues', async () => {
    const { now, before } = await both(await streamed(variedRows(), CHUMPHON), {});
    expect(now.counts.duplicates).toBeGreaterThan(0);
    expect(now.counts.skipped).toBeGreaterThan(0);
    expect(now.counts.outsideWindow).toBeGreaterThan(0);
    expect(now.counts.otherAgencies).toBeGreaterThan(0);
    expect(now.rows.some((r) => typeof r.values[o16.template.columns.findIndex((c) => c.key === 'agreedPrice')] === 'number')).toBe(true);
    expect(now).toEqual(before);
    expect(now.rows.map((r) => Object.keys(r))).toEqual(before.rows.map((r) => Object.keys(r)));
  });

  it('on o17 (the previous year) with its summary by method, and without --budget-source', async () => {
    const recs = await streamed(variedRows(), CHUMPHON);
    const { now, before } = await both(recs, { choice: o17, budgetSource: undefined });
    expect(now.summary).toBeDefined();
    expect(now).toEqual(before);
  });

  it('appended to an existing sheet: duplicates, a conflict and the placement', async () => {
    const first = await importProcurement(await streamed(egpRows().slice(0, 6), CHUMPHON), { choice: o16, fiscalYear: 2567, today, agency: AGENCY, budgetSource: 'เทศบัญญัติ' });
    // The officer changed an agreed price: the import must list it as a conflict.
    const agreed = o16.template.columns.findIndex((c) => c.key === 'agreedPrice');
    const sheet = sheetOf(first.rows.map((r, i) => (i === 1 ? { values: r.values.map((v, k) => (k === agreed ? 2_400_000 : v)) } : r)));
    const { now, before } = await both(await streamed(variedRows(), CHUMPHON), { existing: sheet });
    expect(now.conflicts.length).toBeGreaterThan(0);
    expect(now.counts.duplicates).toBeGreaterThan(0);
    expect(now).toEqual(before);
  });

  it('without an agency filter: several agencies, nothing imported, the same answer', async () => {
    const { now, before } = await both(await streamed(variedRows()), { agency: undefined, unit: undefined });
    expect(now.needsUnit).toBe(true);
    expect(now).toEqual(before);
  });
});
