/**
 * The check's issues, grouped by what is wrong (code and field) with a count ("ยังไม่ได้กรอก
 * "ราคากลาง" · 70 แถว"), each issue with its cell address, a severity icon and the message. An issue
 * that points at a cell is a button: it selects that cell in the workbook. Large groups start
 * folded, and long lists are shown in pages, so that a sheet with thousands of issues does not
 * freeze the pane.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue } from '../../domain/check';
import { usePane } from '../context';
import { ErrorIcon, WarningIcon } from './icons';

const PAGE = 200;
/** A group of more issues than this starts folded: its title and count say enough at first. */
const OPEN_UP_TO = 5;

const useStyles = makeStyles({
  group: {
    marginBottom: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  summary: {
    display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', cursor: 'pointer',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, lineHeight: '1.6',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', flex: 1 },
  count: { color: tokens.colorNeutralForeground2, flex: 'none', whiteSpace: 'nowrap' },
  list: { listStyleType: 'none', margin: 0, padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`, display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minHeight: '28px',
    lineHeight: '1.6',
  },
  static: { display: 'flex', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, lineHeight: '1.6' },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, minWidth: '3.2em', flex: 'none' },
  message: { overflowWrap: 'anywhere' },
  icon: { paddingTop: '3px', flex: 'none', display: 'flex' },
});

export interface SheetIssues {
  readonly sheet: string;
  readonly issues: readonly Issue[];
}

interface Group {
  readonly key: string;
  readonly sheet: string;
  readonly severity: Issue['severity'];
  readonly issues: Issue[];
}

/** Issues of one kind together: same sheet, code and field; errors first, then by first row. */
function groupIssues(sheets: readonly SheetIssues[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of sheets) {
    for (const i of s.issues) {
      const key = `${s.sheet}\u0000${i.code}\u0000${i.field ?? ''}\u0000${i.severity}`;
      let g = groups.get(key);
      if (!g) {
        g = { key, sheet: s.sheet, severity: i.severity, issues: [] };
        groups.set(key, g);
      }
      g.issues.push(i);
    }
  }
  const sev = (g: Group) => (g.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => sev(a) - sev(b) || (a.issues[0].row ?? 0) - (b.issues[0].row ?? 0));
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

  const text = (i: Issue) => (lang === 'th' ? i.message : i.messageEn);
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
        const full = groups.find((x) => x.key === g.key) ?? g;
        const first = text(full.issues[0]);
        const same = full.issues.every((i) => text(i) === first);
        const rows = new Set(full.issues.map((i) => i.row)).size;
        const where = g.sheet === mainSheet ? '' : `${t('otherSheet', { sheet: g.sheet })} · `;
        const title = `${where}${same ? first : `${first} …`}`;
        const sev = g.severity === 'error' ? t('severityError') : t('severityWarning');
        const hasRows = full.issues.some((i) => i.row !== null);
        if (!hasRows && same) {
          // A sheet-level issue: its message is all there is to say, once.
          return (
            <div key={g.key} className={s.group} data-group={g.issues[0].code} data-issue={g.issues[0].code}>
              <div className={s.summary} style={{ cursor: 'default' }}>
                <span className={s.icon}>{g.severity === 'error' ? <ErrorIcon label={sev} /> : <WarningIcon label={sev} />}</span>
                <span className={s.groupTitle}>{title}</span>
              </div>
            </div>
          );
        }
        return (
          <details key={g.key} className={s.group} open={full.issues.length <= OPEN_UP_TO} data-group={g.issues[0].code}>
            <summary className={s.summary}>
              <span className={s.icon}>{g.severity === 'error' ? <ErrorIcon label={sev} /> : <WarningIcon label={sev} />}</span>
              <span className={s.groupTitle}>{title}</span>
              {hasRows && <span className={s.count}>{t('rowsCount', { n: rows })}</span>}
            </summary>
            <ul className={s.list} aria-label={title}>
              {g.issues.map((i, n) => {
                const address = i.column && i.row !== null ? `${i.column}${i.row}` : i.row !== null ? t('rowLabel', { row: i.row }) : '';
                const content = (
                  <>
                    <span className={s.address}>{address}</span>
                    <span className={s.message}>{same && i.row !== null ? '' : text(i)}</span>
                  </>
                );
                return (
                  <li key={`${i.code}:${address}:${n}`} data-issue={i.code} data-cell={i.column && i.row !== null ? address : undefined} data-row={i.row ?? undefined}>
                    {i.row !== null ? (
                      <Button
                        appearance="subtle" className={s.issue} onClick={() => onSelect(g.sheet, i)}
                        aria-label={`${i.column ? t('goToCell', { cell: address }) : address}: ${text(i)}`}
                        title={text(i)}
                      >
                        {content}
                      </Button>
                    ) : (
                      <div className={s.static}>{text(i)}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </details>
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
