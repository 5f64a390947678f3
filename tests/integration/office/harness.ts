/** Shared by the Office gateway tests and bench/officeSyncsBench.ts: the gateway on the fake host. */
import { FakeExcel } from './fakeExcel';
import { OfficeGateway, type BatchRun, type ContextRun } from '../../../src/workbook/office/officeGateway';
import { realisticO16 } from '../../fixtures/o16Realistic';
import { DATE_FORMAT_BE } from '../../../src/domain/templates/procurement';
import type { CellValue } from '../../../src/domain/grid';

export function officeGateway(fake: FakeExcel): OfficeGateway {
  return new OfficeGateway(fake.run as unknown as BatchRun, fake.isSetSupported, { runInContext: fake.run as unknown as ContextRun });
}

/** A host with one sheet holding the realistic o16 list of `rows` records (dates stored as BE-formatted serials). */
export function realisticHost(rows: number, opts: { api?: string; sheet?: string } = {}): { fake: FakeExcel; sheet: string; data: CellValue[][] } {
  const sheet = opts.sheet ?? 'o16';
  const fake = new FakeExcel({ api: opts.api, sheets: {} });
  const data = realisticO16({ rows });
  fake.book.addSheet(sheet, data, DATE_FORMAT_BE);
  return { fake, sheet, data };
}

/** Rows compared as a reader sees them: trailing empty cells and rows dropped, dates by their day. */
export function normalize(rows: readonly (readonly CellValue[])[]): unknown[][] {
  const out = rows.map((r) => {
    const row = r.map((v) => (v instanceof Date ? `date:${v.toISOString().slice(0, 10)}` : v === '' ? null : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}
