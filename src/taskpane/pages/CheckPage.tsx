/**
 * The check of the active sheet and what to do about it, on one tab: a verdict about this sheet
 * alone (ready to publish when it has no error) with the time it was checked, its automatic fixes,
 * then the issues grouped by kind. Issues of the sheets this template depends on (o34 for o35, the
 * o17 summary sheet) are listed apart and never counted in this sheet's verdict.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Checkbox, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue, SheetReport } from '../../domain/check';
import { columnIndex } from '../../domain/grid';
import { usePane } from '../context';
import { useAction, type SessionState } from '../hooks';
import { Completeness } from '../components/Completeness';
import { IssueList, type SheetIssues } from '../components/IssueList';
import { ErrorNotice, Notice } from '../components/Notice';
import { FixSection } from './FixSection';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  verdict: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  verdictLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: '1.6' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3 },
  stale: { color: tokens.colorPaletteMarigoldForeground2 },
  related: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium, border: `1px dashed ${tokens.colorNeutralStroke1}`,
  },
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
    <section aria-labelledby="figures-title">
      <h3 id="figures-title" className={s.heading}>{t('figuresTitle')}</h3>
      <dl className={s.figures}>
        {figures.map((f) => (
          <div key={f.key} style={{ display: 'contents' }} data-figure={f.key}>
            <dt className={s.figureLabel}>{lang === 'th' ? f.label : f.labelEn}</dt>
            <dd className={s.figureValue}>{lang === 'en' && f.valueEn ? f.valueEn : f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const shown = (issues: readonly Issue[], errorsOnly: boolean) => (errorsOnly ? issues.filter((i) => i.severity === 'error') : issues);

const count = (issues: readonly Issue[], severity: Issue['severity']) => issues.reduce((n, i) => n + (i.severity === severity ? 1 : 0), 0);

/**
 * The sheets whose issues travel beside this sheet's verdict: those the template's rules read (o34
 * for o35) and the summary sheet matched to this list (o17). Other templates of the workbook are
 * no concern of this sheet.
 */
function relatedReports(reports: readonly SheetReport[], sheet: string, templateId: string | null, dependsOn: readonly string[]): SheetReport[] {
  return reports.filter((r) => r.sheet !== sheet && r.template !== null && (r.template === templateId || dependsOn.includes(r.template)));
}

export function CheckPage({ session, sheet, onWritten }: { session: SessionState; sheet: string; onWritten: () => void }) {
  const s = useStyles();
  const { gateway, lang, t } = usePane();
  const action = useAction();
  const [note, setNote] = useState<string>();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const { run } = session;
  const report = run?.sheet?.report;
  const template = session.active?.recognition?.template;

  const mine = report?.issues ?? [];
  const errors = count(mine, 'error');
  const warnings = count(mine, 'warning');
  const related = useMemo(
    () => (run && template ? relatedReports(run.report.sheets, sheet, template.id, (template.crossRules ?? []).map((c) => c.other)) : []),
    [run, sheet, template],
  );
  const relatedIssues = related.reduce((n, r) => n + r.issues.length, 0);
  const main = useMemo<SheetIssues[]>(() => (report ? [{ sheet, issues: shown(report.issues, errorsOnly) }] : []), [report, sheet, errorsOnly]);
  const others = useMemo<SheetIssues[]>(() => related.map((r) => ({ sheet: r.sheet, issues: shown(r.issues, errorsOnly) })), [related, errorsOnly]);

  const select = (target: string, i: Issue) => {
    if (i.row === null) return;
    const col = i.column ? columnIndex(i.column) + 1 : 1;
    void action.run(() => gateway.selectCell(target, { row: i.row as number, col }));
  };

  const highlight = async () => {
    const n = await action.run(() => session.highlight());
    if (n !== undefined) setNote(t('highlighted', { n }));
  };

  const clear = async () => {
    const done = await action.run(async () => {
      await session.clearHighlights();
      return true;
    });
    if (done) setNote(t('highlightsCleared'));
  };

  const time = session.checkedAt?.toLocaleTimeString(lang === 'th' ? 'th-TH' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <div className={s.page}>
      <section className={s.verdict} aria-labelledby="verdict-title">
        <h2 id="verdict-title" className={s.heading}>{t('verdictTitle', { sheet })}</h2>
        <div aria-live="polite">
          {report ? (
            <>
              <div className={s.verdictLine}>
                <Badge size="large" appearance="filled" color={errors === 0 ? 'success' : 'danger'} data-testid="verdict">
                  {errors === 0 ? t('ready') : t('notReady')}
                </Badge>
                {session.checking && <Spinner size="extra-tiny" label={t('checking')} />}
              </div>
              <div className={s.counts} data-testid="verdict-counts">
                <Text weight="semibold">{t('errorsCount', { n: errors })}</Text>
                <Text weight="semibold">{t('warningsCount', { n: warnings })}</Text>
                <Text>{t('recordsCount', { n: report.rows })}</Text>
              </div>
            </>
          ) : session.checking ? (
            <Spinner size="tiny" label={t('checking')} labelPosition="after" />
          ) : null}
        </div>
        {time && <Text size={200} className={s.note} data-testid="checked-at">{t('checkedAt', { time })}</Text>}
        {session.live === false ? (
          <Text size={200} className={s.stale}>{t('noEvents')}</Text>
        ) : session.live ? (
          <Text size={200} className={s.note}>{t('autoRecheck')}</Text>
        ) : null}
        {relatedIssues > 0 && <Text size={200} className={s.note}>{t('relatedNotCounted', { n: relatedIssues })}</Text>}
      </section>
      <ErrorNotice error={session.checkError} />
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void session.recheck()} disabled={session.checking}>
          {t('recheck')}
        </Button>
        <Button onClick={highlight} disabled={action.busy || !report}>
          {t('highlight')}
        </Button>
        {session.highlighted && (
          <Button onClick={clear} disabled={action.busy}>
            {t('clearHighlights')}
          </Button>
        )}
      </div>
      <ErrorNotice error={action.error} />
      {note && <Notice intent="info">{note}</Notice>}
      {report?.figures && report.figures.length > 0 && <FigureList figures={report.figures} />}
      {report && <FixSection session={session} onApplied={onWritten} />}
      {report && (
        <section aria-labelledby="issues-title" className={s.page}>
          <div className={s.actions}>
            <h2 id="issues-title" className={s.heading}>{`${t('issuesTitle')} (${errors + warnings})`}</h2>
            <Checkbox checked={errorsOnly} onChange={(_, d) => setErrorsOnly(d.checked === true)} label={t('errorsOnly')} />
          </div>
          <IssueList sheets={main} mainSheet={sheet} onSelect={select} />
        </section>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-title" className={s.related} data-testid="related-issues">
          <h2 id="related-title" className={s.heading}>{t('relatedTitle')}</h2>
          <Text size={200} className={s.note}>{t('relatedHint')}</Text>
          <IssueList sheets={others} mainSheet={sheet} onSelect={select} />
        </section>
      )}
      {report?.template && (
        <Accordion collapsible>
          <AccordionItem value="completeness">
            <AccordionHeader as="h2">{t('completenessTitle')}</AccordionHeader>
            <AccordionPanel>
              <Completeness report={report} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
