/** How full each prescribed column is (filled/total), one progress bar per column; absent columns flagged. */
import { Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetReport } from '../../domain/check';
import { usePane } from '../context';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, width: '100%' },
  name: { overflowWrap: 'anywhere' },
  count: { flex: 'none', fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
});

export function Completeness({ report }: { report: SheetReport }) {
  const s = useStyles();
  const { t } = usePane();
  const rows = report.completeness ?? [];
  return (
    <div className={s.list}>
      {rows.map((c) => {
        const missing = c.column === null;
        const ratio = c.total === 0 ? 0 : c.filled / c.total;
        const state = missing ? 'error' : ratio === 1 ? 'success' : 'warning';
        return (
          <Field
            key={c.field}
            label={
              <span className={s.label}>
                <span className={s.name}>{c.column ? `${c.column} · ${c.header}` : c.header}</span>
                <Text size={200} className={s.count}>{missing ? t('missingColumn') : `${c.filled}/${c.total}`}</Text>
              </span>
            }
            validationState={missing ? 'error' : undefined}
            size="small"
          >
            <ProgressBar value={missing ? 0 : ratio} max={1} color={state} thickness="large" />
          </Field>
        );
      })}
    </div>
  );
}
