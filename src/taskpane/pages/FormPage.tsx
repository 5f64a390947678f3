/**
 * The record form, generated from the recognised template (formFields): add a record to the next
 * empty row (or to a row inserted above a note under the list, which the officer is then told),
 * or load the selected row, edit it and write only after the officer has seen and confirmed every
 * cell change.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { addRecordPlaced, derivedDisplay, formFields, planEdit, rowToInput, validateInput, type FieldFeedback } from '../../app/recordForm';
import { applyFixes, todayUtc, type ActiveSheet, type PlannedChange } from '../../app/workbookSession';
import type { Recognition } from '../../domain/recognize';
import { usePane } from '../context';
import { useAction } from '../hooks';
import { assessedFiscalYear, recordAsOf } from '../asOf';
import { ChangeList } from '../components/ChangeList';
import { FieldInput } from '../components/FieldInput';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  confirm: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2,
  },
});

type Mode = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly row: number };
type Result =
  | { readonly kind: 'added'; readonly row: number; readonly sheet: string; readonly inserted: boolean }
  | { readonly kind: 'edited'; readonly applied: number; readonly skipped: number }
  | { readonly kind: 'unchanged' };

export interface FormPageProps {
  readonly active: ActiveSheet & { readonly recognition: Recognition };
  /** After a write, so the pane re-reads the sheet. */
  readonly onWritten: () => void;
}

