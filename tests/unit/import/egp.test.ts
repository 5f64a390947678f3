import { egpCsvRecords, egpJsonRecords, mapEgpHeader } from '../../../src/domain/import/egp';
import { csvRows } from '../../../src/domain/import/csv';
import { ImportError } from '../../../src/domain/import/importError';
import type { SourceRecord } from '../../../src/domain/import/sourceRecord';
import { API_HEADER, BULK_HEADER, CHUMPHON, egpCsv, egpDatastoreJson, egpRows } from '../../fixtures/import/egp';

async function records(csv: string, name = 'egp.csv'): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of egpCsvRecords(csvRows([csv]), name)) out.push(r);
  return out;
}

describe('e-GP headers', () => {
  it('maps the bulk CSV headers as shipped', () => {
    const m = mapEgpHeader([...BULK_HEADER]);
    expect(m.variant).toBe('bulk');
    expect(m.missing).toEqual([]);
    expect(m.columns.get('item')).toBe(2);
    expect(m.columns.get('agreedPrice')).toBe(11);
    expect(m.columns.get('taxId')).toBe(21);
    expect(m.columns.get('winner')).toBe(22);
    expect(m.columns.get('contractNumber')).toBe(23);
    expect(m.columns.get('signDate')).toBe(24);
    expect(m.columns.get('contractAmount')).toBe(26);
  });

  it('maps the API variant (งบประมาณ(บาท), ราคาตกลงซื้อ/จ้าง, เลขนิติบุคคล, ชื่อผู้ชนะ, วันที่ลงนามสัญญา)', () => {
    const m = mapEgpHeader([...API_HEADER]);
    expect(m.variant).toBe('api');
    expect(m.missing).toEqual([]);
    expect([...m.columns.entries()].filter(([f]) => ['budget', 'agreedPrice', 'taxId', 'winner', 'signDate'].includes(f))).toEqual([
      ['budget', 9], ['agreedPrice', 11], ['taxId', 21], ['winner', 22], ['signDate', 24],
    ]);
  });

  it('ignores spacing differences ("วงเงินงบประมาณ(บาท)")', () => {
    expect(mapEgpHeader(['วงเงินงบประมาณ(บาท)', ' ชื่อหน่วยงาน ']).columns.get('budget')).toBe(0);
  });
});

describe('e-GP records', () => {
  it('reads the CSV rows into records with their row numbers', async () => {
    const recs = await records(egpCsv(egpRows()));
    expect(recs).toHaveLength(egpRows().length);
    expect(recs[1].origin).toEqual({ kind: 'egp-csv', source: 'egp.csv', row: 3 });
    expect(recs[1].values).toMatchObject({
      projectNumber: '66109234567', agencyName: CHUMPHON, signDate: '8 ต.ค. 66', item: 'จัดซื้อวัสดุสำนักงาน "กองคลัง"\nประจำเดือนตุลาคม',
    });
  });

  it('refuses a CSV that is not e-GP with one clear message', async () => {
    await expect(records('ชื่อ,นามสกุล\nสมชาย,ใจดี\n', 'people.csv')).rejects.toThrow(ImportError);
    await expect(records('ชื่อ,นามสกุล\n', 'people.csv')).rejects.toMatchObject({ th: expect.stringContaining('ไม่พบหัวคอลัมน์ของข้อมูล e-GP') });
  });

  it('reads the datastore JSON {result: {records}} with numbers for amounts', () => {
    const { records: recs, header, methodsSwapped } = egpJsonRecords(egpDatastoreJson(egpRows()), 'egp.json');
    expect(header.variant).toBe('api');
    expect(recs).toHaveLength(egpRows().length);
    expect(recs[0].origin).toEqual({ kind: 'egp-json', source: 'egp.json', row: 1 });
    expect(recs[0].values.budget).toBe(2450000);
    // The datastore files the method under the group column: the file is read the right way round.
    expect(methodsSwapped).toBe(true);
    expect(recs[0].values.method).toBe('ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)');
    expect(recs[0].values.methodGroup).toBe('วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง');
    // A later row whose group names one family ("วิธีคัดเลือก") is not taken for its method.
    expect(recs[3].values).toMatchObject({ method: 'งานจ้างที่ปรึกษา', methodGroup: 'วิธีคัดเลือก' });
  });

  it('tells a swapped CSV from the first row that shows it, holding back only the rows before', async () => {
    const info = {} as { methodsSwapped?: boolean };
    const out: SourceRecord[] = [];
    for await (const r of egpCsvRecords(csvRows([egpCsv(egpRows(), { variant: 'api' })]), 'api.csv', info)) out.push(r);
    expect(info.methodsSwapped).toBe(true);
    expect(out.map((r) => r.values.method).slice(0, 4)).toEqual(['ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'เฉพาะเจาะจง', 'เฉพาะเจาะจง', 'งานจ้างที่ปรึกษา']);
    const bulk: SourceRecord[] = [];
    const bulkInfo = {} as { methodsSwapped?: boolean };
    for await (const r of egpCsvRecords(csvRows([egpCsv(egpRows())]), 'bulk.csv', bulkInfo)) bulk.push(r);
    expect(bulkInfo.methodsSwapped).toBe(false);
    expect(bulk[3].values.method).toBe('งานจ้างที่ปรึกษา');
  });

  it('refuses JSON of another shape', () => {
    expect(() => egpJsonRecords('{"x": 1}', 'a.json')).toThrow(/records/);
    expect(() => egpJsonRecords('{"x": ', 'a.json')).toThrow(ImportError);
  });
});
