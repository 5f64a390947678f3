/**
 * The check of the active sheet: a verdict (ready to publish when there is no error), counts,
 * completeness per column and the issues by row. Clicking an issue selects its cell; the invalid
 * cells can be highlighted and the highlights removed again.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue, SheetReport } from '../../domain/check';
import { columnIndex } from '../../domain/grid';
import { usePane } from '../context';
import { useAction, type CheckState } from '../hooks';
import { Completeness } from '../components/Completeness';
import { IssueList, type SheetIssues } from '../components/IssueList';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  verdict: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  verdictLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground3 },
  figures: {
    display: 'grid', gridTemplateColumns: 'minmax(5em, max-content) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS,
    margin: 0, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  figureLabel: { color: tokens.colorNeutralForeground3 },
  figureValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

type Figures = NonNullable<SheetReport['figures']>;

/** What the check derived from the sheet (an ITA overall score and level…), whatever the template. */
function FigureList({ figures }: { figures: Figures }) {
  const s = useStyles();
  const { lang, t } = usePane();
  return (
    <section aria-label={t('figuresTitle')}>
      <Text weight="semibold" as="h3" block>{t('figuresTitle')}</Text>
      <dl className={s.figures}>
        {figures.map((f) => (
          <div key={f.key} style={{ display: 'contents' }} data-figure={f.key}>
            <dt className={s.figureLabel}>{lang === 'th' ? f.label : f.labelEn}</dt>
            <dd className={s.figureValue}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function CheckPage({ check, sheet }: { check: CheckState; sheet: string }) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const action = useAction();
  const [note, setNote] = useState<string>();
  const { run } = check;
  const report = run?.sheet?.report;

  // Issues of the sheets that hold (or summarise) a template; o17 also reads its summary sheet.
  const sheets = useMemo<SheetIssues[]>(() => {
    if (!run) return [];
    const main = run.report.sheets.filter((r) => r.sheet === sheet);
    const others = run.report.sheets.filter((r) => r.sheet !== sheet && r.template !== null && r.issues.length > 0);
    return [...main, ...others].map((r) => ({ sheet: r.sheet, issues: r.issues }));
  }, [run, sheet]);
  const errors = sheets.reduce((n, x) => n + x.issues.filter((i) => i.severity === 'error').length, 0);
  const warnings = sheets.reduce((n, x) => n + x.issues.filter((i) => i.severity === 'warning').length, 0);

  const select = (target: string, i: Issue) => {
    if (i.row === null) return;
    const col = i.column ? columnIndex(i.column) + 1 : 1;
    void action.run(() => gateway.selectCell(target, { row: i.row as number, col }));
  };

  const highlight = async () => {
    const n = await action.run(() => check.highlight());
    if (n !== undefined) setNote(t('highlighted', { n }));
  };

  const clear = async () => {
    const done = await action.run(async () => {
      await check.clearHighlights();
      return true;
    });
    if (done) setNote(t('highlightsCleared'));
  };

  return (
    <div className={s.page}>
      <section className={s.verdict} aria-live="polite" aria-label={t('tabCheck')}>
        {report ? (
          <>
            <div className={s.verdictLine}>
              <Badge size="large" appearance="filled" color={errors === 0 ? 'success' : 'danger'} data-testid="verdict">
                {errors === 0 ? t('ready') : t('notReady')}
              </Badge>
              {check.checking && <Spinner size="extra-tiny" label={t('checking')} />}
            </div>
            <div className={s.counts}>
              <Text weight="semibold">{t('errorsCount', { n: errors })}</Text>
              <Text weight="semibold">{t('warningsCount', { n: warnings })}</Text>
              <Text>{t('recordsCount', { n: report.rows })}</Text>
            </div>
          </>
        ) : check.checking ? (
          <Spinner size="tiny" label={t('checking')} labelPosition="after" />
        ) : null}
        <Text size={200} className={s.note}>{check.live === false ? t('noEvents') : check.live ? t('autoRecheck') : ''}</Text>
      </section>
      <ErrorNotice error={check.error} />
      {run && !report?.template && <Notice intent="warning">{t('needTemplate')}</Notice>}
      <div className={s.actions}>
        <Button onClick={() => void check.recheck()} disabled={check.checking}>
          {t('recheck')}
        </Button>
        <Button onClick={highlight} disabled={action.busy || !report}>
          {t('highlight')}
        </Button>
        <Button onClick={clear} disabled={action.busy}>
          {t('clearHighlights')}
        </Button>
      </div>
      <ErrorNotice error={action.error} />
      {note && <Notice intent="info">{note}</Notice>}
      {report?.figures && report.figures.length > 0 && <FigureList figures={report.figures} />}
      {report?.template && (
        <Accordion multiple collapsible defaultOpenItems={['issues']}>
          <AccordionItem value="completeness">
            <AccordionHeader>{t('completenessTitle')}</AccordionHeader>
            <AccordionPanel>
              <Completeness report={report} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="issues">
            <AccordionHeader>{`${t('issuesTitle')} (${errors + warnings})`}</AccordionHeader>
            <AccordionPanel>
              <IssueList sheets={sheets} mainSheet={sheet} onSelect={select} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
