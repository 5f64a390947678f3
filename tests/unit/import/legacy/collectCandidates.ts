// The import's collect and map phases as they were before they were fused (commit 6cf2b98): the
// oracle of legacyEquivalence.test.ts, which checks that the fused pipeline gives the same result.
// Not used by the product.
/**
 * The first phase of the import: source records as they stream past → the agency's records in the
 * template's window (the candidates), with every other record counted or listed as skipped.
 * Only the candidates are held, with their strings detached from the chunk they were read from.
 */
import type { CellValue } from '../../../../src/domain/grid';
import type { DateWindow } from '../../../../src/domain/check/context';
import { parseFiscalYear, parseThaiDate } from '../../../../src/domain/values/thaiDate';
import { normalizeSpaces } from '../../../../src/domain/values/thaiDigits';
import { AgencyFilter, type AgencyNameCount } from '../../../../src/domain/import/agencyFilter';
import type { SourceField, SourceOrigin, SourceRecord } from '../../../../src/domain/import/sourceRecord';
import { detached, textOf } from '../../../../src/domain/import/sourceRecord';

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
  readonly rec: SourceRecord;
  readonly sign: Date | undefined;
  readonly agencyName: string | undefined;
}

/** Skipped records of every phase, listed in source order at the end. */
export class SkippedList {
  private readonly items: { index: number; record: SkippedRecord }[] = [];

  add(index: number, rec: SourceRecord, code: string, th: string, en: string): void {
    this.items.push({ index, record: { origin: rec.origin, code, message: th, messageEn: en, label: labelOf(rec) } });
  }

  get length(): number {
    return this.items.length;
  }

  inSourceOrder(): SkippedRecord[] {
    return this.items.sort((a, b) => a.index - b.index).map((s) => s.record);
  }
}

export interface Collected {
  readonly read: number;
  readonly matchedAgency: number;
  readonly unreadable: number;
  readonly outsideWindow: number;
  /** In source order; empty when `severalAgencies`. */
  readonly candidates: Candidate[];
  /** No agency was wanted and the sources hold several: nothing can be imported. */
  readonly severalAgencies: boolean;
  readonly agencies: readonly AgencyNameCount[];
}

export function labelOf(rec: SourceRecord): string {
  const pn = textOf(rec.values.projectNumber);
  const item = normalizeSpaces(textOf(rec.values.item));
  const short = item.length > 60 ? item.slice(0, 57) + '…' : item;
  return [pn, short].filter(Boolean).join(' ') || '(ไม่มีชื่อโครงการ)';
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

/** The record with its strings detached from the chunk they were read from (see `detached`). */
function detach(rec: SourceRecord): SourceRecord {
  const values: { -readonly [K in SourceField]?: CellValue } = {};
  for (const [k, v] of Object.entries(rec.values) as [SourceField, CellValue | undefined][]) {
    if (v !== undefined) values[k] = typeof v === 'string' ? detached(v) : v;
  }
  return { ...rec, values };
}

function isBatch(x: SourceRecord | readonly SourceRecord[]): x is readonly SourceRecord[] {
  return Array.isArray(x);
}

/**
 * Reads every record once: unreadable ones and those whose signing date or window cannot be told
 * go to `skipped`; other agencies' and out-of-window ones are counted; the rest are the candidates.
 */
export async function collectCandidates(
  records: RecordStream,
  wanted: string | undefined,
  window: DateWindow,
  windowYear: number,
  skipped: SkippedList,
): Promise<Collected> {
  const filter = new AgencyFilter(wanted);
  let read = 0;
  let matchedAgency = 0;
  let unreadable = 0;
  let outsideWindow = 0;
  let candidates: Candidate[] = [];
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
    candidates.push({ index: read, rec: detach(rec), sign, agencyName: name === null ? undefined : detached(name) });
  };
  for await (const item of records) {
    if (isBatch(item)) for (let k = 0; k < item.length; k++) take(item[k]);
    else take(item);
  }
  return { read, matchedAgency, unreadable, outsideWindow, candidates, severalAgencies, agencies: filter.names() };
}
