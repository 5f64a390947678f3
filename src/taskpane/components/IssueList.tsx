/**
 * The check's issues, grouped by row, each with its cell address, a severity icon and the message.
 * An issue that points at a cell is a button: it selects that cell in the workbook. Long lists are
 * shown in pages, so that a sheet with thousands of issues does not freeze the pane.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue } from '../../domain/check';
import { usePane } from '../context';
import { ErrorIcon, WarningIcon } from './icons';

const PAGE = 200;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '2px', marginBottom: tokens.spacingVerticalS },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minHeight: '28px',
  },
  static: { display: 'flex', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, minWidth: '3.2em', flex: 'none' },
  message: { overflowWrap: 'anywhere' },
  icon: { paddingTop: '2px', flex: 'none', display: 'flex' },
});

export interface SheetIssues {
  readonly sheet: string;
  readonly issues: readonly Issue[];
}

interface Group {
  readonly sheet: string;
  readonly row: number | null;
  readonly issues: Issue[];
}

function groupIssues(sheets: readonly SheetIssues[]): Group[] {
  const groups: Group[] = [];
  for (const s of sheets) {
    const byRow = new Map<number | null, Group>();
    for (const i of s.issues) {
      let g = byRow.get(i.row);
      if (!g) {
        g = { sheet: s.sheet, row: i.row, issues: [] };
        byRow.set(i.row, g);
        groups.push(g);
      }
      g.issues.push(i);
    }
  }
  return groups;
}

export interface IssueListProps {
  readonly sheets: readonly SheetIssues[];
  /** The sheet the pane is about; others get their name in the group title. */
  readonly mainSheet: string;
  readonly onSelect: (sheet: string, issue: Issue) => void;
}

export function IssueList({ sheets, mainSheet, onSelect }: IssueListProps) {
  const s = useStyles();
  const { lang, t } = usePane();
  const [limit, setLimit] = useState(PAGE);
  const groups = useMemo(() => groupIssues(sheets), [sheets]);
  const total = groups.reduce((n, g) => n + g.issues.length, 0);
  if (total === 0) return <Text>{t('noIssues')}</Text>;

  let shown = 0;
  const visible: Group[] = [];
  for (const g of groups) {
    if (shown >= limit) break;
    const issues = g.issues.slice(0, limit - shown);
    shown += issues.length;
    visible.push({ ...g, issues });
  }

  return (
    <div>
      {visible.map((g) => {
        const where = g.row === null ? t('sheetLevel') : t('rowLabel', { row: g.row });
        const title = g.sheet === mainSheet ? where : `${t('otherSheet', { sheet: g.sheet })} · ${where}`;
        return (
          <section key={`${g.sheet}:${g.row}`} className={s.group} aria-label={title}>
            <Text size={200} className={s.groupTitle}>{title}</Text>
            <ul className={s.list}>
              {g.issues.map((i, n) => {
                const address = i.column && i.row !== null ? `${i.column}${i.row}` : '';
                const sev = i.severity === 'error' ? t('severityError') : t('severityWarning');
                const content = (
                  <>
                    <span className={s.icon}>{i.severity === 'error' ? <ErrorIcon label={sev} /> : <WarningIcon label={sev} />}</span>
                    <span className={s.address}>{address}</span>
                    <span className={s.message}>{lang === 'th' ? i.message : i.messageEn}</span>
                  </>
                );
                return (
                  <li key={`${i.code}:${address}:${n}`} data-issue={i.code} data-cell={address || undefined}>
                    {i.row !== null ? (
                      <Button appearance="subtle" className={s.issue} onClick={() => onSelect(g.sheet, i)} title={address ? t('goToCell', { cell: address }) : undefined}>
                        {content}
                      </Button>
                    ) : (
                      <div className={s.static}>{content}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {shown < total && (
        <div>
          <Text size={200}>{t('showingFirst', { shown, total })}</Text>{' '}
          <Button size="small" onClick={() => setLimit((l) => l + PAGE)}>{t('showMore')}</Button>
        </div>
      )}
    </div>
  );
}
