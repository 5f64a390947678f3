import { checkSheet, checkWorkbook, type Issue } from '../../src/domain/check';
import type { CellValue, SheetGrid } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/values/thaiDate';
import { COL, FIRST_DATA_ROW, HEADER, HEADER_ROW, realisticO16 } from '../fixtures/o16Realistic';

const today = utcDate(2024, 11, 1);

function grid(rows: CellValue[][], name = 'o16'): SheetGrid {
  return { name, rows };
}

function at(issues: readonly Issue[], cell: string): Issue[] {
  return issues.filter((i) => `${i.column}${i.row}` === cell);
}

function colIndex(letter: string): number {
  return letter.charCodeAt(0) - 65;
}

/** Sets one cell of the realistic sheet, by Excel row and column letter. */
function set(rows: CellValue[][], row: number, col: string, v: CellValue): void {
  rows[row - 1][colIndex(col)] = v;
}

describe('check: the realistic o16 sheet', () => {
  it('recognises it under the title rows and reports no error on its clean rows', () => {
    const rows = realisticO16();
    const { report } = checkSheet(grid(rows), { today });
    expect(report.template).toBe('procurement-progress');
    expect(report.item).toBe('o16');
    expect(report.edition).toBe('2567');
    expect(report.headerRow).toBe(HEADER_ROW);
    expect(report.rows).toBe(34);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('warns where amounts and dates are typed as text, and offers the real value', () => {
    const rows = realisticO16();
    const { report } = checkSheet(grid(rows), { today });
    // Row 8 (4th record) has the budget typed as "๑๒,๘๐๐ บาท".
    const w = at(report.issues, `${COL.budget}8`);
    expect(w.map((i) => i.code)).toEqual(['money-as-text']);
    expect(w[0].fix?.value).toBe(12_800);
    expect(w[0].message).toContain('๑๒,๘๐๐ บาท');
    // Row 6 has its signing date typed as "8 ต.ค. 2566".
    const d = at(report.issues, `${COL.signDate}6`);
    expect(d.map((i) => i.code)).toEqual(['date-as-text']);
    expect(d[0].fix?.value).toEqual(utcDate(2023, 10, 8));
  });
});

describe('check: each rule fails at its cell', () => {
  const row = FIRST_DATA_ROW; // the first record

  function checkWith(edit: (rows: CellValue[][]) => void, opts = {}) {
    const rows = realisticO16();
    edit(rows);
    return checkSheet(grid(rows), { today, ...opts }).report.issues;
  }

  it('agreed price above the allocated budget is an error', () => {
    const issues = checkWith((r) => set(r, row, COL.agreedPrice, 9_999_999));
    expect(at(issues, `${COL.agreedPrice}${row}`).map((i) => i.code)).toContain('price-above-budget');
    expect(at(issues, `${COL.agreedPrice}${row}`).find((i) => i.code === 'price-above-budget')?.severity).toBe('error');
  });

  it('agreed price above the median price is a warning; median above budget too', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.medianPrice, 100);
      set(r, row + 1, COL.medianPrice, 99_000_000);
    });
    expect(at(issues, `${COL.agreedPrice}${row}`).map((i) => [i.code, i.severity])).toContainEqual(['price-above-median', 'warning']);
    expect(at(issues, `${COL.medianPrice}${row + 1}`).map((i) => [i.code, i.severity])).toContainEqual(['median-above-budget', 'warning']);
  });

  it('a missing field is an error naming the header', () => {
    const issues = checkWith((r) => set(r, row, COL.winner, ' - '));
    const i = at(issues, `${COL.winner}${row}`);
    expect(i.map((x) => x.code)).toEqual(['required']);
    expect(i[0].message).toContain('รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก');
  });

  it('contract fields are not required when the contract is not yet signed', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.status, 'ยังไม่ได้ลงนามในสัญญา');
      for (const c of [COL.agreedPrice, COL.taxId, COL.winner, COL.projectNumber, COL.signDate, COL.endDate, COL.medianPrice]) set(r, row, c, null);
    });
    expect(issues.filter((i) => i.row === row)).toEqual([]);
  });

  it('a bad tax ID check digit is an error at its cell', () => {
    const issues = checkWith((r) => set(r, row, COL.taxId, '0-1055-43008-21-8'));
    expect(at(issues, `${COL.taxId}${row}`).map((i) => i.code)).toEqual(['tax-id-checksum']);
  });

  it('an unknown status is an error, an unknown budget source only a warning', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.status, 'รอตรวจรับ');
      set(r, row, COL.budgetSource, 'เงินบริจาค');
    });
    expect(at(issues, `${COL.status}${row}`).map((i) => [i.code, i.severity])).toEqual([['option-unknown', 'error']]);
    expect(at(issues, `${COL.budgetSource}${row}`).map((i) => [i.code, i.severity])).toEqual([['option-unknown', 'warning']]);
  });

  it('a synonym is accepted with a warning and the official wording as the fix', () => {
    const issues = checkWith((r) => set(r, row + 2, COL.method, 'เฉพาะเจาะจง'));
    const i = at(issues, `${COL.method}${row + 2}`);
    expect(i.map((x) => x.code)).toEqual(['option-synonym']);
    expect(i[0].fix?.value).toBe('วิธีเฉพาะเจาะจง');
  });

  it('an impossible date is an error', () => {
    const issues = checkWith((r) => set(r, row, COL.signDate, '31 ก.พ. 2567'));
    expect(at(issues, `${COL.signDate}${row}`).map((i) => i.code)).toEqual(['date-impossible']);
  });

  it('contract end before signing is an error', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.signDate, utcDate(2024, 1, 15));
      set(r, row, COL.endDate, utcDate(2024, 1, 10));
      set(r, row, COL.status, 'สิ้นสุดระยะสัญญา');
    });
    expect(at(issues, `${COL.endDate}${row}`).map((i) => i.code)).toContain('end-before-signing');
  });

  it('o16: a contract signed after 31 March is outside the window', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.signDate, '๒ เม.ย. ๒๕๖๗');
      set(r, row, COL.endDate, utcDate(2024, 5, 1));
    });
    const i = at(issues, `${COL.signDate}${row}`).find((x) => x.code === 'date-outside-window');
    expect(i?.severity).toBe('error');
    expect(i?.message).toContain('1 ต.ค. 2566 – 31 มี.ค. 2567');
  });

  it('status that disagrees with the dates at the as-of date is an error with the derived status as fix', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.signDate, utcDate(2023, 11, 1));
      set(r, row, COL.endDate, utcDate(2023, 12, 1));
      set(r, row, COL.status, 'อยู่ระหว่างระยะสัญญา');
    });
    const i = at(issues, `${COL.status}${row}`);
    expect(i.map((x) => x.code)).toEqual(['status-dates']);
    expect(i[0].fix?.value).toBe('สิ้นสุดระยะสัญญา');
  });

  it('the as-of date moves the status judgement', () => {
    const edit = (r: CellValue[][]) => {
      set(r, row, COL.signDate, utcDate(2023, 11, 1));
      set(r, row, COL.endDate, utcDate(2024, 2, 1));
      set(r, row, COL.status, 'อยู่ระหว่างระยะสัญญา');
    };
    expect(at(checkWith(edit), `${COL.status}${row}`).map((x) => x.code)).toEqual(['status-dates']);
    expect(at(checkWith(edit, { asOf: utcDate(2024, 1, 15) }), `${COL.status}${row}`)).toEqual([]);
  });

  it('a duplicate project number with the same supplier is an error at the second row', () => {
    const issues = checkWith((r) => {
      const first = r[row - 1];
      const second = r[row + 7]; // same supplier every 8 rows
      second[colIndex(COL.projectNumber)] = first[colIndex(COL.projectNumber)];
    });
    const i = at(issues, `${COL.projectNumber}${row + 8}`);
    expect(i.map((x) => [x.code, x.severity])).toEqual([['duplicate-project-number', 'error']]);
    expect(i[0].message).toContain(`แถว ${row}`);
  });

  it('a specific-method purchase above 500,000 baht is a warning', () => {
    const issues = checkWith((r) => {
      set(r, row + 2, COL.budget, 750_000);
    });
    expect(at(issues, `${COL.method}${row + 2}`).map((x) => [x.code, x.severity])).toEqual([['method-amount', 'warning']]);
  });

  it('agency columns that differ from the other rows are a warning with the majority as fix', () => {
    const issues = checkWith((r) => set(r, row + 3, COL.district, 'ปากช่อง'));
    const i = at(issues, `${COL.district}${row + 3}`);
    expect(i.map((x) => x.code)).toEqual(['agency-inconsistent']);
    expect(i[0].fix?.value).toBe('สีคิ้ว');
  });

  it('a personal citizen ID is flagged under the PDPA', () => {
    const issues = checkWith((r) => set(r, row, COL.taxId, '1-1037-00123-45-9'.replace(/-/g, '')));
    const codes = at(issues, `${COL.taxId}${row}`).map((x) => x.code);
    expect(codes.some((c) => c === 'tax-id-personal' || c === 'tax-id-checksum')).toBe(true);
  });
});

