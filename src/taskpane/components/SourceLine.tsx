/** What the picked file turned out to be: e-GP CSV/JSON (which export, which encoding) or a workbook's sheets. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LoadedSource } from '../../app/importSource';
import { formatReportMonth } from '../../domain/import';
import { usePane } from '../context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '2px', overflowWrap: 'anywhere' },
  sheet: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
});

export function SourceLine({ source }: { source: LoadedSource }) {
  const s = useStyles();
  const { t } = usePane();
  const { info, records } = source;
  const n = records.length.toLocaleString('en-US');
  if (info.format !== 'xlsx') {
    const v = info.egp?.header?.variant;
    const variant = t(v === 'api' ? 'importVariantApi' : v === 'mixed' ? 'importVariantMixed' : 'importVariantBulk');
    const e = info.encoding;
    const encoding = t(e?.encoding === 'windows-874' ? 'importEncodingTis' : e?.bom ? 'importEncodingUtf8Bom' : 'importEncodingUtf8');
    return (
      <Text size={200} className={s.box} data-testid="import-source">
        <strong>{info.file}</strong>
        {t('importSourceEgp', { variant, format: info.format.toUpperCase(), encoding, n })}
      </Text>
    );
  }
  return (
    <div className={s.box} data-testid="import-source">
      <Text size={200}>
        <strong>{info.file}</strong>: {t('importSourceWorkbook', { n })}
      </Text>
      {(info.sheets ?? []).map((u) => {
        let line: string;
        if (u.kind === 'monthly') {
          const month = u.month ? formatReportMonth(u.month) : t('importMonthUnknown');
          line = u.statesNone ? t('importSheetMonthlyNone', { sheet: u.sheet, month }) : t('importSheetMonthly', { sheet: u.sheet, month, n: u.records });
        } else if (u.kind === 'template') {
          line = t('importSheetTemplate', { sheet: u.sheet, item: u.item, n: u.records });
        } else {
          line = t('importSheetIgnored', { sheet: u.sheet, reason: u.reason });
        }
        return (
          <Text size={200} key={u.sheet} className={s.sheet}>
            {line}
          </Text>
        );
      })}
    </div>
  );
}
