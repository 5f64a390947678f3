/**
 * The pane's state over the gateway: the active sheet as last read, the last check, and a small
 * helper that turns any async use case into busy/error state (so a failing gateway shows a
 * message instead of breaking the pane).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { inspectActiveSheet, runCheck, type ActiveSheet, type CheckRun } from '../app/workbookSession';
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

export interface ActiveSheetState {
  readonly active: ActiveSheet | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  refresh(): Promise<void>;
}

/**
 * The active sheet and what it holds. Re-read when asked, when the pane regains focus on another
 * sheet (in Excel the officer switches sheets, then clicks back into the pane) and, where the host
 * can tell, when the workbook changes.
 */
export function useActiveSheet(gateway: WorkbookGateway, watch?: WorkbookWatch): ActiveSheetState {
  const [active, setActive] = useState<ActiveSheet>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Only the newest read may land: an older, slower one must not overwrite it.
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const a = await inspectActiveSheet(gateway);
      if (mine === seq.current) {
        setActive(a);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [gateway]);

  const current = useRef<string>();
  current.current = active?.sheet;

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 150);
    };
    // Back in the pane: re-read only if the officer moved to another sheet (asking is cheap, reading
    // a large sheet over Excel on the web is not). Use cases re-read what they write anyway.
    const onFocus = () => {
      gateway.activeSheet().then(
        (name) => name !== current.current && soon(),
        () => undefined,
      );
    };
    const unwatch = watch?.(soon);
    window.addEventListener('focus', onFocus);
    return () => {
      clearTimeout(timer);
      unwatch?.();
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, watch, gateway]);

  return { active, loading, error, refresh };
}

export interface CheckState {
  /** The sheet as it was read for this check (fixes are planned against it). */
  readonly active: ActiveSheet | undefined;
  readonly run: CheckRun | undefined;
  readonly checkedAt: Date | undefined;
  readonly checking: boolean;
  readonly error: unknown;
  /** true: re-checks on edits; false: the host has no change events; undefined: not known yet. */
  readonly live: boolean | undefined;
  /** The problem cells are filled; every later check re-fills them, so no colour outlives its issue. */
  readonly highlighted: boolean;
  recheck(): Promise<void>;
  /** Fills the problem cells of the last check; returns how many cells. */
  highlight(): Promise<number>;
  clearHighlights(): Promise<void>;
}

type HighlightCell = CellRef & { readonly severity: 'error' | 'warning' };

/** The cells of the active sheet's issues that point at one cell. */
export function problemCells(run: CheckRun | undefined, sheet: string): HighlightCell[] {
  const report = run?.report.sheets.find((r) => r.sheet === sheet);
  const out: HighlightCell[] = [];
  for (const i of report?.issues ?? []) {
    if (i.row !== null && i.column !== null) out.push({ row: i.row, col: columnIndex(i.column) + 1, severity: i.severity });
  }
  return out;
}

/** Re-check this long after the last edit: typing a row fires many change events. */
export const RECHECK_DELAY_MS = 800;

/**
 * The last check of the active sheet, shared by the Check, Fix and Summary pages. Each run reads
 * the sheet afresh (never a grid the pane read earlier). While `enabled`, edits to the sheet
 * trigger a debounced re-check where the host reports them.
 */
type RunState = Pick<CheckState, 'active' | 'run' | 'checkedAt' | 'checking' | 'error'>;

export function useCheck(gateway: WorkbookGateway, sheet: string | undefined, enabled: boolean): CheckState {
  const [state, setState] = useState<RunState>({ active: undefined, run: undefined, checkedAt: undefined, checking: false, error: null });
  const [live, setLive] = useState<boolean>();
  const [highlighted, setHighlighted] = useState(false);
  const highlightedRef = useRef(false);
  const seq = useRef(0);

  const recheck = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, checking: true, error: null }));
    try {
      const active = await inspectActiveSheet(gateway);
      const run = await runCheck(gateway, active);
      if (mine !== seq.current) return;
      if (highlightedRef.current) {
        await gateway.clearHighlights(active.sheet);
        await gateway.highlight(active.sheet, problemCells(run, active.sheet));
      }
      if (mine === seq.current) setState({ active, run, checkedAt: new Date(), checking: false, error: null });
    } catch (e) {
      if (mine === seq.current) setState((s) => ({ ...s, checking: false, error: e }));
    }
  }, [gateway]);

  const setHighlightFlag = (on: boolean) => {
    highlightedRef.current = on;
    setHighlighted(on);
  };

  const highlight = useCallback(async () => {
    const name = state.active?.sheet;
    if (!name) return 0;
    const cells = problemCells(state.run, name);
    await gateway.highlight(name, cells);
    setHighlightFlag(true);
    return new Set(cells.map((c) => `${c.row}:${c.col}`)).size;
  }, [gateway, state.active, state.run]);

  const clearHighlights = useCallback(async () => {
    const name = state.active?.sheet ?? sheet;
    if (!name) return;
    await gateway.clearHighlights(name);
    setHighlightFlag(false);
  }, [gateway, state.active, sheet]);

  // A check of another sheet is no check of this one.
  useEffect(() => {
    seq.current++;
    setHighlightFlag(false);
    setState({ active: undefined, run: undefined, checkedAt: undefined, checking: false, error: null });
  }, [sheet]);

  // First check when a page that shows it opens.
  const needsRun = enabled && sheet !== undefined && !state.run && !state.checking && !state.error;
  useEffect(() => {
    if (needsRun) void recheck();
  }, [needsRun, recheck]);

  useEffect(() => {
    if (!enabled || sheet === undefined) return;
    let cancelled = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEdit = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
    };
    gateway.onChanged(sheet, onEdit).then(
      (off) => {
        if (cancelled) void off?.();
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
  }, [gateway, sheet, enabled, recheck]);

  return { ...state, live, highlighted, recheck, highlight, clearHighlights };
}
