/**
 * What a file given as a workbook really is, told before it is read: an .xlsx safe to inflate, or
 * one clear line — an OpenDocument spreadsheet (.ods), a password-protected workbook, an old .xls,
 * not a workbook at all, or a workbook past the limits (limits.ts), judged on the sizes the zip
 * declares without inflating anything. Pure over a ByteSource, for the command line and the pane;
 * inspectFile.ts adds, on disk, the checks that need inflating (actual sizes, the cell range).
 */
import { cfbKind, isCfb } from './cfb';
import { MAX_DEFLATE_RATIO, MAX_LIMITS, megabytes, MIN_CELL_XML_BYTES, type ReadLimits } from './limits';
import { readZipDirectory, ZipFormatError, type ByteSource, type ZipEntry } from './zipDirectory';

/** A file the readers will not open, with the line for the officer (Thai | English). */
export class WorkbookRefused extends Error {
  constructor(
    readonly code: 'encrypted' | 'xls' | 'ods' | 'not-xlsx' | 'corrupt' | 'too-large',
    readonly th: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'WorkbookRefused';
  }
}

/** Checks that need the entries' bytes (inflating), done where a zlib is at hand. */
export interface DeepChecks {
  /** The entry's real inflated size, counting no further than `limit` + 1 bytes. */
  inflatedSize(entry: ZipEntry, limit: number): Promise<number>;
  /** The first few kilobytes of the entry, inflated (for the sheet's `<dimension>`). */
  headText(entry: ZipEntry): Promise<string>;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

function tooLarge(name: string, what: string, whatEn: string, size: string, limit: string): WorkbookRefused {
  return new WorkbookRefused(
    'too-large',
    `${name}: ${what} ใหญ่เกินกว่าที่ตรวจได้ (${size} เมื่อคลายการบีบอัด รับได้ไม่เกิน ${limit}) — แบ่งเป็นหลายไฟล์ หรือลบแถว/คอลัมน์ว่างที่จัดรูปแบบไว้ แล้วลองใหม่`,
    `${name}: ${whatEn} is too large to read (${size} uncompressed, the limit is ${limit}): split the file or delete formatted empty rows/columns`,
  );
}

/** Rows × columns of `<dimension ref="A1:R200001"/>`, when the sheet states it. */
export function dimensionCells(xmlHead: string): number | undefined {
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(xmlHead);
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!m[3]) return 1;
  return (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(col(m[3]) - col(m[1])) + 1);
}

/**
 * Throws WorkbookRefused unless `src` is an .xlsx within the limits. `name` is how the officer
 * named the file. `deep` adds the checks that inflate (real sizes against lying headers, cells);
 * `limits` are the ceilings (limitsForHeap on the command line).
 */
