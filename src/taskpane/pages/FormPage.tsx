/**
 * The record form, generated from the recognised template (formFields). It checks what is typed
 * with the check's own rules (checkRecord: the domain check on this one row), live, so the form
 * never accepts what the check then rejects. It adds a record to the next empty row (or to a row
 * inserted above a note under the list, which the officer is then told), or edits a row: the
 * selected one, or, for templates that come pre-filled (ITA indicators, o34 areas, OIT items), the
 * item chosen in a picker with previous/next, like Excel's Data Form. An edit writes only the
 * fields the officer changed, after the officer has seen and confirmed every cell change.
 */
import { Button, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  addRecordPlaced, checkRecord, derivedDisplay, formFields, planEdit, recordItems, recordMonth, rowToInput, takesNewRecords, validateInput,
  type FieldFeedback, type FormInput,
} from '../../app/recordForm';
import { addMonthlyRecord, monthOfRecordRow } from '../../app/monthlyRecord';
import { applyFixes, catalogueOfMeta, todayUtc, type ActiveSheet, type PlannedChange } from '../../app/workbookSession';
import { monthName, type Month } from '../../domain/check/monthlyTables';
import type { Issue } from '../../domain/check';
import type { Recognition } from '../../domain/recognize';
import { usePane } from '../context';
import { useAction } from '../hooks';
import { assessedFiscalYear, recordAsOf } from '../asOf';
import { ChangeList } from '../components/ChangeList';
import { FieldInput } from '../components/FieldInput';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // The save button stays in view at the foot of the pane, however long the form.
  sticky: {
    position: 'sticky', bottom: 0, zIndex: 1, display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center',
    padding: `${tokens.spacingVerticalS} 0`, backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  picker: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  confirm: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2,
  },
  rowIssues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: '2px' },
});

/** Editing a row of a monthly สขร.1 sheet: `month` is its table's (the check files the record there). */
type Mode = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly row: number; readonly month?: Month };
type Result =
  | { readonly kind: 'added'; readonly row: number; readonly sheet: string; readonly inserted: boolean; readonly month?: Month; readonly newTable?: boolean }
  | { readonly kind: 'edited'; readonly applied: number; readonly skipped: number }
  | { readonly kind: 'unchanged' };

export interface FormPageProps {
  readonly active: ActiveSheet & { readonly recognition: Recognition };
  /** The issues of the sheet's last check (the row being edited shows its own). */
  readonly issues?: readonly Issue[];
  /** After a write, so the pane re-reads the sheet and checks it again. */
  readonly onWritten: () => void;
}

