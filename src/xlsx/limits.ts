/**
 * How much workbook the readers accept: ceilings checked on the sizes a zip declares, before
 * anything is inflated, so a hostile or enormous file gets one clear line instead of exhausting
 * memory. Reading holds the whole sheet (exceljs): a check needs about 12 bytes of memory per
 * byte of sheet XML and ~500 per cell, so the ceilings follow the memory Node may use (its heap
 * limit: 2 GB on an 8 GB PC, 4 GB from 16 GB). README "Limits and memory" has the figures.
 */

export interface ReadLimits {
  /** Uncompressed XML of one worksheet. A 200,000-row o16 is about 150 MB. */
  readonly sheetXmlBytes: number;
  /** Uncompressed size of every part of the workbook together (sheets, shared strings, styles…). */
  readonly workbookXmlBytes: number;
  /** Cells of one worksheet (a 200,000-row o16 has 3.6 million). */
  readonly sheetCells: number;
}

const MB = 1024 * 1024;

/** The ceilings with a 4 GB heap, and never more. */
export const MAX_LIMITS: ReadLimits = { sheetXmlBytes: 340 * MB, workbookXmlBytes: 400 * MB, sheetCells: 8_000_000 };

/** Memory a check takes per byte of sheet XML, and per cell (measured: `npm run bench limits`). */
const HEAP_BYTES_PER_XML_BYTE = 12;
const HEAP_BYTES_PER_CELL = 500;

/** The ceilings for a heap of `heapBytes` (v8's heap_size_limit). */
export function limitsForHeap(heapBytes: number): ReadLimits {
  const xml = Math.floor(heapBytes / HEAP_BYTES_PER_XML_BYTE);
  return {
    sheetXmlBytes: Math.min(MAX_LIMITS.sheetXmlBytes, xml),
    workbookXmlBytes: Math.min(MAX_LIMITS.workbookXmlBytes, Math.floor(xml * 1.2)),
    sheetCells: Math.min(MAX_LIMITS.sheetCells, Math.floor(heapBytes / HEAP_BYTES_PER_CELL)),
  };
}

/** The fewest bytes of XML a cell with a value takes (`<c r="A1"><v>1</v></c>`). */
export const MIN_CELL_XML_BYTES = 20;
/** Deflate cannot inflate more than about 1,032 bytes from one. */
export const MAX_DEFLATE_RATIO = 1032;

export function megabytes(n: number): string {
  return `${Math.round(n / MB).toLocaleString('en-US')} MB`;
}
