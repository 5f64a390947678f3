/**
 * Import: the officer picks a file (e-GP CSV/JSON, สขร.1 workbook), chooses where the rows go and
 * for which agency and year, sees exactly what would be written and what is left out and why,
 * and only then confirms. Rows go into empty rows under the list, never over anything: a note or
 * signature block there is pushed down by inserted rows, and the preview and the question say
 * which rows move and by how many. The sheet is checked right after. The file is read in the browser: nothing is uploaded.
 */
import { Button, Dropdown, Field, Input, Option, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { writeImport, type ImportRequest, type ImportTarget, type ImportWrite } from '../../app/importRows';
import { readSourceBytes, type LoadedSource } from '../../app/importSource';
import { todayUtc, type ActiveSheet } from '../../app/workbookSession';
import { matchedChoice, unitChoices } from '../../domain/import';
import { catalogue, editionFor, importFills, optionList } from '../../domain/templates';
import { formatThaiDate, parseFiscalYear, parseThaiDate } from '../../domain/values/thaiDate';
import { GatewayError } from '../../workbook/gateway';
import { assessedFiscalYear } from '../asOf';
import { usePane } from '../context';
import { translate } from '../i18n';
import { MAX_PANE_FILE_BYTES, fileBytes } from '../fileBytes';
import { useAction } from '../hooks';
import { useImportPlan } from '../useImportPlan';
import { ImportFindings } from '../components/ImportFindings';
import { ImportRowsTable } from '../components/ImportRowsTable';
import { insertedRows, MonthlyImportPreview } from '../components/MonthlyImportPreview';
import { ErrorNotice, Notice } from '../components/Notice';
import { SourceLine } from '../components/SourceLine';
import { allChoices, choiceKey, choiceLabel } from './RecognisePage';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  fileLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Visually hidden, still in the page: the button opens it, tests and Playwright set its files.
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', opacity: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  confirm: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2,
  },
});

type Mode = 'this' | 'new';

export interface ImportPageProps {
  readonly active: ActiveSheet;
  /** After rows were written (and a sheet maybe created), so the pane re-reads the workbook. */
  readonly onWritten: () => void;
  readonly onShowCheck: () => void;
}

