/**
 * The pane's state over the gateway: the active sheet as last read, the last check, and a small
 * helper that turns any async use case into busy/error state (so a failing gateway shows a
 * message instead of breaking the pane).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { inspectActiveSheet, rereadSheet, runCheck, type ActiveSheet, type CheckRun } from '../app/workbookSession';
import { columnIndex } from '../domain/grid';
import type { CellRef, WorkbookGateway } from '../workbook/gateway';

/** Subscribes to "something in the workbook changed" (the preview's MemoryWorkbook offers it). */
export type WorkbookWatch = (listener: () => void) => () => void;

export interface Action {
  readonly busy: boolean;
  readonly error: unknown;
  /** Runs fn; returns its result, or undefined when it threw (the error is kept for display). */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      if (mounted.current) setError(e);
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}

/** What a write of the pane changed: cells of the active sheet, or the workbook (new sheet, meta). */
export type WriteKind = 'cells' | 'workbook';

export interface SessionState {
  /** The active sheet as last read (the check below is about this very read). */
  readonly active: ActiveSheet | undefined;
  readonly loading: boolean;
  /** Reading the sheet failed. */
  readonly error: unknown;
  /** The last check of the active sheet (undefined: not a template, or not checked yet). */
  readonly run: CheckRun | undefined;
  readonly checkedAt: Date | undefined;
  readonly checking: boolean;
  /** The check itself failed (the sheet was read). */
  readonly checkError: unknown;
  /** true: Excel reports edits and the pane re-checks on them; false: it cannot (ExcelApi < 1.7); undefined: not known yet. */
  readonly live: boolean | undefined;
  /** The problem cells are filled; every later check re-fills them, so no colour outlives its issue. */
  readonly highlighted: boolean;
  /** Reads the active sheet (whichever it is now), the workbook's meta, and checks it. */
  refresh(): Promise<void>;
  /** After a write of the pane: re-reads what it changed (one read of the sheet for cells) and re-checks. */
  afterWrite(kind?: WriteKind): Promise<void>;
  /** Re-reads the active sheet and checks it again. */
  recheck(): Promise<void>;
  /** Fills the problem cells of the last check; returns how many cells. */
  highlight(): Promise<number>;
  clearHighlights(): Promise<void>;
}

type HighlightCell = CellRef & { readonly severity: 'error' | 'warning' };

/** The cells of the active sheet's issues that point at one cell. */
function problemCells(run: CheckRun | undefined, sheet: string): HighlightCell[] {
  const report = run?.report.sheets.find((r) => r.sheet === sheet);
  const out: HighlightCell[] = [];
  for (const i of report?.issues ?? []) {
    if (i.row !== null && i.column !== null) out.push({ row: i.row, col: columnIndex(i.column) + 1, severity: i.severity });
  }
  return out;
}

/** Re-check this long after the last edit Excel reports: typing a row fires many change events. */
const RECHECK_DELAY_MS = 800;

interface Snapshot {
  readonly active: ActiveSheet | undefined;
  readonly run: CheckRun | undefined;
  readonly checkedAt: Date | undefined;
  readonly loading: boolean;
  readonly checking: boolean;
  readonly error: unknown;
  readonly checkError: unknown;
}

const EMPTY: Snapshot = { active: undefined, run: undefined, checkedAt: undefined, loading: true, checking: false, error: null, checkError: null };

/**
 * The active sheet and its check, always read together: a verdict is about the sheet as this read
 * found it, never about an older read. Re-read and re-checked on start, after every write of the
 * pane (any tab), on every edit Excel reports (ExcelApi 1.7 events, whatever tab is open), when the
 * officer comes back to the pane on another sheet, and, where Excel cannot report edits, whenever
 * the officer comes back to the pane.
 */
