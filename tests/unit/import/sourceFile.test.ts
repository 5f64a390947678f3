import iconv from 'iconv-lite';
import { byteChunks, csvSourceRecords, jsonSourceRecords, sourceFormat, workbookRecords, type SourceInfo } from '../../../src/domain/import/sourceFile';
import { firstTakenRow } from '../../../src/domain/import/placement';
import { unitChoices, matchedChoice } from '../../../src/domain/import/unitChoices';
import { ImportError } from '../../../src/domain/import/importError';
import type { SourceRecord } from '../../../src/domain/import/sourceRecord';
import { recognize } from '../../../src/domain/recognize';
import { resolveTemplate } from '../../../src/domain/templates';
import type { SheetGrid } from '../../../src/domain/grid';
import { CHUMPHON, egpCsv, egpDatastoreJson, egpRows } from '../../fixtures/import/egp';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sourceFormat', () => {
  it('goes by the extension, else by the first bytes', () => {
    expect(sourceFormat('egp.CSV', bytes('{'), 10)).toBe('csv');
    expect(sourceFormat('C:\\data\\egp.json', bytes('x'), 10)).toBe('json');
    expect(sourceFormat('skr1.xlsx', bytes('x'), 10)).toBe('xlsx');
    expect(sourceFormat('download', new Uint8Array([0x50, 0x4b, 3, 4]), 10)).toBe('xlsx');
    expect(sourceFormat('download', new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x5b]), 10)).toBe('json');
    expect(sourceFormat('download', bytes('ลำดับ,'), 10)).toBe('csv');
  });

  it('refuses an empty file and an old .xls with a Thai message', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as ImportError;
      }
      throw new Error('no error');
    };
    expect(err(() => sourceFormat('egp.csv', new Uint8Array(), 0)).th).toBe('egp.csv: ไฟล์ว่างเปล่า ไม่มีข้อมูล');
    expect(err(() => sourceFormat('old.xls', bytes('x'), 5)).code).toBe('xls');
  });
});

async function all(it: AsyncIterable<SourceRecord[]>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const b of it) out.push(...b);
  return out;
}

describe('records from bytes', () => {
  it('reads a Windows-874 CSV in small chunks like a UTF-8 one, naming the file without its folder', async () => {
    const text = egpCsv(egpRows());
    const info: SourceInfo = { file: '/home/officer/egp.csv', format: 'csv' };
    const tis = await all(csvSourceRecords(info, byteChunks(iconv.encode(text, 'windows-874'), 7)));
    const utf = await all(csvSourceRecords({ file: 'egp.csv', format: 'csv' }, byteChunks(bytes(text))));
    expect(info.encoding).toEqual({ encoding: 'windows-874', bom: false });
    expect(info.egp?.header?.variant).toBe('bulk');
    expect(tis).toHaveLength(12);
    expect(tis.map((r) => r.values)).toEqual(utf.map((r) => r.values));
    expect(tis[0].origin).toEqual({ kind: 'egp-csv', source: 'egp.csv', row: 2 });
  });

  it('reads the datastore JSON', () => {
    const info: SourceInfo = { file: 'egp.json', format: 'json' };
    const recs = jsonSourceRecords(info, bytes(egpDatastoreJson(egpRows())));
    expect(recs).toHaveLength(12);
    expect(info.egp?.header?.variant).toBe('api');
  });

  it('says when a workbook has no sheet to import from', () => {
    const info: SourceInfo = { file: 'budget.xlsx', format: 'xlsx' };
    expect(() => workbookRecords(info, [{ name: 'งบ', rows: [['รายการ', 'จำนวน']] }])).toThrow(ImportError);
    expect(info.sheets?.[0]).toMatchObject({ sheet: 'งบ', kind: 'ignored' });
  });
});

describe('unitChoices', () => {
  it('lists each name once, with the columns it is under, closest to the wanted name first', () => {
    const agencies = [
      { name: 'กรมทางหลวง', field: 'agencyName' as const, rows: 5, matched: false },
      { name: CHUMPHON, field: 'agencyName' as const, rows: 3, matched: true },
      { name: CHUMPHON, field: 'subAgencyName' as const, rows: 3, matched: true },
      { name: 'แขวงทางหลวงนครราชสีมาที่ 1', field: 'subAgencyName' as const, rows: 5, matched: false },
    ];
    const { choices, total } = unitChoices(agencies, 'ทต.ชุมพล');
    expect(total).toBe(3);
    expect(choices[0]).toEqual({ name: CHUMPHON, fields: ['agencyName', 'subAgencyName'], rows: 3, matched: true });
    expect(choices.map((c) => c.name)).toEqual([CHUMPHON, 'กรมทางหลวง', 'แขวงทางหลวงนครราชสีมาที่ 1']);
    expect(matchedChoice(choices, 'ทต.ชุมพล')?.name).toBe(CHUMPHON);
    expect(matchedChoice(choices, undefined)).toBeUndefined();
  });
});

describe('firstTakenRow', () => {
  const o16 = resolveTemplate('o16', '2567')!;
  const header = ['ที่', ...o16.template.columns.map((c) => c.header)];
  const rec = (grid: SheetGrid) => recognize(grid, { templateId: 'o16' })!;

  it('treats pre-printed numbers as free, and a note in the ที่ column as taken', () => {
    const grid: SheetGrid = { name: 's', rows: [header, [1, 2567], [2], ['หมายเหตุ: ข้อมูลจาก e-GP'], []] };
    const r = rec(grid);
    expect(r.seqIndex).toBe(0);
    expect(firstTakenRow(grid, r, 3, 1)).toBeUndefined();
    expect(firstTakenRow(grid, r, 3, 2)).toBe(4);
    expect(firstTakenRow(grid, r, 5, 10)).toBeUndefined();
  });
});