export function ImportPage({ active, onWritten, onShowCheck }: ImportPageProps) {
  const s = useStyles();
  const { gateway, lang, t } = usePane();
  const inputRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const importRef = useRef<HTMLButtonElement>(null);

  const [source, setSource] = useState<LoadedSource>();
  const [fileName, setFileName] = useState<string>();
  const reading = useAction();

  const activeIsList = Boolean(active.recognition && importFills(active.recognition.template));
  const [mode, setMode] = useState<Mode>('this');
  const shownMode: Mode = activeIsList ? mode : 'new';
  const choices = useMemo(() => allChoices().filter((c) => importFills(c.template)), []);
  const derivedYear = assessedFiscalYear(active);
  // A new sheet of the assessed year's edition (an assessed fiscal year N means ITA N), else the latest.
  const [newKey, setNewKey] = useState(() => choiceKey(choices.find((c) => c.edition.edition === editionFor({ fiscalYear: derivedYear })) ?? choices[0]));
  const newChoice = choices.find((c) => choiceKey(c) === newKey) ?? choices[0];

  const [fyText, setFyText] = useState(derivedYear ? String(derivedYear) : '');
  // The profile saved later (or another sheet opened) gives the year the officer had not typed.
  useEffect(() => {
    if (derivedYear) setFyText((v) => v || String(derivedYear));
  }, [derivedYear]);
  const fy = parseFiscalYear(fyText.trim());
  const [unit, setUnit] = useState<string>();
  // Typed as officers write dates (31 มี.ค. 2567, 31/3/67), read by the same parser as the sheets.
  const [asOfText, setAsOfText] = useState('');
  const asOfRead = asOfText.trim() ? parseThaiDate(asOfText) : undefined;
  const asOf = asOfRead === undefined ? undefined : asOfRead.ok ? asOfRead.value : null;
  const [budgetSource, setBudgetSource] = useState('');
  const budgetSources = useMemo(() => optionList('budgetSource', catalogue).options.map((o) => o.value), []);

  const [version, setVersion] = useState(0);
  const [written, setWritten] = useState<Extract<ImportWrite, { kind: 'written' }>>();
  const [changed, setChanged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const writing = useAction();

  const target: ImportTarget = shownMode === 'this' ? { kind: 'sheet', sheet: active.sheet } : { kind: 'new', choice: newChoice };
  const targetKey = target.kind === 'sheet' ? `sheet:${target.sheet}` : `new:${newKey}`;
  const fyValue = fy.ok ? fy.value : undefined;
  const asOfTime = asOf === null ? null : asOf?.getTime();
  const request = useMemo<ImportRequest | undefined>(() => {
    if (!source || fyValue === undefined || asOfTime === null) return undefined;
    return {
      records: source.records,
      target,
      fiscalYear: fyValue,
      asOf: asOfTime === undefined ? undefined : new Date(asOfTime),
      unit,
      budgetSource: budgetSource || undefined,
      today: todayUtc(),
    };
    // `target` is named by targetKey. `active` and `version`: the sheet was read again (or written),
    // so the plan is made again.
  }, [source, targetKey, fyValue, asOfTime, unit, budgetSource, active, version]);
  const planned = useImportPlan(gateway, request);
  const plan = request ? planned.plan : undefined;
  const result = plan?.result;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // Any change of what is planned asks again.
  useEffect(() => setConfirming(false), [plan]);

  const cancelConfirm = () => {
    setConfirming(false);
    setTimeout(() => importRef.current?.focus(), 0);
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // The same file picked again must fire a change too.
    e.target.value = '';
    // Back on the button that opened the file dialog, whatever the dialog did with the focus.
    chooseRef.current?.focus();
    if (!file) return;
    setFileName(file.name);
    setSource(undefined);
    setUnit(undefined);
    setWritten(undefined);
    setChanged(false);
    const loaded = await reading.run(async () => {
      if (file.size > MAX_PANE_FILE_BYTES) {
        const mb = Math.round(file.size / 1024 / 1024);
        throw new GatewayError(translate('th', 'importTooLarge', { mb }), translate('en', 'importTooLarge', { mb }));
      }
      return readSourceBytes(file.name, await fileBytes(file));
    });
    if (loaded) setSource(loaded);
  };

  const confirm = async () => {
    if (!plan) return;
    setConfirming(false);
    setChanged(false);
    const w = await writing.run(() => writeImport(gateway, plan));
    if (!w) return;
    if (w.kind === 'changed') {
      setChanged(true);
      setVersion((v) => v + 1);
      return;
    }
    setWritten(w);
    // The new sheet is now the active one: the next import goes into it, and finds these rows there.
    setMode('this');
    onWritten();
  };

  const unitList = result ? unitChoices(result.agencies, result.unit, 200).choices : [];
  const shownUnit = unit ?? (result && !result.unitNotFound ? matchedChoice(unitList, result.unit)?.name : undefined);
  const rows = plan?.rows.length ?? 0;
  const range = plan ? { from: plan.firstRow, to: plan.firstRow + rows - 1, sheet: plan.sheet, n: rows } : undefined;
  const c = result?.counts;
  const issuesAfter = written?.check.sheet?.report.issues ?? [];
  // A monthly สขร.1 sheet (O11/O12): contracts by month, each into its month's table.
  const monthly = plan?.monthly ? { ...plan, monthly: plan.monthly } : undefined;
  const monthsWritten = written?.plan.monthly?.placement.writes.length ?? 0;

  return (
    <div className={s.page}>
      <Text weight="semibold" as="h2">{t('importTitle')}</Text>
      <Text size={200}>{t('importHint')}</Text>

      <section className={s.card}>
        <div className={s.fileLine}>
          <input
            ref={inputRef}
            type="file"
            // .xls is listed so that an officer who picks one is told to save it as .xlsx.
            accept=".csv,.txt,.json,.xlsx,.xlsm,.xls"
            aria-label={t('importFileLabel')}
            className={s.hiddenInput}
            tabIndex={-1}
            onChange={(e) => void pick(e)}
          />
          {/* disabledFocusable: while the file is read the button keeps the focus (a disabled one drops it to the page). */}
          <Button ref={chooseRef} appearance={source ? 'secondary' : 'primary'} onClick={() => inputRef.current?.click()} disabledFocusable={reading.busy}>
            {source ? t('importChooseOther') : t('importChooseFile')}
          </Button>
          {!fileName && <Text size={200}>{t('importNoFile')}</Text>}
          {reading.busy && <Spinner size="tiny" label={t('importReading')} labelPosition="after" />}
        </div>
        {fileName && !source && !reading.busy && reading.error === null && <Text size={200}>{fileName}</Text>}
        <ErrorNotice error={reading.error} />
        {source && <SourceLine source={source} />}
      </section>

      <section className={s.card} aria-label={t('importTarget')}>
        {activeIsList ? (
          <Field label={t('importTarget')}>
            <RadioGroup value={shownMode} onChange={(_, d) => setMode(d.value as Mode)}>
              <Radio value="this" label={t('importTargetThis', { sheet: active.sheet })} />
              <Radio value="new" label={t('importTargetNew')} />
            </RadioGroup>
          </Field>
        ) : (
          <Notice intent="info">{t('importTargetNotList')}</Notice>
        )}
        {shownMode === 'new' && (
          <Field label={t('importNewTemplate')}>
            <Dropdown value={choiceLabel(newChoice, lang)} selectedOptions={[newKey]} onOptionSelect={(_, d) => d.optionValue && setNewKey(d.optionValue)}>
              {choices.map((ch) => (
                <Option key={choiceKey(ch)} value={choiceKey(ch)}>
                  {choiceLabel(ch, lang)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field
          label={t('importFiscalYear')}
          validationState={fy.ok ? undefined : 'error'}
          validationMessage={fy.ok ? undefined : fyText.trim() ? (lang === 'th' ? fy.problem.th : fy.problem.en) : t('importFiscalYearNeeded')}
        >
          <Input value={fyText} onChange={(_, d) => setFyText(d.value)} inputMode="numeric" autoComplete="off" placeholder={t('agencyFiscalYearPlaceholder')} />
        </Field>
        {unitList.length > 0 && (
          <Field label={t('importUnit')}>
            <Dropdown
              value={shownUnit ?? ''}
              selectedOptions={shownUnit ? [shownUnit] : []}
              placeholder={t('importUnitPlaceholder')}
              onOptionSelect={(_, d) => d.optionValue && setUnit(d.optionValue)}
            >
              {unitList.map((u) => (
                <Option key={u.name} value={u.name} text={u.name}>
                  {t('importUnitOption', { name: u.name, n: u.rows })}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field
          label={t('importAsOf')}
          validationState={asOfRead && !asOfRead.ok ? 'error' : asOfRead?.ok ? 'success' : 'none'}
          validationMessage={
            asOfRead && !asOfRead.ok
              ? lang === 'th' ? asOfRead.problem.th : asOfRead.problem.en
              : asOfRead?.ok
                ? t('readAs', { value: formatThaiDate(asOfRead.value) })
                : result ? t('importAsOfHint', { date: formatThaiDate(result.asOf) }) : undefined
          }
        >
          <Input value={asOfText} onChange={(_, d) => setAsOfText(d.value)} placeholder={t('importAsOfPlaceholder')} autoComplete="off" />
        </Field>
        <Field label={t('importBudgetSource')}>
          <Dropdown
            value={budgetSource || t('importBudgetSourceNone')}
            selectedOptions={[budgetSource]}
            onOptionSelect={(_, d) => setBudgetSource(d.optionValue ?? '')}
          >
            <Option value="" text={t('importBudgetSourceNone')}>{t('importBudgetSourceNone')}</Option>
            {budgetSources.map((b) => (
              <Option key={b} value={b}>
                {b}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </section>

      {written && (
        <Notice intent="success">
          {written.plan.monthly
            ? t('importMonthlyWritten', { n: written.plan.rows.length, months: monthsWritten })
            : t('importWritten', { n: written.lastRow - written.firstRow + 1, sheet: written.sheet, from: written.firstRow, to: written.lastRow })}{' '}
          {written.plan.shift && `${t('importShifted', { ...written.plan.shift, now: written.plan.shift.from + written.plan.shift.by })} `}
          {t('importCheckedAfter', { errors: issuesAfter.filter((i) => i.severity === 'error').length, warnings: issuesAfter.filter((i) => i.severity === 'warning').length })}{' '}
          <Button size="small" appearance="transparent" onClick={onShowCheck}>{t('importShowCheck')}</Button>
        </Notice>
      )}
      {changed && <Notice intent="warning">{t('importChanged')}</Notice>}
      <ErrorNotice error={writing.error} />

      {source && (
        <section className={s.page} aria-label={t('importPreviewTitle')} aria-busy={planned.planning}>
          <Text weight="semibold" as="h3">{t('importPreviewTitle')}</Text>
          {planned.planning && <Spinner size="tiny" label={t('importPlanning')} labelPosition="after" />}
          {request && <ErrorNotice error={planned.error} />}
          {result && c && plan && range && (
            <>
              <Text size={200} data-testid="import-counts">
                {t('importCounts', {
                  read: c.read, matched: c.matchedAgency, window: result.window.label, inWindow: c.inWindow,
                  outside: c.outsideWindow ? t('importOutside', { n: c.outsideWindow }) : '',
                })}
              </Text>
              {result.needsUnit && <Notice intent="warning">{t('importNeedsUnit')}</Notice>}
              {result.unitNotFound && <Notice intent="warning">{t('importUnitNotFound', { unit: result.unit ?? '' })}</Notice>}
              {!result.needsUnit && !result.unitNotFound && rows === 0 && (
                <Notice intent="info">
                  {c.inWindow === 0 ? t('importNoRows', { window: result.window.label }) : t('importNothingNew')}
                </Notice>
              )}
              {monthly && <MonthlyImportPreview plan={monthly} />}
              {rows > 0 && !monthly && (
                <Notice intent="info">
                  {t(plan.request.target.kind === 'new' ? 'importWillWriteNew' : 'importWillWrite', range)}
                  {plan.shift && ` ${t('importWillShift', { ...plan.shift })}`}
                </Notice>
              )}
              {result.existingStatesNone && rows > 0 && <Notice intent="warning">{t('importStatesNone')}</Notice>}
              {!monthly && (result.placement?.missingColumns.length ?? 0) > 0 && (
                <Notice intent="warning">{t('importMissingColumns', { cols: result.placement?.missingColumns.map((h) => `"${h}"`).join(', ') ?? '' })}</Notice>
              )}
              {rows > 0 && !monthly && (
                <section aria-label={t('importRowsTitle', { n: rows })}>
                  <Text weight="semibold" size={200} block>{t('importRowsTitle', { n: rows })}</Text>
                  <ImportRowsTable rows={result.rows} template={plan.choice.template} />
                </section>
              )}
              {/* A monthly row holds no tax ID (PDPA rows are o16's), and its duplicates are listed by month above. */}
              <ImportFindings result={monthly ? { ...result, personalIds: [], conflicts: [] } : result} />
              {rows > 0 && !monthly && (
                <Text size={200} data-testid="import-check">
                  {t('importCheckSummary', { errors: result.errors, warnings: result.warnings })}
                </Text>
              )}
              {result.issues.some((i) => i.code === 'required' && i.field === 'budgetSource') && <Notice intent="info">{t('importBudgetSourceHint')}</Notice>}
              {rows > 0 && plan.choice.template.summary && <Text size={200}>{t('importO17Summary')}</Text>}
              {rows > 0 && (confirming ? (
                // Asked in the pane itself: a modal dialog in a narrow task pane hides what it asks about.
                <section
                  className={s.confirm} role="alertdialog" aria-label={t('importConfirmTitle')} aria-describedby="import-confirm-body"
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.stopPropagation();
                      cancelConfirm();
                    }
                  }}
                >
                  <Text weight="semibold">{t('importConfirmTitle')}</Text>
                  <Text id="import-confirm-body">
                    {monthly
                      ? t('importMonthlyConfirmBody', { n: rows, months: monthly.monthly.placement.writes.length })
                      : t('importConfirmBody', range)}
                    {monthly && insertedRows(monthly.monthly) > 0 && plan.request.target.kind === 'sheet' && ` ${t('importMonthlyConfirmInserts', { n: insertedRows(monthly.monthly) })}`}
                    {plan.shift && ` ${t('importWillShift', { ...plan.shift })}`}
                  </Text>
                  <div className={s.actions}>
                    <Button ref={confirmRef} appearance="primary" onClick={() => void confirm()} disabled={writing.busy}>
                      {t('importConfirm')}
                    </Button>
                    <Button onClick={cancelConfirm}>{t('cancel')}</Button>
                  </div>
                </section>
              ) : (
                <div className={s.actions}>
                  <Button ref={importRef} appearance="primary" onClick={() => setConfirming(true)} disabled={writing.busy || planned.planning}>
                    {monthly ? t('importMonthlyButton', { n: rows }) : t('importButton', { n: rows })}
                  </Button>
                  {writing.busy && <Spinner size="tiny" />}
                </div>
              ))}
            </>
          )}
        </section>
      )}
    </div>
  );
}
