/**
 * Filling the procurement sheets from data officers already have: e-GP open data (bulk CSV, API
 * CSV, datastore JSON), สขร.1 monthly sheets, and o16/o17 lists of another layout. Pure functions
 * over strings, bytes, rows and grids, for the command line and a browser page alike.
 *
 * Typical use (a file streamed in chunks, e.g. `file.stream()` in a browser):
 *   importProcurement(csvSourceRecords({ file: name, format: 'csv' }, chunks), options)
 * and for workbooks: workbookRecords(info, grids) → importProcurement. The result holds the rows
 * in template order, what was skipped and why, duplicates, conflicts, the check's issues, personal
 * IDs, the o17 summary, and where rows go in an existing sheet. This barrel exports what the faces
 * (command line, task pane) use; tests import the modules themselves.
 */
export { textDecoderFactory } from './encoding';
export type { ChunkDecoder, DecoderFactory, TextEncodingName } from './encoding';
export type { ReportMonth } from './monthlySheet';
export { importProcurement, wantedAgency } from './importProcurement';
export type { ImportCounts, ImportedRow, ImportResult } from './importProcurement';
export { maskCitizenId, publishedValue } from './pdpa';
export { firstTakenRow, placedRow } from './placement';
export type { Placement } from './placement';
export { ImportError } from './importError';
export { describeOrigin, describeOriginEn } from './sourceRecord';
export type { SourceOrigin, SourceRecord } from './sourceRecord';
export { formatReportMonth, monthsOfWindow } from './months';
export { byteChunks, csvSourceRecords, jsonSourceRecords, SNIFF_BYTES, sourceFormat, workbookRecords } from './sourceFile';
export type { SourceFormat, SourceInfo } from './sourceFile';
export { matchedChoice, unitChoices } from './unitChoices';
export type { AgencyNameField } from './unitChoices';
