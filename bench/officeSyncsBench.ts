/**
 * Round trips and payload of the Office.js gateway on the fake Excel host (tests/integration/office/
 * fakeExcel.ts measures each sync's request and response as UTF-8 JSON), for realistic Thai o16
 * sheets of 100, 1,000 and 10,000 rows × 19 columns. Run: npm run bench officeSyncs
 */
import { officeGateway, realisticHost } from '../tests/integration/office/harness';
import type { FakeExcel } from '../tests/integration/office/fakeExcel';
import { planSheet } from '../src/domain/layout';
import { resolveTemplate } from '../src/domain/templates';
import { PAYLOAD_LIMIT } from '../src/workbook/office/payload';
import { recognize } from '../src/domain/recognize';
import { addRecord } from '../src/app/recordForm';
import { utcDate } from '../src/domain/values/thaiDate';
import { rereadSheet, runCheck, sheetState } from '../src/app/workbookSession';

/** What an officer types into the form for one o16 record. */
const RECORD = {
  item: 'จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง', budget: '๑,๒๐๐ บาท', budgetSource: 'เทศบัญญัติ', method: 'เฉพาะเจาะจง',
  medianPrice: '1,200', agreedPrice: '1,150.00', taxId: '0-1055-43008-21-9', winner: 'บริษัท ซีพี ออลล์ จำกัด (มหาชน)',
  projectNumber: '67039549408', signDate: '15 มี.ค. 2567', endDate: '30/3/67',
};

interface Line {
  rows: number;
  op: string;
  syncs: number;
  request: number;
  response: number;
  maxRequest: number;
  maxResponse: number;
  ms: number;
}

async function measure(fake: FakeExcel, rows: number, op: string, f: () => Promise<unknown>): Promise<Line> {
  fake.resetStats();
  const t0 = performance.now();
  await f();
  const ms = performance.now() - t0;
  const s = fake.stats();
  return { rows, op, syncs: s.syncs, request: s.requestBytes, response: s.responseBytes, maxRequest: s.maxRequestBytes, maxResponse: s.maxResponseBytes, ms };
}

const kb = (n: number) => (n / 1024).toFixed(1);

async function main(): Promise<void> {
  const lines: Line[] = [];
  const recheckCost: { rows: number; api: string; save: number; total: number }[] = [];
  for (const n of [100, 1_000, 10_000]) {
    for (const api of ['1.9', '1.1']) {
      const { fake, sheet, data } = realisticHost(n, { api });
      const gw = officeGateway(fake);
      const tag = api === '1.9' ? '' : ' [ExcelApi 1.1]';
      lines.push(await measure(fake, n, `check read (readSheet)${tag}`, () => gw.readSheet(sheet)));
      // The form's add: the pane has recognised the sheet already (not measured); addRecord reads what it needs and writes.
      const rec = recognize(await gw.readSheet(sheet))!;
      lines.push(await measure(fake, n, `add record (addRecord)${tag}`, () => addRecord(gw, sheet, rec, RECORD, undefined, utcDate(2024, 3, 31))));
      // What the pane does on saving a record: the write, then its re-check (one read of the sheet: the
      // pane holds the sheet's name and the workbook's meta already).
      const before = sheetState(sheet, await gw.readSheet(sheet), await gw.readMeta());
      const saved = await measure(fake, n, `save and re-check (form)${tag}`, async () => {
        await addRecord(gw, sheet, rec, RECORD, undefined, utcDate(2024, 3, 31));
        await runCheck(gw, await rereadSheet(gw, before));
      });
      lines.push(saved);
      const alone = await measure(fake, n, '', () => addRecord(gw, sheet, rec, RECORD, undefined, utcDate(2024, 3, 31)));
      recheckCost.push({ rows: n, api, save: alone.syncs, total: saved.syncs });
      const plan = planSheet(resolveTemplate('o16')!, { fiscalYear: 2567 });
      lines.push(await measure(fake, n, `create template sheet${tag}`, () => gw.createSheet({ plan, prefillRows: 0 })));
    }
  }
  const head = ['rows', 'operation', 'syncs', 'request KB', 'response KB', 'max req KB', 'max resp KB', 'fake ms'];
  const table = lines.map((l) => [String(l.rows), l.op, String(l.syncs), kb(l.request), kb(l.response), kb(l.maxRequest), kb(l.maxResponse), l.ms.toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('Office.js gateway on the fake Excel host: realistic o16 rows × 19 columns (Thai text)');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(fmt(r));
  console.log('');
  console.log('syncs per save-and-recheck (the form\'s save, then the pane\'s re-check of the sheet):');
  for (const c of recheckCost) {
    console.log(`  ${String(c.rows).padStart(6)} rows, ExcelApi ${c.api}: ${c.total} syncs = save ${c.save} + re-check ${c.total - c.save} (one readSheet, in payload-sized blocks)`);
  }
  const over = lines.filter((l) => l.maxRequest >= PAYLOAD_LIMIT || l.maxResponse >= PAYLOAD_LIMIT);
  if (over.length) {
    console.error(`payload over ${PAYLOAD_LIMIT} bytes in: ${over.map((l) => `${l.rows} ${l.op}`).join(', ')}`);
    process.exitCode = 1;
  }
}

void main();
