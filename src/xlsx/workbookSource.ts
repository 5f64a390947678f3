/**
 * A source workbook (.xlsx: สขร.1 months, o16/o17 of another layout) from its bytes → source
 * records. Bytes, not a path: the command line reads the file from disk, the task pane gets it from
 * the file the officer picked, and both read it here. It touches no file system, so the pane can
 * load it (with exceljs) on demand, only when an officer picks a workbook.
 */
import ExcelJS from 'exceljs';
import { ImportError, workbookRecords, type SourceInfo, type SourceRecord } from '../domain/import';
import { loadWorkbook } from './read';
import { inspectWorkbook, WorkbookRefused } from './inspectWorkbook';
import { bytesSource } from './zipDirectory';

export async function workbookBytesRecords(info: SourceInfo, bytes: Uint8Array | ArrayBuffer): Promise<SourceRecord[]> {
  // What the file is (.ods, password-protected…) and whether its declared sizes fit, before inflating it.
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    await inspectWorkbook(bytesSource(view), info.file);
  } catch (e) {
    if (e instanceof WorkbookRefused) throw new ImportError(`xlsx-${e.code}`, e.th, e.en);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings say Buffer; its zip reader takes any byte array, as browsers give.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new ImportError('xlsx-corrupt', `${info.file} เสียหายหรืออ่านไม่ได้`, `${info.file} is corrupt or cannot be read`);
  }
  const loaded = await loadWorkbook(wb);
  return workbookRecords(info, loaded.sheets, (sheet) => {
    const b = loaded.meta.sheets[sheet];
    return b ? { templateId: b.template, edition: b.edition } : {};
  });
}
