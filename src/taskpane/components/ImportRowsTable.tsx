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
  second: { display: 'block', color: tokens.colorNeutralForeground3 },
  when: { minWidth: '6.5em' },
  date: { display: 'block', whiteSpace: 'nowrap' },
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
            <th className={s.th} scope="col">{t('importColDateStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.outputRow} data-row={r.outputRow}>
              <td className={`${s.td} ${s.row}`}>{r.outputRow}</td>
              <td className={s.td}>
                <span data-field="item">{cellText(value(r, item), '–')}</span>
                <span className={s.second} data-field="winner">{cellText(value(r, winner), '–')}</span>
              </td>
              <td className={`${s.td} ${s.num}`} data-field="agreedPrice">{money(value(r, price))}</td>
              {/* Date and status share a column: a 320-pixel pane has no room for five. */}
              <td className={`${s.td} ${s.when}`}>
                <span className={s.date} data-field="signDate">{cellText(value(r, sign), '–')}</span>
                <span className={s.second} data-field="status">{cellText(value(r, status), '–')}</span>
              </td>
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