export function FormPage({ active, onWritten }: FormPageProps) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const rec = active.recognition;
  const agency = active.meta.agency;
  const fields = useMemo(() => formFields(rec), [rec]);
  const columns = useMemo(() => new Map(rec.template.columns.map((c) => [c.key, c] as const)), [rec.template]);
  const fiscalYear = assessedFiscalYear(active);

  const [input, setInput] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [mode, setMode] = useState<Mode>({ kind: 'add' });
  const [pending, setPending] = useState<readonly PlannedChange[]>();
  const [result, setResult] = useState<Result>();
  const [attention, setAttention] = useState(0);
  const [problem, setProblem] = useState<string>();
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);

  const feedback = useMemo(() => {
    const out = new Map<string, FieldFeedback>();
    for (const f of fields) {
      const col = columns.get(f.key);
      out.set(f.key, col ? validateInput(col, input[f.key] ?? '', fiscalYear) : { state: 'none' });
    }
    return out;
  }, [fields, columns, input, fiscalYear]);

  // Derived columns (score change, strength, trend) follow the scores as they are typed.
  const derived = useMemo(() => derivedDisplay(rec, input, fiscalYear), [rec, input, fiscalYear]);

  const change = (key: string, value: string) => {
    setInput((i) => ({ ...i, [key]: value }));
    setPending(undefined);
    setResult(undefined);
    if (missing.has(key)) setMissing((m) => new Set([...m].filter((k) => k !== key)));
  };

  const reset = () => {
    setInput({});
    setMissing(new Set());
    setMode({ kind: 'add' });
    setPending(undefined);
    setAttention(0);
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
    const empty = fields.filter((f) => f.required && !(input[f.key] ?? '').trim()).map((f) => f.key);
    const invalid = fields.filter((f) => feedback.get(f.key)?.state === 'error').map((f) => f.key);
    if (empty.length || invalid.length) {
      setMissing(new Set(empty));
      setAttention(empty.length + invalid.length);
      focusField(fields.find((f) => empty.includes(f.key) || invalid.includes(f.key))?.key ?? '');
      return;
    }
    setAttention(0);
    const asOf = recordAsOf(rec, fiscalYear, todayUtc());
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
    // Planned against the sheet as it is now, not as the pane last read it.
    const plan = await action.run(async () => planEdit(await gateway.readSheet(active.sheet), rec, active.sheet, mode.row, input, agency, asOf));
    if (!plan) return;
    if (plan.errors.length) {
      setAttention(plan.errors.length);
      return;
    }
    if (plan.changes.length === 0) setResult({ kind: 'unchanged' });
    else setPending(plan.changes);
  };

  const confirmEdit = async () => {
    if (!pending) return;
    const r = await action.run(() => applyFixes(gateway, pending));
    if (r) {
      setResult({ kind: 'edited', applied: r.applied, skipped: r.skipped.length });
      reset();
      onWritten();
    }
  };

  const loadSelected = async () => {
    setResult(undefined);
    const loaded = await action.run(async () => {
      const sel = await gateway.selection();
      if (!sel) return { problem: t('noSelection') };
      if (sel.sheet !== active.sheet) return { problem: t('selectionOtherSheet', { sheet: sel.sheet }) };
      if (sel.row <= rec.headerRow) return { problem: t('selectDataRow', { row: rec.headerRow + 1 }) };
      const grid = await gateway.readSheet(active.sheet);
      return { row: sel.row, input: rowToInput(grid, rec, sel.row) };
    });
    if (!loaded) return;
    if ('problem' in loaded) {
      setProblem(loaded.problem);
      return;
    }
    setProblem(undefined);
    setInput({ ...loaded.input });
    setMissing(new Set());
    setPending(undefined);
    setMode({ kind: 'edit', row: loaded.row });
  };

  return (
    <form ref={formRef} className={s.form} onSubmit={submit} aria-label={mode.kind === 'add' ? t('formAddTitle') : t('formEditTitle', { row: mode.row })} noValidate>
      <Text weight="semibold" as="h2">{mode.kind === 'add' ? t('formAddTitle') : t('formEditTitle', { row: mode.row })}</Text>
      <Text size={200}>{t('formHint')}</Text>
      {!agency && <Notice intent="info">{t('noAgencyForForm')}</Notice>}
      {problem && <Notice intent="warning">{problem}</Notice>}
      {fields.map((f) => (
        <FieldInput
          key={f.key}
          field={f}
          value={f.derived ? (derived.get(f.key) ?? '') : (input[f.key] ?? '')}
          feedback={feedback.get(f.key) ?? { state: 'none' }}
          missing={missing.has(f.key)}
          onChange={(v) => change(f.key, v)}
          t={t}
        />
      ))}
      {attention > 0 && <Notice intent="error">{t('fieldsNeedAttention', { n: attention })}</Notice>}
      {pending && mode.kind === 'edit' && (
        <section className={s.confirm} aria-label={t('editConfirmTitle', { n: pending.length, row: mode.row })}>
          <Text weight="semibold">{t('editConfirmTitle', { n: pending.length, row: mode.row })}</Text>
          <Text size={200}>{t('editConfirmHint')}</Text>
          <ChangeList changes={pending} />
          <div className={s.actions}>
            <Button appearance="primary" onClick={confirmEdit} disabled={action.busy}>
              {t('confirmWrite')}
            </Button>
            <Button onClick={() => setPending(undefined)}>{t('cancel')}</Button>
          </div>
        </section>
      )}
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={action.busy}>
          {mode.kind === 'add' ? t('addRecord') : t('reviewChanges')}
        </Button>
        <Button type="button" onClick={loadSelected} disabled={action.busy}>
          {t('editSelected')}
        </Button>
        {(mode.kind === 'edit' || Object.keys(input).length > 0) && (
          <Button type="button" appearance="subtle" onClick={reset}>
            {mode.kind === 'edit' ? t('cancel') : t('clearForm')}
          </Button>
        )}
      </div>
      <ErrorNotice error={action.error} />
      {result?.kind === 'added' && (
        // A row inserted above a note moved the rows below it: said, since the officer did not ask for it.
        <Notice intent="success">{t(result.inserted ? 'rowWrittenInserted' : 'rowWritten', { row: result.row, sheet: result.sheet, next: result.row + 1 })}</Notice>
      )}
      {result?.kind === 'edited' && (
        <Notice intent={result.skipped ? 'warning' : 'success'}>
          {t('editApplied', { applied: result.applied })}
          {result.skipped > 0 && ` ${t('skippedChanged', { n: result.skipped })}`}
        </Notice>
      )}
      {result?.kind === 'unchanged' && <Notice intent="info">{t('noChanges')}</Notice>}
    </form>
  );
}
