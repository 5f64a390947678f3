/**
 * The preview's spreadsheet: a MemoryWorkbook drawn as Excel would show it (column letters, row
 * numbers, number formats, fills, bold headers, frozen rows, sheet tabs, the selected cell), and
 * editable like Excel: type or double-click to edit, Enter/Tab to commit, Esc to cancel, arrows
 * to move, Delete to clear. Edits go through setCellByUser, which fires the change events the task
 * pane listens to, exactly as typing in Excel does.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CellValue } from '../domain/grid';
import { columnLetter } from '../domain/grid';
import type { MemorySheet, MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import { cellDisplay, isRightAligned, parseTyped } from './format';

const DEFAULT_WIDTH_CHARS = 8.43;
const MIN_ROWS = 40;
const MIN_COLS = 12;

/** Re-renders on every workbook change. */
function useWorkbookVersion(wb: MemoryWorkbook): number {
  const [v, setV] = useState(0);
  useEffect(() => {
    const off = wb.subscribe(() => setV((x) => x + 1));
    return () => {
      off();
    };
  }, [wb]);
  return v;
}

function visibleSheet(wb: MemoryWorkbook): MemorySheet | undefined {
  return wb.sheets.find((s) => s.name === wb.active && !s.hidden) ?? wb.sheets.find((s) => !s.hidden);
}

const px = (chars: number) => Math.round(chars * 7 + 10);

interface Editing {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export function Grid({ wb }: { wb: MemoryWorkbook }) {
  const version = useWorkbookVersion(wb);
  const sheet = visibleSheet(wb);
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const sel = wb.selected && sheet && wb.selected.sheet === sheet.name ? wb.selected : null;

  // A selection made elsewhere (the pane's "go to cell") scrolls into view, as in Excel.
  useEffect(() => {
    if (!sel) return;
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${columnLetter(sel.col - 1)}${sel.row}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sel?.row, sel?.col, sel?.sheet]);

  useEffect(() => setEditing(null), [sheet?.name]);

  // The sheet object is mutated in place by the workbook: `version` is what says it changed.
  const dims = useMemo(() => {
    if (!sheet) return { rows: 0, cols: 0 };
    const cols = Math.max(MIN_COLS, sheet.widths.length, ...sheet.rows.map((r) => r.length)) + 2;
    const rows = Math.max(MIN_ROWS, sheet.rows.length + 15);
    return { rows, cols, version };
  }, [sheet, version]);

  if (!sheet) return <div className="grid-empty">ไม่มีแผ่นงาน</div>;

  const select = (row: number, col: number) => {
    void wb.selectCell(sheet.name, { row: Math.max(1, row), col: Math.max(1, col) });
  };

  /** 'none' is a commit by leaving the cell (blur): the focus is going elsewhere, leave it there. */
  const commit = (e: Editing, move: 'down' | 'right' | 'none') => {
    const before = wb.cell(sheet.name, e.row, e.col);
    const value = parseTyped(e.text, before);
    if (!sameValue(before, value)) wb.setCellByUser(sheet.name, e.row, e.col, value);
    setEditing(null);
    if (move === 'none') return;
    select(move === 'down' ? e.row + 1 : e.row, move === 'right' ? e.col + 1 : e.col);
    gridRef.current?.focus();
  };

