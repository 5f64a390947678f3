/** o17: the count and budget by procurement method, and the summary sheet written from the list. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { inspectActiveSheet, writeSummary } from '../../app/workbookSession';
import { formatMoney } from '../../domain/values/money';
import { usePane } from '../context';
import { useAction, type SessionState } from '../hooks';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { padding: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export function SummaryPage({ session, onWritten }: { session: SessionState; onWritten: () => void }) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const action = useAction();
  const [written, setWritten] = useState<string>();
  const summary = session.run?.sheet?.summary;

  const write = async () => {
    setWritten(undefined);
    // Read afresh: the summary must come from the list as it is now.
    const name = await action.run(async () => writeSummary(gateway, await inspectActiveSheet(gateway)));
    if (name) {
      setWritten(name);
      onWritten();
    }
  };

  return (
    <div className={s.page}>
      <Text weight="semibold" as="h2">{t('summaryTitle')}</Text>
      <Text size={200}>{t('summaryHint')}</Text>
      {summary && (
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.cell} scope="col">{t('summaryGroup')}</th>
              <th className={`${s.cell} ${s.num}`} scope="col">{t('summaryCount')}</th>
              <th className={`${s.cell} ${s.num}`} scope="col">{t('summaryAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {[...summary.lines, summary.total].map((l, i) => (
              <tr key={l.label} className={i === summary.lines.length ? s.total : undefined}>
                <td className={s.cell}>{l.label}</td>
                <td className={`${s.cell} ${s.num}`}>{l.count}</td>
                <td className={`${s.cell} ${s.num}`}>{formatMoney(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary && summary.ungrouped > 0 && <Notice intent="warning">{t('summaryUngrouped', { n: summary.ungrouped })}</Notice>}
      <div>
        <Button appearance="primary" onClick={write} disabled={action.busy}>
          {t('writeSummary')}
        </Button>
      </div>
      <ErrorNotice error={action.error} />
      {written && <Notice intent="success">{t('summaryWritten', { name: written })}</Notice>}
    </div>
  );
}
