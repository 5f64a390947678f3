/**
 * Cell changes written into a copy of a workbook through exceljs's whole-workbook model, so that
 * everything else (formats, formulas, other and hidden sheets, data validation) is carried over —
 * and the check of which parts exceljs would not carry, so such a workbook is never rewritten.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../domain/grid';

export interface CellChange {
  readonly sheet: string;
  /** Excel row number and 1-based column. */
  readonly row: number;
  readonly col: number;
  readonly to: CellValue;
  readonly numFmt?: string;
}

/** Parts of a workbook that exceljs drops when it rewrites the file, with their Thai names. */
const UNCARRIED_PARTS: readonly { part: string; th: string }[] = [
  { part: 'xl/charts/', th: 'แผนภูมิ' },
  { part: 'xl/pivotTables/', th: 'PivotTable' },
  { part: 'xl/slicers/', th: 'ตัวแบ่งส่วนข้อมูล (slicer)' },
  { part: 'xl/timelines/', th: 'ไทม์ไลน์' },
  { part: 'xl/externalLinks/', th: 'การเชื่อมโยงไปสมุดงานอื่น' },
  { part: 'xl/vbaProject.bin', th: 'แมโคร' },
  { part: 'xl/activeX/', th: 'ตัวควบคุม ActiveX' },
  { part: 'xl/ctrlProps/', th: 'ตัวควบคุมฟอร์ม' },
];

/** Names in a zip's directory are stored as plain bytes: a scan finds the parts without unzipping. */
export function uncarriedParts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return UNCARRIED_PARTS.filter((p) => text.includes(p.part)).map((p) => p.th);
}

/**
 * The workbook `bytes` with the changes written, as new bytes. A cell holding a formula is left to
 * its formula (returned in `formulas`, not written).
 */
export async function writeCellChanges<C extends CellChange>(bytes: Uint8Array, changes: readonly C[]): Promise<{ bytes: Uint8Array; applied: C[]; formulas: C[] }> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings say Buffer; its zip reader takes any byte array.
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const applied: C[] = [];
  const formulas: C[] = [];
  for (const c of changes) {
    const ws = wb.getWorksheet(c.sheet);
    if (!ws) continue;
    const existing = ws.findCell(c.row, c.col);
    if (existing?.type === ExcelJS.ValueType.Formula) {
      formulas.push(c);
      continue;
    }
    ws.getRow(c.row).getCell(c.col).value = c.to as ExcelJS.CellValue;
    const written = ws.findCell(c.row, c.col);
    // A fresh style object: exceljs shares one among cells read with the same style.
    if (c.numFmt && written) written.style = { ...written.style, numFmt: c.numFmt };
    applied.push(c);
  }
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), applied, formulas };
}