describe('check: sheet-level rules', () => {
  it('a missing prescribed column is an error naming it', () => {
    const rows = realisticO16().map((r) => r.filter((_, i) => i !== colIndex(COL.projectNumber)));
    const { report } = checkSheet(grid(rows), { today });
    const i = report.issues.filter((x) => x.code === 'missing-column');
    expect(i).toHaveLength(1);
    expect(i[0]).toMatchObject({ row: null, column: null, field: 'projectNumber', severity: 'error' });
    expect(i[0].message).toContain('เลขที่โครงการ');
  });

  it('an empty sheet must say ไม่มีการจัดซื้อจัดจ้าง', () => {
    const empty = checkSheet(grid([HEADER]), { today, fiscalYear: 2567 }).report;
    expect(empty.issues.map((i) => i.code)).toEqual(['no-records']);
    const stated = checkSheet(grid([HEADER, [null, null, null, null, null, null, null, 'ไม่มีการจัดซื้อจัดจ้าง']]), { today, fiscalYear: 2567 }).report;
    expect(stated.issues).toEqual([]);
    expect(stated.statesNone).toBe(true);
  });

  it('blank rows, a totals line and the signature block are not records', () => {
    const rows = realisticO16({ rows: 3 });
    rows.splice(7, 0, [], [null, null, null, null, null, null, null, 'รวม ๓ รายการ', 100000]);
    expect(checkSheet(grid(rows), { today }).report.rows).toBe(3);
  });

  it('an unrecognisable sheet has no template', () => {
    const r = checkSheet(grid([['ชื่อ', 'นามสกุล'], ['สมชาย', 'ใจดี']]), { today }).report;
    expect(r.template).toBeNull();
  });
});

