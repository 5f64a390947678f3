/**
 * Payload budgeting for Office.js requests. Excel on the web rejects a request or a response over
 * 5 MB, and Thai text inflates JSON: each Thai character is 3 bytes of UTF-8. Everything the
 * gateway sends or loads is sized here, so that one `context.sync()` carries at most ~2.5 MB
 * (half the limit, as a margin for what the estimate does not see).
 */

/** What Excel on the web accepts in one request or one response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What the gateway aims to put in one round trip. */
export const PAYLOAD_TARGET = 2.5 * 1024 * 1024;
/** Bytes of JSON an action costs besides its arguments (ids, paths, action type). */
export const ACTION_OVERHEAD = 160;

/** UTF-8 bytes of a string (no allocation: Thai is 3 bytes a character, surrogate pairs 4). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a string as a JSON literal: quotes and escapes included. */
function jsonStringBytes(s: string): number {
  let extra = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) extra += 1;
    else if (c < 0x20) extra += c === 10 || c === 13 || c === 9 || c === 8 || c === 12 ? 1 : 5;
  }
  return utf8Length(s) + extra;
}

/** Bytes one cell adds to a JSON 2-D array (its separator included). */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === 'string') return jsonStringBytes(v) + 1;
  if (typeof v === 'number') return (Number.isFinite(v) ? String(v).length : 4) + 1;
  if (typeof v === 'boolean') return v ? 5 : 6;
  return jsonStringBytes(String(v)) + 1;
}

export function rowBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) n += cellBytes(v);
  return n;
}

/** Bytes of a 2-D array as JSON. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const r of rows) n += rowBytes(r);
  return n;
}

/** Consecutive runs of items whose summed size stays within `max` (an item larger than `max` stands alone). */
export function chunkBySize<T>(items: readonly T[], size: (item: T) => number, max: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const b = size(item);
    if (cur.length && bytes + b > max) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(item);
    bytes += b;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** True for Excel's "request/response payload size limit exceeded" errors. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /payload size/i.test(message);
}

/** The one method of a request context the budget needs. */
export interface Syncable {
  sync(): Promise<unknown>;
}

/**
 * Counts the bytes queued on a request context and syncs only when the next operation would carry
 * the request over the target: a round trip per ~2.5 MB of data, never one per row or cell.
 * Queue an operation by reserving its estimated bytes first, then finish with `flush()`.
 */
export class SyncBudget {
  private bytes = 0;
  private pending = false;
  /** Round trips this budget made (flush included). */
  syncs = 0;

  constructor(
    private readonly context: Syncable,
    private readonly target: number = PAYLOAD_TARGET,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.pending && this.bytes + bytes > this.target) await this.flush();
    this.bytes += bytes;
    this.pending = true;
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    this.bytes = 0;
    this.pending = false;
    this.syncs++;
    await this.context.sync();
  }
}
