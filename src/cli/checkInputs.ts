/**
 * What `check` was given → the workbooks to check: files as named, folders searched recursively for
 * .xlsx, glob patterns expanded. Anything else found in a folder or by a pattern is listed as
 * skipped (never silently dropped); a name that matches nothing is unusable input.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { convertPathToPattern, glob, isDynamicPattern } from 'tinyglobby';

export interface Skipped {
  readonly file: string;
  readonly th: string;
  readonly en: string;
}

export interface ExpandedInputs {
  /** Workbooks to check, in the order given (folders and patterns sorted by path). */
  readonly files: string[];
  readonly skipped: Skipped[];
  /** Names that are no file, folder or matching pattern: reported as unusable. */
  readonly missing: string[];
  /** The input was exactly one file named as such (the one-file report, word for word). */
  readonly single: boolean;
}

/** Excel's owner file of a workbook open elsewhere ("~$o16.xlsx"): not a workbook. */
function isLockFile(name: string): boolean {
  return path.basename(name).startsWith('~$');
}

function classify(file: string, files: string[], skipped: Skipped[]): void {
  if (isLockFile(file)) {
    skipped.push({ file, th: 'ไฟล์ล็อกของ Excel (มีคนเปิดสมุดงานนี้อยู่) ไม่ใช่สมุดงาน', en: "Excel's lock file of an open workbook" });
  } else if (file.toLowerCase().endsWith('.xlsx')) {
    files.push(file);
  } else {
    skipped.push({ file, th: 'ไม่ใช่ไฟล์ .xlsx', en: 'not an .xlsx file' });
  }
}

async function statOf(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await fs.stat(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

export async function expandInputs(inputs: readonly string[], exclude: readonly string[] = []): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const missing: string[] = [];
  const excluded = new Set(exclude.map((e) => path.resolve(e)));
  for (const input of inputs) {
    const kind = await statOf(input);
    if (kind === 'file' || (kind === undefined && inputs.length === 1 && !isDynamicPattern(input))) {
      // A file named as such is checked whatever its extension: the check says what it is (or
      // that it is not there, as `check FILE` always has).
      files.push(input);
      continue;
    }
    let found: string[];
    if (kind === 'dir') {
      // A folder name may hold glob characters ("ITA [2567]"): it is escaped, not expanded.
      found = await glob(`${convertPathToPattern(input)}/**/*`, { onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false, absolute: path.isAbsolute(input) });
    } else if (isDynamicPattern(input)) {
      found = await glob(input.replace(/\\/g, '/'), { onlyFiles: true, dot: false, expandDirectories: false, absolute: path.isAbsolute(input) });
    } else {
      missing.push(input);
      continue;
    }
    // An empty folder is not a wrong name: the command says nothing was found to check.
    if (found.length === 0 && kind !== 'dir') {
      missing.push(input);
      continue;
    }
    found.sort((a, b) => a.localeCompare(b));
    for (const f of found) {
      if (excluded.has(path.resolve(f))) continue; // the report being written, in the folder checked
      classify(path.normalize(f), files, skipped);
    }
  }
  // The same workbook named twice (a file and its folder) is checked once.
  const once = <T>(list: T[], key: (x: T) => string) => {
    const seen = new Set<string>();
    return list.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
  };
  const unique = once(files, (f) => path.resolve(f));
  const single = inputs.length === 1 && unique[0] === inputs[0];
  return { files: unique, skipped: once(skipped, (s) => path.resolve(s.file)), missing, single };
}
