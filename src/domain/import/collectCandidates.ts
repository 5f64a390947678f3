/**
 * The first phase of the import: source records as they stream past → the agency's records in the
 * template's window (the candidates), with every other record counted or listed as skipped.
 * Each candidate is handed to a keeper as it passes (the import maps it there and then), and only
 * what the keeper returns is held: a record itself points into the chunk it was read from.
 */
import type { DateWindow } from '../check/context';
import { parseFiscalYear, parseThaiDate } from '../values/thaiDate';
import { normalizeSpaces } from '../values/thaiDigits';
import { AgencyFilter, type AgencyNameCount } from './agencyFilter';
import type { SourceOrigin, SourceRecord } from './sourceRecord';
import { detached, textOf } from './sourceRecord';

/** Records one by one, or in batches (a streamed file gives one batch per chunk read). */
export type RecordStream = AsyncIterable<SourceRecord | readonly SourceRecord[]> | Iterable<SourceRecord | readonly SourceRecord[]>;

export interface SkippedRecord {
  readonly origin: SourceOrigin;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  /** What identifies the procurement, for the officer to find it ("67039549408 จ้างก่อสร้าง…"). */
  readonly label: string;
}

export interface Candidate {
  /** Position in the sources, to list skipped records in source order. */
  readonly index: number;
  /** As read, like agencyName: to be copied by a keeper that holds it (its strings may point into the chunk). */
  readonly rec: SourceRecord;
  readonly sign: Date | undefined;
  readonly agencyName: string | undefined;
}

/** Skipped records of every phase, listed in source order at the end. */
export class SkippedList {
  private readonly items: { index: number; record: SkippedRecord }[] = [];

  add(index: number, rec: SourceRecord, code: string, th: string, en: string): void {
    this.items.push({ index, record: { origin: rec.origin, code, message: th, messageEn: en, label: detached(labelOf(rec)) } });
  }

  get length(): number {
    return this.items.length;
  }

  inSourceOrder(): SkippedRecord[] {
    return this.items.sort((a, b) => a.index - b.index).map((s) => s.record);
  }
}

export interface Collected<T> {
  readonly read: number;
  readonly matchedAgency: number;
  readonly unreadable: number;
  readonly outsideWindow: number;
  /** The agency's records in the window, kept or not. */
  readonly inWindow: number;
  /** What the keeper kept, in source order; empty when `severalAgencies`. */
  readonly candidates: T[];
  /** No agency was wanted and the sources hold several: nothing can be imported. */
  readonly severalAgencies: boolean;
  readonly agencies: readonly AgencyNameCount[];
}

function labelOf(rec: SourceRecord): string {
  return labelFrom(textOf(rec.values.projectNumber), textOf(rec.values.item));
}

/** The label of a record from its project number and name as written (trimmed). */
export function labelFrom(projectNumber: string, item: string): string {
  const name = normalizeSpaces(item);
  const short = name.length > 60 ? name.slice(0, 57) + '…' : name;
  return [projectNumber, short].filter(Boolean).join(' ') || '(ไม่มีชื่อโครงการ)';
}

type Placed = 'in' | 'out' | 'unknown';

/** Whether a record falls in the window: by signing date, else announcement or reported month, else e-GP's fiscal year. */
function placeInWindow(rec: SourceRecord, sign: Date | undefined, window: DateWindow, windowYear: number): Placed {
  let d: Date | undefined = sign;
  if (!d && rec.values.announceDate !== undefined) {
    const p = parseThaiDate(rec.values.announceDate);
    if (p.ok) d = p.value;
  }
  d ??= rec.periodDate;
  if (d) return d.getTime() >= window.start.getTime() && d.getTime() <= window.end.getTime() ? 'in' : 'out';
  if (rec.values.fiscalYear !== undefined) {
    const fy = parseFiscalYear(rec.values.fiscalYear);
    if (fy.ok) return fy.value === windowYear ? 'in' : 'out';
  }
  return 'unknown';
}

function isBatch(x: SourceRecord | readonly SourceRecord[]): x is readonly SourceRecord[] {
  return Array.isArray(x);
}

/**
 * Reads every record once: unreadable ones and those whose signing date or window cannot be told
 * go to `skipped`; other agencies' and out-of-window ones are counted; the rest are the
 * candidates, each given to `keep`, which returns what to hold of it (undefined: nothing, e.g.
 * it listed the record as skipped) and must copy any string it holds (see `detached`).
 */
export async function collectCandidates<T>(
  records: RecordStream,
  wanted: string | undefined,
  window: DateWindow,
  windowYear: number,
  skipped: SkippedList,
  keep: (c: Candidate) => T | undefined,
): Promise<Collected<T>> {
  const filter = new AgencyFilter(wanted);
  let read = 0;
  let matchedAgency = 0;
  let unreadable = 0;
  let outsideWindow = 0;
  let inWindow = 0;
  let candidates: T[] = [];
  let severalAgencies = false;

  const take = (rec: SourceRecord): void => {
    read++;
    if (rec.unreadable) {
      // Whose row it is cannot be told: it is listed for the officer, never dropped silently.
      unreadable++;
      skipped.add(read, rec, rec.unreadable.code, rec.unreadable.th, rec.unreadable.en);
      return;
    }
    const keepUnnamed = rec.origin.kind === 'monthly-sheet' || rec.origin.kind === 'template-sheet';
    const name = filter.test(rec.values, keepUnnamed);
    if (name === undefined) return;
    matchedAgency++;
    if (severalAgencies) return;
    if (wanted === undefined && filter.distinctUnits() > 1) {
      // Without a filter an export of many agencies cannot be imported: stop holding its rows.
      severalAgencies = true;
      candidates = [];
      return;
    }
    let sign: Date | undefined;
    const signRaw = rec.values.signDate;
    if (signRaw !== undefined && signRaw !== null && textOf(signRaw) !== '') {
      const p = parseThaiDate(signRaw);
      if (!p.ok) {
        skipped.add(read, rec, 'sign-date-invalid', `อ่านวันที่ลงนามในสัญญาไม่ได้: ${p.problem.th}`, `Unreadable signing date: ${p.problem.en}`);
        return;
      }
      sign = p.value;
    }
    const placed = placeInWindow(rec, sign, window, windowYear);
    if (placed === 'out') {
      outsideWindow++;
      return;
    }
    if (placed === 'unknown') {
      skipped.add(read, rec, 'no-date', 'ไม่มีวันที่ลงนามในสัญญาหรือวันที่ประกาศ จึงบอกไม่ได้ว่าอยู่ในช่วงของแบบหรือไม่', 'No signing or announcement date: cannot tell whether it is in the window');
      return;
    }
    inWindow++;
    const kept = keep({ index: read, rec, sign, agencyName: name === null ? undefined : name });
    if (kept !== undefined) candidates.push(kept);
  };
  for await (const item of records) {
    if (isBatch(item)) for (let k = 0; k < item.length; k++) take(item[k]);
    else take(item);
  }
  return { read, matchedAgency, unreadable, outsideWindow, inWindow, candidates, severalAgencies, agencies: filter.names() };
}
