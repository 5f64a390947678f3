/**
 * The preview of an import into a monthly สขร.1 sheet (ITA 2569 O11/O12): per month, how many
 * contracts go to which sheet and rows, and what moves (rows inserted above the next month's title)
 * or is added (a new month table), before anything is written; then the contracts already in the
 * tables and those with no contract yet, which are not written.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportPlan, MonthlyImportPlan } from '../../app/importRows';
import { monthName } from '../../domain/check/monthlyTables';
import { describeOrigin, describeOriginEn } from '../../domain/import';
import type { CellValue } from '../../domain/grid';
import { usePane } from '../context';
import { Notice } from './Notice';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  month: {
    display: 'flex', flexDirection: 'column', gap: '2px', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`, overflowWrap: 'anywhere',
  },
  contract: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalS },
  where: { color: tokens.colorNeutralForeground3 },
  moved: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const SHOWN_PER_MONTH = 5;

const firstLine = (v: CellValue | undefined) => (v === null || v === undefined || v instanceof Date ? '' : String(v).split('\n')[0]);

/** Rows inserted by the plan (what moves down). */
export function insertedRows(m: MonthlyImportPlan): number {
  return m.placement.writes.reduce((n, w) => n + (w.insertAt === undefined ? 0 : w.rows.length - w.free), 0);
}

export function MonthlyImportPreview({ plan }: { plan: ImportPlan & { monthly: MonthlyImportPlan } }) {
  const s = useStyles();
  const { lang, t } = usePane();
  const { placement, notContracted } = plan.monthly;
  const isNew = plan.request.target.kind === 'new';
  const where = (o: Parameters<typeof describeOrigin>[0]) => (lang === 'th' ? describeOrigin(o) : describeOriginEn(o));
  const total = plan.rows.length;
  return (
    <>
      {total > 0 && (
        <section aria-label={t('importMonthlyWillWrite', { n: total })} data-testid="import-months">
          <Text size={200} weight="semibold" block>{t('importMonthlyWillWrite', { n: total })}</Text>
          <ul className={s.list}>
            {placement.writes.map((w) => {
              // The item's column: the first text of the row (ลำดับ, when there is one, is a number).
              const item = (r: readonly CellValue[]) => firstLine(r.find((v) => typeof v === 'string'));
              return (
                <li key={`${w.sheet}|${w.firstRow}`} className={s.month} data-month={monthName(w.month)}>
                  <Text size={200} weight="semibold">
                    {t('importMonthlyMonth', { month: monthName(w.month), n: w.rows.length, sheet: w.sheet, from: w.finalFirst, to: w.finalLast })}
                  </Text>
                  {w.rows.slice(0, SHOWN_PER_MONTH).map((r, k) => (
                    <Text size={200} key={k} className={s.contract}>{`• ${item(r)}`}</Text>
                  ))}
                  {w.rows.length > SHOWN_PER_MONTH && (
                    <Text size={200} className={s.where}>{t('showingRows', { shown: SHOWN_PER_MONTH, total: w.rows.length })}</Text>
                  )}
                  {w.insertAt !== undefined && !isNew && (
                    <Text size={200} className={s.moved}>{t('importMonthlyInsert', { n: w.rows.length - w.free, at: w.insertAt })}</Text>
                  )}
                  {w.kind === 'newTable' && <Text size={200} className={s.moved}>{t('importMonthlyNewTable', { at: w.firstRow - 2 })}</Text>}
                  {w.statesNone && <Text size={200} className={s.moved}>{t('importMonthlyStatesNone')}</Text>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {placement.missingColumns.length > 0 && (
        <Notice intent="warning">{t('importMissingColumns', { cols: placement.missingColumns.map((h) => `"${h}"`).join(', ') })}</Notice>
      )}
      {placement.duplicates.length > 0 && (
        <section aria-label={t('importMonthlyDuplicatesTitle', { n: placement.duplicates.length })} data-testid="import-duplicates">
          <Text size={200} weight="semibold" block>{t('importMonthlyDuplicatesTitle', { n: placement.duplicates.length })}</Text>
          <ul className={s.list}>
            {placement.duplicates.slice(0, 20).map((d, k) => (
              <li key={k} className={s.month}>
                <Text size={200}>{d.label}</Text>
                <Text size={200} className={s.where}>{`${where(d.origin)} — ${t('importMonthlyDuplicateAt', { sheet: d.sheet, row: d.row })}`}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {notContracted.length > 0 && (
        <section aria-label={t('importMonthlyNotContracted', { n: notContracted.length })} data-testid="import-not-contracted">
          <Text size={200} weight="semibold" block>{t('importMonthlyNotContracted', { n: notContracted.length })}</Text>
          <ul className={s.list}>
            {notContracted.slice(0, 20).map((r, k) => (
              <li key={k} className={s.month}>
                <Text size={200}>{r.label}</Text>
                <Text size={200} className={s.where}>{where(r.origin)}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {total > 0 && <Text size={200}>{t('importMonthlyToFill')}</Text>}
    </>
  );
}