export async function inspectWorkbook(src: ByteSource, name: string, deep?: DeepChecks, limits: ReadLimits = MAX_LIMITS): Promise<void> {
  const { sheetXmlBytes: MAX_SHEET_XML_BYTES, workbookXmlBytes: MAX_WORKBOOK_XML_BYTES, sheetCells: MAX_SHEET_CELLS } = limits;
  const head = await src.read(0, 8);
  if (src.size === 0) throw new WorkbookRefused('not-xlsx', `${name}: ไฟล์ว่างเปล่า`, `${name} is empty`);
  if (isCfb(head)) {
    const kind = await cfbKind(src);
    if (kind === 'encrypted-ooxml') {
      throw new WorkbookRefused(
        'encrypted',
        `${name} ตั้งรหัสผ่านไว้ (ไฟล์ถูกเข้ารหัส) จึงอ่านไม่ได้: เปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสด้วยรหัสผ่าน ลบรหัสผ่านแล้วกดตกลง) บันทึก แล้วลองใหม่`,
        `${name} is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save and try again`,
      );
    }
    if (kind === 'xls') {
      throw new WorkbookRefused('xls', `${name} เป็นไฟล์ Excel แบบเก่า (.xls): เปิดแล้วบันทึกเป็น .xlsx ก่อน`, `${name} is an old .xls workbook: save it as .xlsx first`);
    }
    throw new WorkbookRefused('not-xlsx', `${name} ไม่ใช่ไฟล์ Excel (.xlsx)`, `${name} is not an Excel workbook (.xlsx)`);
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new WorkbookRefused('not-xlsx', `${name} ไม่ใช่ไฟล์ Excel .xlsx (ถ้าเป็น .xls ให้บันทึกเป็น .xlsx ก่อน)`, `${name} is not an .xlsx workbook (save .xls files as .xlsx first)`);
  }
  let entries: ZipEntry[];
  try {
    entries = await readZipDirectory(src);
  } catch (e) {
    if (!(e instanceof ZipFormatError)) throw e;
    throw new WorkbookRefused('corrupt', `${name} เสียหายหรืออ่านไม่ได้ (ไฟล์ไม่ครบหรือผิดรูปแบบ: ${e.message}): ดาวน์โหลดหรือคัดลอกไฟล์มาใหม่`, `${name} is damaged or truncated (${e.message})`);
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml') && (names.has('mimetype') || names.has('META-INF/manifest.xml'))) {
      throw new WorkbookRefused(
        'ods',
        `${name} เป็นไฟล์ OpenDocument (.ods) ของ LibreOffice/OpenOffice ไม่ใช่ .xlsx: เปิดแล้วเลือก "บันทึกเป็น" Excel 2007-365 (.xlsx) หรือแปลงด้วยคำสั่ง libreoffice --headless --convert-to xlsx "${name}"`,
        `${name} is an OpenDocument spreadsheet (.ods), not .xlsx: save it as Excel (.xlsx), or convert it with libreoffice --headless --convert-to xlsx "${name}"`,
      );
    }
    throw new WorkbookRefused('not-xlsx', `${name} เป็นไฟล์ zip แต่ไม่ใช่สมุดงาน Excel (.xlsx)`, `${name} is a zip file but not an Excel workbook (.xlsx)`);
  }
  if (entries.some((e) => e.encrypted)) {
    throw new WorkbookRefused('encrypted', `${name} มีส่วนที่เข้ารหัสไว้: เอารหัสผ่านออกแล้วบันทึกใหม่`, `${name} has encrypted parts: remove the password and save it again`);
  }

  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (SHEET.test(e.name) && e.uncompressedSize > MAX_SHEET_XML_BYTES) {
      throw tooLarge(name, `แผ่นงาน ${e.name}`, `sheet ${e.name}`, megabytes(e.uncompressedSize), megabytes(MAX_SHEET_XML_BYTES));
    }
  }
  if (total > MAX_WORKBOOK_XML_BYTES) throw tooLarge(name, 'ข้อมูลในไฟล์', 'the workbook', megabytes(total), megabytes(MAX_WORKBOOK_XML_BYTES));
  if (!deep) return;

  // The sizes a zip declares can lie (a zip bomb): an entry that could inflate past its limit is
  // inflated once, counting bytes and keeping none, before any reader holds it in memory.
  let actualTotal = 0;
  for (const e of entries) {
    const isSheet = SHEET.test(e.name);
    const limit = isSheet ? MAX_SHEET_XML_BYTES : MAX_WORKBOOK_XML_BYTES;
    let size = e.uncompressedSize;
    if (e.method !== 0 && e.compressedSize * MAX_DEFLATE_RATIO > Math.min(limit, MAX_WORKBOOK_XML_BYTES - actualTotal)) {
      size = await deep.inflatedSize(e, limit);
      if (size !== e.uncompressedSize && size > limit) {
        throw tooLarge(name, isSheet ? `แผ่นงาน ${e.name}` : e.name, isSheet ? `sheet ${e.name}` : e.name, `> ${megabytes(limit)}`, megabytes(limit));
      }
    }
    actualTotal += size;
    if (actualTotal > MAX_WORKBOOK_XML_BYTES) throw tooLarge(name, 'ข้อมูลในไฟล์', 'the workbook', `> ${megabytes(MAX_WORKBOOK_XML_BYTES)}`, megabytes(MAX_WORKBOOK_XML_BYTES));
    if (isSheet) {
      // Cells: the range the sheet states, but never more than its bytes can hold (a sloppy
      // A1:XFD1048576 range over a small sheet is no reason to refuse it).
      const stated = dimensionCells(await deep.headText(e));
      const cells = Math.min(stated ?? Infinity, Math.floor(size / MIN_CELL_XML_BYTES));
      if (cells > MAX_SHEET_CELLS) {
        throw new WorkbookRefused(
          'too-large',
          `${name}: แผ่นงาน ${e.name} มีประมาณ ${cells.toLocaleString('en-US')} เซลล์ เกินกว่าที่ตรวจได้ (ไม่เกิน ${MAX_SHEET_CELLS.toLocaleString('en-US')} เซลล์) — แบ่งเป็นหลายไฟล์ แล้วลองใหม่`,
          `${name}: sheet ${e.name} has about ${cells.toLocaleString('en-US')} cells, more than the ${MAX_SHEET_CELLS.toLocaleString('en-US')} this program reads: split the file`,
        );
      }
    }
  }
}