describe('check: o17 and its summary', () => {
  function annual(): SheetGrid {
    // The same list, reported for FY2566 as last year's annual report.
    const rows = realisticO16({ rows: 6 }).map((r) => [...r]);
    rows[0] = ['รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๖'];
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 6; r++) {
      const row = rows[r - 1];
      row[colIndex(COL.fiscalYear)] = 2566;
      for (const c of [COL.signDate, COL.endDate]) {
        const v = row[colIndex(c)];
        const d = typeof v === 'string' ? null : (v as Date);
        if (d) row[colIndex(c)] = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()));
      }
      row[colIndex(COL.signDate)] = utcDate(2022, 11, r);
      row[colIndex(COL.endDate)] = utcDate(2023, 1, r);
      row[colIndex(COL.status)] = 'สิ้นสุดระยะสัญญา';
      row[colIndex(COL.projectNumber)] = `6501234567${r % 10}`;
    }
    return { name: 'o17', rows };
  }

  it('recognises o17 by its title, checks the previous fiscal year, and needs the summary', () => {
    const rep = checkWorkbook([annual()], { today });
    const s = rep.sheets[0];
    expect(s.template).toBe('procurement-annual');
    expect(s.item).toBe('o17');
    expect(s.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['summary-missing']);
  });

  it('a summary that disagrees with the list is an error at its cell', () => {
    const list = annual();
    const summaryRows: CellValue[][] = [
      ['สรุปผลการจัดซื้อจัดจ้าง'],
      ['วิธีการจัดซื้อจัดจ้าง', 'จำนวนรายการ', 'งบประมาณ (บาท)'],
      ['วิธีประกาศเชิญชวนทั่วไป', 2, 4_492_000],
      ['วิธีคัดเลือก', 0, 0],
      ['วิธีเฉพาะเจาะจง', 4, 1],
      ['รวมทั้งสิ้น', 6, 4_492_001],
    ];
    const rep = checkWorkbook([list, { name: 'สรุป', rows: summaryRows }], { today });
    const s = rep.sheets[1];
    expect(s.template).toBe('procurement-annual');
    expect(s.issues.map((i) => `${i.code}@${i.column}${i.row}`)).toEqual(
      expect.arrayContaining(['summary-mismatch@C5', 'summary-mismatch@C6']),
    );
  });
});

