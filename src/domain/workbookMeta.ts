/**
 * What ita-forms remembers inside a workbook, so that it travels with the file: the agency
 * profile and which template and edition each sheet holds. Only the rows are defined here (pure
 * data: key/value rows); each face keeps them on a hidden sheet through its own workbook access,
 * and a person can unhide and read them.
 */
import type { CellValue } from './grid';
import type { AgencyProfile } from './check/types';
import { parseAgencyProfile } from './agency';

export const META_SHEET = 'ita-forms';
/** Hidden sheet that holds the drop-down lists (data validation points at its ranges). */
export const LISTS_SHEET = 'ita-lists';

interface SheetBinding {
  readonly template: string;
  readonly edition: string;
}

export interface WorkbookMeta {
  readonly agency?: AgencyProfile;
  readonly sheets: Readonly<Record<string, SheetBinding>>;
  /** A catalogue file's text (ITA 2570 before a release), kept so the workbook checks against it anywhere. */
  readonly catalogue?: string;
}

const AGENCY_KEY = 'agency';
const SHEET_PREFIX = 'sheet:';
const CATALOGUE_KEY = 'catalogue';

export function encodeMeta(meta: WorkbookMeta): CellValue[][] {
  const rows: CellValue[][] = [['key', 'value']];
  if (meta.agency) rows.push([AGENCY_KEY, JSON.stringify(meta.agency)]);
  for (const [name, b] of Object.entries(meta.sheets)) rows.push([SHEET_PREFIX + name, `${b.template}|${b.edition}`]);
  if (meta.catalogue) rows.push([CATALOGUE_KEY, meta.catalogue]);
  return rows;
}

/** Reads what encodeMeta wrote; anything unreadable is ignored rather than trusted. */
export function decodeMeta(rows: readonly (readonly CellValue[])[]): WorkbookMeta {
  let agency: AgencyProfile | undefined;
  const sheets: Record<string, SheetBinding> = {};
  let catalogue: string | undefined;
  for (const row of rows) {
    const key = typeof row[0] === 'string' ? row[0] : '';
    const value = typeof row[1] === 'string' ? row[1] : '';
    if (key === AGENCY_KEY) {
      const p = parseAgencyProfile(value);
      if (p.ok) agency = p.value;
    } else if (key === CATALOGUE_KEY && value.trim()) {
      catalogue = value;
    } else if (key.startsWith(SHEET_PREFIX)) {
      const [template, edition] = value.split('|');
      if (template && edition) sheets[key.slice(SHEET_PREFIX.length)] = { template, edition };
    }
  }
  return { ...(agency ? { agency } : {}), sheets, ...(catalogue ? { catalogue } : {}) };
}
