/**
 * Filling the procurement sheets from data officers already have: e-GP open data (bulk CSV, API
 * CSV, datastore JSON), สขร.1 monthly sheets, and o16/o17 lists of another layout. Pure functions
 * over strings, bytes, rows and grids, for the command line and a browser page alike.
 *
 * Typical use (a file streamed in chunks, e.g. `file.stream()` in a browser):
 *   importProcurement(csvSourceRecords({ file: name, format: 'csv' }, chunks), options)
 * and for workbooks: readWorkbookSources(grids, name).records → importProcurement. The result
 * holds the rows in template order, what was skipped and why, duplicates, conflicts, the check's
 * issues, personal IDs, the o17 summary, and where rows go in an existing sheet (planAppend).
 */
export { CsvParser, csvRowBatches, csvRows, parseCsv } from './csv';
export { decodeByteChunks, decodeBytes, detectEncoding, textDecoderFactory } from './encoding';
export type { ChunkDecoder, DecoderFactory, Detection, TextEncodingName, DecodeOptions } from './encoding';
export { EgpCsvReader, egpCsvRecordBatches, egpCsvRecords, egpJsonRecords, mapEgpHeader } from './egp';
export type { EgpHeaderMap, EgpRead, EgpVariant } from './egp';
export { EGP_COLUMNS, METHOD_FAMILIES } from './egpColumns';
export { AgencyFilter, agencyKey, matchAgencyName, suggestAgencies } from './agencyFilter';
export type { AgencyNameCount } from './agencyFilter';
export { methodResolver } from './method';
export { splitContractCell, splitWinnerCell } from './combinedCells';
export { readMonthlySheet, recognizeMonthlySheet, reportMonth, statesNoProcurement } from './monthlySheet';
export type { MonthlySheetRead, ReportMonth } from './monthlySheet';
export { readTemplateSheet, readWorkbookSources } from './workbookSources';
export type { SheetUse, WorkbookSources } from './workbookSources';
export { importProcurement } from './importProcurement';
export type { ConflictRecord, DuplicateRecord, ImportCounts, ImportedRow, ImportOptions, ImportResult, PersonalIdRow, RecordStream, SkippedRecord } from './importProcurement';
export { maskCitizenId, personalIdOf, publicationRows, publishedValue } from './pdpa';
export { firstTakenRow, placedRow, planAppend } from './placement';
export type { Placement } from './placement';
export { ImportError } from './importError';
export { describeOrigin, describeOriginEn } from './sourceRecord';
export type { SourceField, SourceKind, SourceOrigin, SourceRecord } from './sourceRecord';
export { formatReportMonth, monthsOfWindow } from './months';
export { baseName, byteChunks, csvSourceRecords, jsonSourceRecords, SNIFF_BYTES, sourceFormat, workbookRecords } from './sourceFile';
export type { ReadOptions, SourceFormat, SourceInfo } from './sourceFile';
export { matchedChoice, unitChoices } from './unitChoices';
export type { AgencyNameField, UnitChoice } from './unitChoices';