  const startEdit = (row: number, col: number, text?: string) => {
    const v = wb.cell(sheet.name, row, col);
    setEditing({ row, col, text: text ?? cellDisplay(v, sheet.numFmts.get(`${row - 1}:${col - 1}`), true) });
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !sel) return;
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      select(sel.row + m[0], sel.col + m[1]);
    } else if (e.key === 'F2') {
      e.preventDefault();
      startEdit(sel.row, sel.col);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (wb.cell(sheet.name, sel.row, sel.col) !== null) wb.setCellByUser(sheet.name, sel.row, sel.col, null);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing replaces the cell's content, as in Excel.
      e.preventDefault();
      startEdit(sel.row, sel.col, e.key);
    }
  };

  const listFor = (row: number, col: number) => {
    const l = sheet.lists.get(col - 1);
    return l && row >= l.from && row <= l.to ? `list-${col - 1}` : undefined;
  };

  const widths = Array.from({ length: dims.cols }, (_, c) => px(sheet.widths[c] || DEFAULT_WIDTH_CHARS));
  const address = sel ? `${columnLetter(sel.col - 1)}${sel.row}` : '';
  const selValue = sel ? wb.cell(sheet.name, sel.row, sel.col) : null;

  return (
    <div className="sheet">
      <div className="formula-bar">
        <span className="name-box" aria-label="เซลล์ที่เลือก" data-testid="name-box">{address}</span>
        <span className="formula" data-testid="formula">{sel ? cellDisplay(selValue, sheet.numFmts.get(`${sel.row - 1}:${sel.col - 1}`), true) : ''}</span>
      </div>
      <div className="grid-scroll" ref={gridRef} tabIndex={0} role="grid" aria-label={`แผ่นงาน ${sheet.name}`} onKeyDown={onGridKey}>
        {/* A fixed layout needs the table's own width, or the browser widens columns to fit text. */}
        <table className="grid" style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: 44 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {widths.map((_, c) => (
                <th key={c} className={sel && sel.col === c + 1 ? 'col-head active' : 'col-head'} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: dims.rows }, (_, r) => {
              const row = r + 1;
              return (
                <tr key={r} className={r === sheet.frozenRows - 1 ? 'frozen-edge' : undefined}>
                  <th className={sel && sel.row === row ? 'row-head active' : 'row-head'} scope="row">{row}</th>
                  {widths.map((_, c) => {
                    const col = c + 1;
                    const k = `${r}:${c}`;
                    const v = sheet.rows[r]?.[c] ?? null;
                    const isSel = sel !== null && sel.row === row && sel.col === col;
                    const isEditing = editing !== null && editing.row === row && editing.col === col;
                    const cls = ['cell'];
                    if (isSel) cls.push('selected');
                    if (sheet.bold.has(k)) cls.push('bold');
                    if (isRightAligned(v)) cls.push('num');
                    // A line break always shows as one; a paragraph sheet (measures, OIT) wraps its text cells at the top, as Excel shows them.
                    const wrapped = typeof v === 'string' && (v.includes('\n') || (sheet.wrap === true && r > 0));
                    if (wrapped) cls.push('wrap');
                    const fill = sheet.fills.get(k);
                    return (
                      <td
                        key={c}
                        className={cls.join(' ')}
                        style={fill ? { backgroundColor: fill } : undefined}
                        data-cell={`${columnLetter(c)}${row}`}
                        data-fill={fill}
                        title={wrapped ? v : undefined}
                        role="gridcell"
                        aria-selected={isSel}
                        onMouseDown={() => !isEditing && select(row, col)}
                        onDoubleClick={() => startEdit(row, col)}
                      >
                        {isEditing ? (
                          <CellEditor
                            editing={editing}
                            // Paragraph cells keep their lines: Alt+Enter starts a new one, as in Excel.
                            multiline={wrapped || editing.text.includes('\n')}
                            list={listFor(row, col)}
                            label={`แก้ไขเซลล์ ${columnLetter(c)}${row}`}
                            onText={(text) => setEditing({ ...editing, text })}
                            onCommit={(move) => commit(editing, move)}
                            onCancel={() => {
                              setEditing(null);
                              gridRef.current?.focus();
                            }}
                          />
                        ) : wrapped ? (
                          // Capped at a few lines so a long list stays browsable; the whole text is in the title and the formula bar.
                          <div className="cell-wrap">{cellDisplay(v, sheet.numFmts.get(k), false)}</div>
                        ) : (
                          cellDisplay(v, sheet.numFmts.get(k), false)
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {[...sheet.lists.entries()].map(([c, l]) => (
          <datalist key={c} id={`list-${c}`}>
            {l.values.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        ))}
      </div>
      <nav className="sheet-tabs" aria-label="แผ่นงาน">
        {wb.sheets
          .filter((s) => !s.hidden)
          .map((s) => (
            <button
              key={s.name}
              type="button"
              className={s.name === sheet.name ? 'sheet-tab active' : 'sheet-tab'}
              aria-current={s.name === sheet.name ? 'page' : undefined}
              onClick={() => void wb.activateSheet(s.name)}
            >
              {s.name}
            </button>
          ))}
      </nav>
    </div>
  );
}

interface CellEditorProps {
  readonly editing: Editing;
  readonly multiline: boolean;
  readonly list: string | undefined;
  readonly label: string;
  readonly onText: (text: string) => void;
  readonly onCommit: (move: 'down' | 'right' | 'none') => void;
  readonly onCancel: () => void;
}

function CellEditor({ editing, multiline, list, label, onText, onCommit, onCancel }: CellEditorProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && e.altKey && multiline) {
      e.preventDefault();
      const el = e.currentTarget;
      const at = el.selectionStart ?? el.value.length;
      onText(`${el.value.slice(0, at)}\n${el.value.slice(el.selectionEnd ?? at)}`);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onCommit('down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      onCommit('right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return multiline ? (
    <textarea
      className="cell-editor multiline"
      autoFocus
      value={editing.text}
      aria-label={label}
      onChange={(e) => onText(e.target.value)}
      onBlur={() => onCommit('none')}
      onKeyDown={onKeyDown}
    />
  ) : (
    <input
      className="cell-editor"
      autoFocus
      value={editing.text}
      list={list}
      aria-label={label}
      onChange={(e) => onText(e.target.value)}
      onBlur={() => onCommit('none')}
      onKeyDown={onKeyDown}
    />
  );
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || ((a === null || a === '') && (b === null || b === ''));
}