describe('check: more rules, failing and passing', () => {
  const row = FIRST_DATA_ROW;
  function checkWith(edit: (rows: CellValue[][]) => void, opts = {}) {
    const rows = realisticO16();
    edit(rows);
    return checkSheet(grid(rows), { today, ...opts }).report.issues;
  }

  it('a project number from a later year than the signing is a warning', () => {
    const issues = checkWith((r) => set(r, row, COL.projectNumber, '69039549408'));
    expect(at(issues, `${COL.projectNumber}${row}`).map((i) => [i.code, i.severity])).toEqual([['project-number-year', 'warning']]);
  });

  it('consortium and masked IDs are recognised with a warning, not a checksum error', () => {
    const issues = checkWith((r) => {
      set(r, row, COL.taxId, 'D888869001507');
      set(r, row + 1, COL.taxId, '899680900xxxx');
    });
    expect(at(issues, `${COL.taxId}${row}`).map((i) => [i.code, i.severity])).toEqual([['tax-id-consortium', 'warning']]);
    expect(at(issues, `${COL.taxId}${row + 1}`).map((i) => [i.code, i.severity])).toEqual([['tax-id-masked', 'warning']]);
  });

  it('a sheet that says ไม่มีการจัดซื้อจัดจ้าง but lists rows gets a warning', () => {
    const issues = checkWith((r) => r.splice(1, 0, ['ไม่มีการจัดซื้อจัดจ้าง']));
    expect(issues.filter((i) => i.row === null).map((i) => i.code)).toEqual(['states-none-with-records']);
  });

  it('an empty ปีงบประมาณ column takes the year from the title, and offers it as the fix', () => {
    const issues = checkWith((r) => {
      for (let x = FIRST_DATA_ROW; x < FIRST_DATA_ROW + 34; x++) set(r, x, COL.fiscalYear, null);
    });
    expect(issues.filter((i) => i.row === null)).toEqual([]);
    const required = issues.filter((i) => i.code === 'required' && i.column === COL.fiscalYear);
    expect(required).toHaveLength(34);
    expect(required[0].fix?.value).toBe(2567);
    // The window still applies: a contract signed in April is outside it.
    const late = checkWith((r) => {
      for (let x = FIRST_DATA_ROW; x < FIRST_DATA_ROW + 34; x++) set(r, x, COL.fiscalYear, null);
      set(r, row, COL.signDate, utcDate(2024, 4, 2));
    });
    expect(at(late, `${COL.signDate}${row}`).map((i) => i.code)).toContain('date-outside-window');
  });

  it('without any fiscal year the windows cannot be checked, and the sheet says so', () => {
    const issues = checkWith((r) => {
      r[0] = ['แบบ สขร. ความก้าวหน้าการจัดซื้อจัดจ้าง'];
      for (let x = FIRST_DATA_ROW; x < FIRST_DATA_ROW + 34; x++) set(r, x, COL.fiscalYear, null);
    });
    expect(issues.filter((i) => i.row === null).map((i) => i.code)).toEqual(['fiscal-year-unknown']);
    expect(issues.filter((i) => i.code === 'required' && i.column === COL.fiscalYear)).toHaveLength(34);
  });

  it('--fiscal-year overrides the sheet: a FY2568 window puts these contracts outside it', () => {
    const issues = checkWith(() => undefined, { fiscalYear: 2568 });
    expect(issues.filter((i) => i.code === 'date-outside-window')).toHaveLength(34);
  });

  it('ITA 2568 o12 lists at most 100 rows', () => {
    const rows = realisticO16({ rows: 101 });
    for (let x = FIRST_DATA_ROW; x < FIRST_DATA_ROW + 101; x++) set(rows, x, COL.fiscalYear, 2568);
    const rep = checkSheet(grid(rows), { today, edition: '2568' }).report;
    expect(rep.item).toBe('o12');
    expect(rep.issues.filter((i) => i.row === null).map((i) => i.code)).toEqual(['too-many-rows']);
    const fine = checkSheet(grid(realisticO16({ rows: 100 })), { today, edition: '2568' }).report;
    expect(fine.issues.filter((i) => i.code === 'too-many-rows')).toEqual([]);
  });

  it('an empty required agency column offers the agency profile as fix', () => {
    const issues = checkSheet(grid((() => {
      const r = realisticO16({ rows: 2 });
      set(r, row, COL.province, null);
      return r;
    })()), { today, agency: { province: 'นครราชสีมา' } }).report.issues;
    const i = at(issues, `${COL.province}${row}`);
    expect(i.map((x) => x.code)).toEqual(['required']);
    expect(i[0].fix?.value).toBe('นครราชสีมา');
  });
});