export function FormPage({ active, issues, onWritten }: FormPageProps) {
  const s = useStyles();
  const { gateway, lang, t } = usePane();
  const pickerId = useId('item-picker');
  const rec = active.recognition;
  const agency = active.meta.agency;
  const fields = useMemo(() => formFields(rec), [rec]);
  const columns = useMemo(() => new Map(rec.template.columns.map((c) => [c.key, c] as const)), [rec.template]);
  const fiscalYear = assessedFiscalYear(active);
  const prefilled = (rec.edition.seedRows?.length ?? 0) > 0;
  const canAdd = takesNewRecords(rec);
  const items = useMemo(() => (prefilled ? recordItems(active.grid, rec) : []), [prefilled, active.grid, rec]);

  const [input, setInput] = useState<Record<string, string>>({});
  /** The row's values as loaded: a field is changed when it differs from these. */
  const [original, setOriginal] = useState<FormInput>({});
  const [mode, setMode] = useState<Mode>({ kind: 'add' });
  const [pending, setPending] = useState<readonly PlannedChange[]>();
  const [result, setResult] = useState<Result>();
  /** A save was tried: from then on, every problem (empty required fields too) is shown and counted. */
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<string>();
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus, so that the keyboard user answers it next.
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const load = (row: number, values: FormInput, month?: Month) => {
    setInput({ ...values });
    setOriginal(values);
    setPending(undefined);
    setAttempted(false);
    setProblem(undefined);
    setMode({ kind: 'edit', row, ...(month ? { month } : {}) });
  };
  // A monthly สขร.1 sheet (ITA 2569 O11/O12): a new record goes into its contract month's table.
  const monthly = rec.template.monthly !== undefined;
  const contractHeader = rec.template.columns.find((c) => c.key === 'contract')?.header ?? '';
  const addMonth = monthly && mode.kind === 'add' ? recordMonth(rec, input) : undefined;

  // A pre-filled template opens on its first item, not on a new record that would duplicate one.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !prefilled || items.length === 0) return;
    opened.current = true;
    load(items[0].row, rowToInput(active.grid, rec, items[0].row));
    // Once, when the items are first known: later re-reads must not move the officer off an item.
  }, [prefilled, items]);

  const today = todayUtc();
  const asOf = recordAsOf(rec, fiscalYear, today);
  const asOfTime = asOf.getTime();

  const parsed = useMemo(() => {
    const out = new Map<string, FieldFeedback>();
    for (const f of fields) {
      const col = columns.get(f.key);
      out.set(f.key, col ? validateInput(col, input[f.key] ?? '', fiscalYear) : { state: 'none' });
    }
    return out;
  }, [fields, columns, input, fiscalYear]);

  // The check's own rules on the record as it would be written.
  const ruleIssues = useMemo(
    () => checkRecord(active.grid, rec, input, { agency, asOf: new Date(asOfTime), today: todayUtc(), fiscalYear, ...(mode.kind === 'edit' && mode.month ? { month: mode.month } : {}) }),
    [active.grid, rec, input, agency, asOfTime, fiscalYear, mode],
  );

  // Derived columns (score change, strength, trend) follow the scores as they are typed.
  const derivedValues = useMemo(() => derivedDisplay(rec, input, fiscalYear), [rec, input, fiscalYear]);

  const changed = useMemo(() => new Set(fields.filter((f) => (input[f.key] ?? '') !== (original[f.key] ?? '')).map((f) => f.key)), [fields, input, original]);
  const touched = (key: string) => attempted || mode.kind === 'edit' || (input[key] ?? '').trim() !== '';
  const msg = (i: Issue) => (lang === 'th' ? i.message : i.messageEn);

  /** What each field shows: what its text parses to, then what the rules say about it. */
  const feedback = useMemo(() => {
    const out = new Map<string, FieldFeedback>();
    for (const f of fields) {
      const p = parsed.get(f.key) ?? { state: 'none' };
      if (p.state === 'error') {
        out.set(f.key, p);
        continue;
      }
      const mine = ruleIssues.filter((i) => i.field === f.key && touched(f.key));
      const err = mine.find((i) => i.severity === 'error');
      const warn = mine.find((i) => i.severity === 'warning');
      if (err) out.set(f.key, { state: 'error', message: err.message, messageEn: err.messageEn });
      else if (warn && p.state !== 'warning') out.set(f.key, { ...p, state: 'warning', message: warn.message, messageEn: warn.messageEn });
      else out.set(f.key, p);
    }
    return out;
  }, [fields, parsed, ruleIssues, attempted, mode, input]);

  const fieldKeys = useMemo(() => new Set(fields.map((f) => f.key)), [fields]);
  const errorFields = fields.filter((f) => feedback.get(f.key)?.state === 'error').map((f) => f.key);
  // Errors about the row rather than one field (two dates that disagree…), counted once each.
  const rowErrors = ruleIssues.filter((i) => i.severity === 'error' && !(i.field && fieldKeys.has(i.field)));
  const liveErrors = errorFields.length + rowErrors.length;
  const showCount = (attempted || mode.kind === 'edit') && liveErrors > 0;

  // The row's issues as the last check of the sheet found them (other rows' duplicates and the like).
  const checkedRowIssues = mode.kind === 'edit' ? (issues ?? []).filter((i) => i.row === mode.row) : [];

  const change = (key: string, value: string) => {
    setInput((i) => ({ ...i, [key]: value }));
    setPending(undefined);
    setResult(undefined);
  };

  const reset = () => {
    setInput({});
    setOriginal({});
    setMode({ kind: 'add' });
    setPending(undefined);
    setAttempted(false);
    setProblem(undefined);
  };

  const focusField = (key: string) => {
    const el = formRef.current?.querySelector<HTMLElement>(`[name="${key}"]`);
    el?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(undefined);
    action.clearError();
    setAttempted(true);
    // The same rules as the check: a record the check would reject is not written.
    // Editing a row, the errors it already had in fields left alone do not stop the officer saving
    // a correction elsewhere; they stay listed, and the check keeps counting them.
    // Every error the check would report, shown or not yet (a field not reached is still required).
    const required = fields.filter((f) => f.required && !(input[f.key] ?? '').trim()).map((f) => f.key);
    const ruled = ruleIssues.filter((i) => i.severity === 'error' && i.field && fieldKeys.has(i.field)).map((i) => i.field as string);
    const unreadable = fields.filter((f) => parsed.get(f.key)?.state === 'error').map((f) => f.key);
    const errors = [...required, ...ruled, ...unreadable];
    const mine = mode.kind === 'add' ? errors : errors.filter((k) => changed.has(k));
    const blocking = fields.map((f) => f.key).filter((k) => mine.includes(k));
    if (blocking.length || (mode.kind === 'add' && rowErrors.length)) {
      focusField(fields.find((f) => blocking.includes(f.key))?.key ?? '');
      return;
    }
    if (mode.kind === 'add' && monthly) {
      const placed = await action.run(() => addMonthlyRecord(gateway, active.sheet, rec, input, active.meta, catalogueOfMeta(active.meta), asOf));
      if (placed !== undefined) {
        setResult({ kind: 'added', row: placed.row, sheet: placed.sheet, inserted: placed.inserted, month: placed.month, newTable: placed.newTable });
        reset();
        onWritten();
        const col = (rec.indexOf.get(fields[0]?.key ?? '') ?? 0) + 1;
        void gateway.selectCell(placed.sheet, { row: placed.row, col }).catch(() => undefined);
      }
      return;
    }
    if (mode.kind === 'add') {
      const placed = await action.run(() => addRecordPlaced(gateway, active.sheet, rec, input, agency, asOf));
      if (placed !== undefined) {
        const { row } = placed;
        setResult({ kind: 'added', row, sheet: active.sheet, inserted: placed.inserted });
        reset();
        onWritten();
        // Show the officer where the record went; a failure here is no failure of the write.
        const col = (rec.indexOf.get(fields[0]?.key ?? '') ?? 0) + 1;
        void gateway.selectCell(active.sheet, { row, col }).catch(() => undefined);
      }
      return;
    }
    // Planned against the sheet as it is now, not as the pane last read it; only what was changed.
    const plan = await action.run(async () => planEdit(await gateway.readSheet(active.sheet), rec, active.sheet, mode.row, input, agency, asOf, changed));
    if (!plan) return;
    if (plan.changes.length === 0) setResult({ kind: 'unchanged' });
    else setPending(plan.changes);
  };

  const confirmEdit = async () => {
    if (!pending || mode.kind !== 'edit') return;
    const r = await action.run(() => applyFixes(gateway, pending));
    if (r) {
      setResult({ kind: 'edited', applied: r.applied, skipped: r.skipped.length });
      setPending(undefined);
      // The item stays open, as saved: what was typed is now what the row holds.
      setOriginal({ ...input });
      setAttempted(false);
      onWritten();
    }
  };

  const cancelConfirm = () => {
    setPending(undefined);
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('button[type="submit"]')?.focus(), 0);
  };

  const loadSelected = async () => {
    setResult(undefined);
    const loaded = await action.run(async () => {
      const sel = await gateway.selection();
      if (!sel) return { problem: t('noSelection') };
      if (sel.sheet !== active.sheet) return { problem: t('selectionOtherSheet', { sheet: sel.sheet }) };
      if (sel.row <= rec.headerRow) return { problem: t('selectDataRow', { row: rec.headerRow + 1 }) };
      const grid = await gateway.readSheet(active.sheet);
      // A month's title, its header or an empty row is no record to edit.
      const table = monthly ? monthOfRecordRow(grid, rec, sel.row) : {};
      if (!table) return { problem: t('monthlyNotRecord', { row: sel.row }) };
      return { row: sel.row, input: rowToInput(grid, rec, sel.row), month: table.month };
    });
    if (!loaded) return;
    if ('problem' in loaded) {
      setProblem(loaded.problem);
      return;
    }
    load(loaded.row, loaded.input, loaded.month);
  };

  const pick = (value: string) => {
    setResult(undefined);
    if (value === 'new') {
      reset();
      return;
    }
    const row = Number(value);
    load(row, rowToInput(active.grid, rec, row));
  };
  const at = mode.kind === 'edit' ? items.findIndex((i) => i.row === mode.row) : -1;
  const step = (by: number) => {
    const next = items[at + by];
    if (next) pick(String(next.row));
  };

  const title = mode.kind === 'add' ? t('formAddTitle') : t('formEditTitle', { row: mode.row });

  return (
    <form
      ref={formRef} className={s.form} onSubmit={submit} aria-label={title} noValidate
      onKeyDown={(e) => {
        // Esc answers "no" to the open confirmation.
        if (e.key === 'Escape' && pending) {
          e.preventDefault();
          cancelConfirm();
        }
      }}
    >
      {prefilled && items.length > 0 && (
        <section className={s.picker} aria-label={t('pickItem')}>
          <label htmlFor={pickerId}>
            <Text size={200} weight="semibold">{t('pickItem')}</Text>
          </label>
          <Select id={pickerId} value={mode.kind === 'edit' ? String(mode.row) : 'new'} onChange={(_, d) => pick(d.value)}>
            {items.map((i) => (
              <option key={i.row} value={String(i.row)}>{`${t('rowLabel', { row: i.row })}: ${i.label}`}</option>
            ))}
            {(canAdd || mode.kind === 'add') && <option value="new">{`+ ${t('newItem')}`}</option>}
          </Select>
          <div className={s.actions}>
            <Button size="small" onClick={() => step(-1)} disabled={at <= 0}>{`‹ ${t('previousItem')}`}</Button>
            <Button size="small" onClick={() => step(1)} disabled={at < 0 || at >= items.length - 1}>{`${t('nextItem')} ›`}</Button>
            {at >= 0 && <Text size={200}>{t('itemPosition', { n: at + 1, total: items.length })}</Text>}
          </div>
        </section>
      )}
      <Text weight="semibold" as="h2">{title}</Text>
      <Text size={200}>{t('formHint')}</Text>
      {!prefilled && mode.kind === 'add' && <Text size={200}>{t('editSelectedHint')}</Text>}
      {!agency && <Notice intent="info">{t('noAgencyForForm')}</Notice>}
      {monthly && mode.kind === 'add' && (
        <Notice intent="info">
          <span data-testid="form-month">{addMonth ? t('formMonthlyTarget', { month: monthName(addMonth) }) : t('formMonthlyNeedDate', { field: contractHeader })}</span>
        </Notice>
      )}
      {monthly && mode.kind === 'edit' && mode.month && <Text size={200}>{t('formMonthlyEditing', { month: monthName(mode.month) })}</Text>}
      {problem && <Notice intent="warning">{problem}</Notice>}
      {checkedRowIssues.length > 0 && (
        <Notice intent="warning">
          <Text weight="semibold">{t('rowIssuesTitle', { n: checkedRowIssues.length })}</Text>
          <ul className={s.rowIssues} data-testid="row-issues">
            {checkedRowIssues.map((i, n) => (
              <li key={n}>{`${i.column ? `${i.column}${i.row}: ` : ''}${msg(i)}`}</li>
            ))}
          </ul>
        </Notice>
      )}
      {fields.map((f) => (
        <FieldInput
          key={f.key}
          field={f}
          value={f.derived ? (derivedValues.get(f.key) ?? '') : (input[f.key] ?? '')}
          feedback={feedback.get(f.key) ?? { state: 'none' }}
          missing={attempted && f.required && !(input[f.key] ?? '').trim()}
          onChange={(v) => change(f.key, v)}
          t={t}
          lang={lang}
        />
      ))}
      {rowErrors.length > 0 && (attempted || mode.kind === 'edit') && (
        <Notice intent="error">
          <ul className={s.rowIssues}>
            {rowErrors.map((i, n) => <li key={n}>{msg(i)}</li>)}
          </ul>
        </Notice>
      )}
      {pending && mode.kind === 'edit' && (
        <section className={s.confirm} role="alertdialog" aria-label={t('editConfirmTitle', { n: pending.length, row: mode.row })}>
          <Text weight="semibold">{t('editConfirmTitle', { n: pending.length, row: mode.row })}</Text>
          <Text size={200}>{t('editConfirmHint')}</Text>
          <ChangeList changes={pending} />
          <div className={s.actions}>
            <Button appearance="primary" onClick={confirmEdit} disabled={action.busy} ref={confirmRef}>
              {t('confirmWrite')}
            </Button>
            <Button onClick={cancelConfirm}>{t('cancel')}</Button>
          </div>
        </section>
      )}
      <ErrorNotice error={action.error} />
      {result?.kind === 'added' && !result.month && (
        // A row inserted above a note moved the rows below it: said, since the officer did not ask for it.
        <Notice intent="success">{t(result.inserted ? 'rowWrittenInserted' : 'rowWritten', { row: result.row, sheet: result.sheet, next: result.row + 1 })}</Notice>
      )}
      {result?.kind === 'added' && result.month && (
        <Notice intent="success">
          {t('monthlyRowWritten', { month: monthName(result.month), sheet: result.sheet, row: result.row })}
          {result.inserted && ` ${t('monthlyRowInserted', { next: result.row + 1 })}`}
          {result.newTable && ` ${t('monthlyRowNewTable')}`}
        </Notice>
      )}
      {result?.kind === 'edited' && (
        <Notice intent={result.skipped ? 'warning' : 'success'}>
          {t('editApplied', { applied: result.applied })}
          {result.skipped > 0 && ` ${t('skippedChanged', { n: result.skipped })}`}
        </Notice>
      )}
      {result?.kind === 'unchanged' && <Notice intent="info">{t('noChanges')}</Notice>}
      <div className={s.sticky}>
        {showCount && (
          <Text size={200} weight="semibold" role="status" data-testid="form-error-count" style={{ color: tokens.colorPaletteRedForeground1, width: '100%' }}>
            {t('fieldsNeedAttention', { n: liveErrors })}
          </Text>
        )}
        <Button appearance="primary" type="submit" disabled={action.busy || Boolean(pending)}>
          {mode.kind === 'add' ? t('addRecord') : t('reviewChanges')}
        </Button>
        {!prefilled && (
          <Button type="button" onClick={loadSelected} disabled={action.busy}>
            {t('editSelected')}
          </Button>
        )}
        {!prefilled && (mode.kind === 'edit' || Object.keys(input).length > 0) && (
          <Button type="button" appearance="subtle" onClick={reset}>
            {mode.kind === 'edit' ? t('cancel') : t('clearForm')}
          </Button>
        )}
      </div>
    </form>
  );
}
