/**
 * How much workbook the readers accept: ceilings checked on the sizes a zip declares, before
 * anything is inflated, so a hostile or enormous file gets one clear line instead of exhausting
 * memory. The figures and the memory they imply are in README ("Limits and memory").
 */

/** Uncompressed XML of one worksheet. A 200,000-row o16 is about 120 MB. */
export const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;
/** Uncompressed size of every part of the workbook together (sheets, shared strings, styles…). */
export const MAX_WORKBOOK_XML_BYTES = 600 * 1024 * 1024;
/** Cells of one worksheet (a 200,000-row o16 has 3.6 million). */
export const MAX_SHEET_CELLS = 6_000_000;
/** The fewest bytes of XML a cell with a value takes (`<c r="A1"><v>1</v></c>`). */
export const MIN_CELL_XML_BYTES = 20;
/** Deflate cannot inflate more than about 1,032 bytes from one. */
export const MAX_DEFLATE_RATIO = 1032;

export function megabytes(n: number): string {
  return `${Math.round(n / (1024 * 1024)).toLocaleString('en-US')} MB`;
}
