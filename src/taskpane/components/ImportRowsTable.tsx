/**
 * The rows an import will write, as the officer checks them before confirming: the Excel row each
 * goes to, the project and its winner, the agreed price, the signing date and the status derived
 * from the dates. Long imports are shown a page at a time.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CellValue } from '../../domain/grid';
import type { ImportedRow } from '../../domain/import';
import type { TemplateDef } from '../../domain/templates/types';
import { formatMoney } from '../../domain/values/money';
import { usePane } from '../context';
import { cellText } from './cellText';

const PAGE = 50;

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'auto' },
  th: {
    textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: '4px', verticalAlign: 'bottom',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  td: { padding: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  row: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  winner: { display: 'block', color: tokens.colorNeutralForeground3 },
  more: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export function ImportRowsTable({ rows, template }: { rows: readonly ImportedRow[]; template: TemplateDef }) {
  const s = useStyles();
  const { t } = usePane();
  const [limit, setLimit] = useState(PAGE);
  const at = (key: string) => template.columns.findIndex((c) => c.key === key);
  const [item, winner, price, sign, status] = ['item', 'winner', 'agreedPrice', 'signDate', 'status'].map(at);
  const value = (r: ImportedRow, i: number): CellValue => (i < 0 ? null : (r.values[i] ?? null));
  const money = (v: CellValue) => (typeof v === 'number' ? formatMoney(v) : cellText(v, '–'));
  const shown = rows.slice(0, limit);
  return (
    <>
      <table className={s.table} aria-label={t('importRowsTitle', { n: rows.length })}>
        <thead>
          <tr>
            <th className={s.th} scope="col">{t('importColRow')}</th>
            <th className={s.th} scope="col">{t('importColProject')}</th>
            <th className={`${s.th} ${s.num}`} scope="col">{t('importColPrice')}</th>
            <th className={s.th} scope="col">{t('importColDate')}</th>
            <th className={s.th} scope="col">{t('importColStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.outputRow} data-row={r.outputRow}>
              <td className={`${s.td} ${s.row}`}>{r.outputRow}</td>
              <td className={s.td}>
                {cellText(value(r, item), '–')}
                <span className={s.winner}>{cellText(value(r, winner), '–')}</span>
              </td>
              <td className={`${s.td} ${s.num}`}>{money(value(r, price))}</td>
              <td className={s.td}>{cellText(value(r, sign), '–')}</td>
              <td className={s.td}>{cellText(value(r, status), '–')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <div className={s.more}>
          <Text size={200}>{t('showingRows', { shown: shown.length, total: rows.length })}</Text>
          <Button size="small" onClick={() => setLimit((l) => l + PAGE)}>{t('showMore')}</Button>
        </div>
      )}
    </>
  );
}
