/**
 * The web addresses behind hyperlink cells ("คลิกที่นี่" linking to the published page): the grid
 * the check reads holds only the text shown, so `--check-links` reads the link targets here.
 */
import ExcelJS from 'exceljs';

export interface HyperlinkCell {
  readonly sheet: string;
  /** Excel row number and 1-based column. */
  readonly row: number;
  readonly col: number;
  readonly url: string;
}

export async function readHyperlinks(file: string): Promise<HyperlinkCell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: HyperlinkCell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const v = cell.value;
        const url = v && typeof v === 'object' && 'hyperlink' in v ? (v as ExcelJS.CellHyperlinkValue).hyperlink : undefined;
        if (typeof url === 'string' && /^https?:\/\//i.test(url.trim())) out.push({ sheet: ws.name, row: r, col: c, url: url.trim() });
      });
    });
  }
  return out;
}