export function usePaneSession(gateway: WorkbookGateway, watch?: WorkbookWatch): SessionState {
  const [snap, setSnap] = useState<Snapshot>(EMPTY);
  const [live, setLive] = useState<boolean>();
  const [highlighted, setHighlighted] = useState(false);
  const highlightedRef = useRef(false);
  // Only the newest read may land: an older, slower one must not overwrite it.
  const seq = useRef(0);
  const activeRef = useRef<ActiveSheet>();
  activeRef.current = snap.active;
  const liveRef = useRef<boolean>();
  liveRef.current = live;

  const load = useCallback(
    async (mode: 'full' | 'sheet') => {
      const mine = ++seq.current;
      setSnap((s) => ({ ...s, loading: true, checking: true }));
      let active: ActiveSheet;
      try {
        const previous = activeRef.current;
        active = mode === 'sheet' && previous ? await rereadSheet(gateway, previous).catch(() => inspectActiveSheet(gateway)) : await inspectActiveSheet(gateway);
      } catch (e) {
        if (mine === seq.current) setSnap((s) => ({ ...s, loading: false, checking: false, error: e }));
        return;
      }
      if (mine !== seq.current) return;
      const sameSheet = activeRef.current?.sheet === active.sheet;
      if (!sameSheet && highlightedRef.current) {
        highlightedRef.current = false;
        setHighlighted(false);
      }
      // The sheet is shown at once; its verdict follows when the check is done.
      setSnap((s) => ({
        ...s, active, loading: false, error: null,
        ...(sameSheet ? {} : { run: undefined, checkedAt: undefined, checkError: null }),
        checking: active.recognition !== undefined,
      }));
      activeRef.current = active;
      if (!active.recognition) return;
      try {
        const run = await runCheck(gateway, active);
        if (mine !== seq.current) return;
        if (highlightedRef.current) {
          await gateway.clearHighlights(active.sheet);
          await gateway.highlight(active.sheet, problemCells(run, active.sheet));
        }
        if (mine === seq.current) setSnap((s) => ({ ...s, run, checkedAt: new Date(), checking: false, checkError: null }));
      } catch (e) {
        if (mine === seq.current) setSnap((s) => ({ ...s, checking: false, checkError: e }));
      }
    },
    [gateway],
  );

  const refresh = useCallback(() => load('full'), [load]);
  const recheck = useCallback(() => load('sheet'), [load]);
  const afterWrite = useCallback((kind: WriteKind = 'cells') => load(kind === 'cells' ? 'sheet' : 'full'), [load]);

  useEffect(() => {
    void load('full');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load('full'), 150);
    };
    // Back in the pane: re-read if the officer moved to another sheet (asking is cheap, reading a
    // large sheet over Excel on the web is not); where Excel cannot report edits, re-check anyway.
    const onFocus = () => {
      gateway.activeSheet().then(
        (name) => {
          if (name !== activeRef.current?.sheet) soon();
          else if (liveRef.current === false && activeRef.current?.recognition) void load('sheet');
        },
        () => undefined,
      );
    };
    // The preview reports every change of its workbook, the pane's own writes and highlights too:
    // re-read on a change of sheet (or of a sheet that is no template yet); edits of a template
    // sheet come through onChanged below, as in Excel.
    const onWorkbookChange = () => {
      gateway.activeSheet().then(
        (name) => (name !== activeRef.current?.sheet || !activeRef.current?.recognition) && soon(),
        () => undefined,
      );
    };
    const unwatch = watch?.(onWorkbookChange);
    window.addEventListener('focus', onFocus);
    return () => {
      clearTimeout(timer);
      unwatch?.();
      window.removeEventListener('focus', onFocus);
    };
  }, [load, watch, gateway]);

  // Edits Excel reports on the active template sheet re-check it, whatever tab is open.
  const sheet = snap.active?.recognition ? snap.active.sheet : undefined;
  useEffect(() => {
    if (sheet === undefined) return;
    let cancelled = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEdit = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load('sheet'), RECHECK_DELAY_MS);
    };
    gateway.onChanged(sheet, onEdit).then(
      (off) => {
        if (cancelled) void off?.().catch(() => undefined);
        else {
          unsubscribe = off;
          setLive(off !== null);
        }
      },
      () => !cancelled && setLive(false),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [gateway, sheet, load]);

  const setHighlightFlag = (on: boolean) => {
    highlightedRef.current = on;
    setHighlighted(on);
  };

  const highlight = useCallback(async () => {
    const name = snap.active?.sheet;
    if (!name) return 0;
    const cells = problemCells(snap.run, name);
    await gateway.highlight(name, cells);
    setHighlightFlag(true);
    return new Set(cells.map((c) => `${c.row}:${c.col}`)).size;
  }, [gateway, snap.active, snap.run]);

  const clearHighlights = useCallback(async () => {
    const name = snap.active?.sheet;
    if (!name) return;
    await gateway.clearHighlights(name);
    setHighlightFlag(false);
  }, [gateway, snap.active]);

  return { ...snap, live, highlighted, refresh, afterWrite, recheck, highlight, clearHighlights };
}
