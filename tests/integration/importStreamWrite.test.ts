/**
 * `import` writes a new workbook by streaming (importStreamWrite.ts). Read back with exceljs, it is
 * the workbook the whole-workbook writer (buildImportedWorkbook) makes: the same sheets, cells,
 * values and styles (number formats, fonts, fills, borders), column widths, row heights, drop-down
 * validations, merges, frozen header, print setup with repeated header rows, hidden sheets, the
 * recalculate-on-open flag, and the publication copy masks the same personal IDs.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { csvRows } from '../../src/domain/import/csv';
import { egpCsvRecords } from '../../src/domain/import/egp';
import { importProcurement, type ImportResult } from '../../src/domain/import/importProcurement';
import type { SourceRecord } from '../../src/domain/import/sourceRecord';
import { resolveTemplate, type TemplateChoice } from '../../src/domain/templates';
import { utcDate } from '../../src/domain/values/thaiDate';
import { buildImportedWorkbook, maskPersonalIds } from '../../src/xlsx/importWrite';
import { writeImportedWorkbook as writeInto, type StreamWriteOptions } from '../../src/xlsx/importStreamWrite';
import { writeFileAtomic } from '../../src/xlsx/atomicWrite';

/** The streamed workbook written to a file, as the command writes it (atomically). */
async function writeImportedWorkbook(result: Parameters<typeof writeInto>[0], file: string, opts: StreamWriteOptions) {
  let written: Awaited<ReturnType<typeof writeInto>> | undefined;
  await writeFileAtomic(file, async (stream) => {
    written = await writeInto(result, stream, opts);
  });
  return written!;
}
import { CHUMPHON, egpCsv, egpRows, PERSONAL_ID } from '../fixtures/import/egp';

const AGENCY = { name: CHUMPHON, district: 'สีคิ้ว', province: 'นครราชสีมา', ministry: 'กระทรวงมหาดไทย', agencyType: 'องค์กรปกครองส่วนท้องถิ่น' };

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ita-forms-swrite-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function importOf(choice: TemplateChoice, fiscalYear: number): Promise<ImportResult> {
  const recs: SourceRecord[] = [];
  for await (const r of egpCsvRecords(csvRows([egpCsv(egpRows())]), 'egp.csv')) recs.push(r);
  return importProcurement(recs, { choice, fiscalYear, today: utcDate(2024, 11, 1), agency: AGENCY, budgetSource: 'เทศบัญญัติ' });
}

// exceljs's own zip library, to look at the XML itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(name: string): { async(t: 'string'): Promise<string> } | null }> };
async function workbookXml(file: string): Promise<string> {
  return (await (await JSZip.loadAsync(await fs.readFile(file))).file('xl/workbook.xml')!.async('string'));
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** What an officer (and Excel) sees of a workbook, in plain data. */
function seen(wb: ExcelJS.Workbook) {
  return {
    definedNames: (wb.definedNames as unknown as { model: unknown }).model,
    sheets: wb.worksheets.map((ws) => {
      const cells: Record<string, unknown> = {};
      const heights: Record<number, number | undefined> = {};
      ws.eachRow({ includeEmpty: false }, (row, n) => {
        if (row.height) heights[n] = row.height;
        row.eachCell({ includeEmpty: false }, (cell) => {
          const s = cell.style;
          cells[cell.address] = { value: cell.value, numFmt: s.numFmt, font: s.font, fill: s.fill, border: s.border, alignment: s.alignment };
        });
      });
      return {
        name: ws.name,
        state: ws.state,
        views: ws.views,
        pageSetup: { ...ws.pageSetup },
        columns: (ws.columns ?? []).map((c) => ({ width: c.width, numFmt: c.numFmt, font: c.font })),
        validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
        merges: (ws.model as { merges?: string[] }).merges ?? [],
        heights,
        cells,
      };
    }),
  };
}

describe.each([
  ['o16', '2567', 2567],
  ['o17', '2567', 2568],
])('%s (ITA %s): streamed and whole-workbook writes read back the same', (name, edition, fiscalYear) => {
  it('working copy and publication copy', async () => {
    const result = await importOf(resolveTemplate(name as string, edition as string)!, fiscalYear as number);
    expect(result.rows.length).toBeGreaterThan(0);

    const wholeFile = path.join(dir, `${name}-whole.xlsx`);
    const { wb, list } = buildImportedWorkbook(result, { agency: AGENCY });
    await wb.xlsx.writeFile(wholeFile);
    const streamedFile = path.join(dir, `${name}-streamed.xlsx`);
    const streamed = await writeImportedWorkbook(result, streamedFile, { agency: AGENCY });
    expect(streamed.list).toEqual(list);

    const a = seen(await readBack(streamedFile));
    const b = seen(await readBack(wholeFile));
    expect(a).toEqual(b);
    // Excel recalculates the summary formulas on open (exceljs does not read calcPr back: look at the XML).
    for (const f of [streamedFile, wholeFile]) expect(await workbookXml(f)).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(a.sheets[0].views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1 })]);
    expect(a.sheets[0].pageSetup).toEqual(expect.objectContaining({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' }));

    // The publication copy: the same IDs masked.
    const wholePub = path.join(dir, `${name}-whole-pub.xlsx`);
    const maskedWhole = maskPersonalIds(wb, list);
    await wb.xlsx.writeFile(wholePub);
    const streamedPub = path.join(dir, `${name}-streamed-pub.xlsx`);
    const { masked } = await writeImportedWorkbook(result, streamedPub, { agency: AGENCY, maskIds: true });
    expect(masked).toBe(maskedWhole);
    const pub = seen(await readBack(streamedPub));
    expect(pub).toEqual(seen(await readBack(wholePub)));
    if (name === 'o16') {
      expect(masked).toBeGreaterThan(0);
      expect(JSON.stringify(pub)).not.toContain(PERSONAL_ID);
    }
  });
});

test("exceljs's own streaming reader (unzipper, with the overrides) reads the streamed file", async () => {
  const result = await importOf(resolveTemplate('o16', '2567')!, 2567);
  const file = path.join(dir, 'for-reader.xlsx');
  await writeImportedWorkbook(result, file, { agency: AGENCY });
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  for await (const ws of reader) for await (const row of ws) if ((row as ExcelJS.Row).number > 1) rows++;
  expect(rows).toBeGreaterThanOrEqual(result.rows.length);
});
