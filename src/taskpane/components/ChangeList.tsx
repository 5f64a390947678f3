/**
 * Planned cell changes, listed before anything is written: cell, current value, new value and
 * why. With `checked` it offers a checkbox per cell (fixes); without, it is a read-only list
 * (an edited row, shown for confirmation).
 */
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PlannedChange } from '../../app/workbookSession';
import { usePane } from '../context';
import { cellText } from './cellText';

export const changeKey = (c: PlannedChange): string => `${c.sheet}!${c.address}`;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, minWidth: '3.5em', paddingTop: '6px' },
  body: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, paddingTop: '4px', paddingBottom: '4px' },
  values: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px', overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground3 },
  from: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
  to: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface ChangeListProps {
  readonly changes: readonly PlannedChange[];
  /** Keys (changeKey) of the ticked changes; omit for a read-only list. */
  readonly checked?: ReadonlySet<string>;
  readonly onToggle?: (key: string, on: boolean) => void;
}

export function ChangeList({ changes, checked, onToggle }: ChangeListProps) {
  const s = useStyles();
  const { lang, t } = usePane();
  return (
    <ul className={s.list}>
      {changes.map((c) => {
        const key = changeKey(c);
        const reason = lang === 'en' && c.reasonEn ? c.reasonEn : c.reason;
        const from = cellText(c.from, t('empty'));
        const to = c.display || t('empty');
        const values = (
          <div className={s.body}>
            <div className={s.values}>
              <Text size={200} className={s.label}>{t('fixFrom')}</Text>
              <Text size={200} className={s.from}>{from}</Text>
              <Text size={200} className={s.label}>{t('fixTo')}</Text>
              <Text size={200} className={s.to}>{to}</Text>
            </div>
            <Text size={200} className={s.reason}>{reason}</Text>
          </div>
        );
        return (
          <li key={key} className={s.item} data-change={c.address}>
            {checked ? (
              <Checkbox
                checked={checked.has(key)}
                onChange={(_, d) => onToggle?.(key, d.checked === true)}
                label={<span className={s.address}>{c.address}</span>}
                // Named by cell and change: "K11: อยู่ระหว่างระยะสัญญา → สิ้นสุดระยะสัญญา", not a row of "K11" boxes.
                aria-label={t('changeLabel', { cell: c.address, from, to })}
              />
            ) : (
              <span className={s.address}>{c.address}</span>
            )}
            {values}
          </li>
        );
      })}
    </ul>
  );
}
