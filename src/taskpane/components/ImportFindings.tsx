/**
 * What an import leaves out, and why, listed before anything is written: records it cannot map
 * (with the reason), records already in the sheet, records that differ from a row the sheet has
 * (never changed by the import), and personal citizen IDs that must be masked before publishing.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describeOrigin, describeOriginEn, maskCitizenId, type ImportResult, type SourceOrigin } from '../../domain/import';
import { usePane } from '../context';
import { ErrorIcon, WarningIcon } from './icons';

const PAGE = 20;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', fontWeight: tokens.fontWeightSemibold },
  icon: { paddingTop: '2px', flex: 'none', display: 'flex' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    display: 'flex', flexDirection: 'column', gap: '1px', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere',
  },
  where: { color: tokens.colorNeutralForeground3 },
  reason: { color: tokens.colorPaletteRedForeground1 },
  more: { alignSelf: 'flex-start' },
});

interface FindingProps {
  readonly kind: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly testId: string;
  readonly items: readonly ReactNode[];
  readonly footer?: ReactNode;
}

function Finding({ kind, title, testId, items, footer }: FindingProps) {
  const s = useStyles();
  const { t } = usePane();
  const [limit, setLimit] = useState(PAGE);
  return (
    <section className={s.section} aria-label={title} data-testid={testId}>
      <Text size={200} className={s.title}>
        {kind !== 'info' && <span className={s.icon}>{kind === 'error' ? <ErrorIcon label={t('severityError')} /> : <WarningIcon label={t('severityWarning')} />}</span>}
        <span>{title}</span>
      </Text>
      {footer}
      <ul className={s.list}>
        {items.slice(0, limit).map((node, i) => (
          <li key={i} className={s.item}>{node}</li>
        ))}
      </ul>
      {items.length > limit && (
        <Button size="small" className={s.more} onClick={() => setLimit((l) => l + PAGE)}>
          {t('showMore')} ({t('showingFirst', { shown: limit, total: items.length })})
        </Button>
      )}
    </section>
  );
}

export function ImportFindings({ result }: { result: ImportResult }) {
  const s = useStyles();
  const { lang, t } = usePane();
  const where = (o: SourceOrigin) => (lang === 'th' ? describeOrigin(o) : describeOriginEn(o));
  return (
    <>
      {result.skipped.length > 0 && (
        <Finding
          kind="error"
          testId="import-skipped"
          title={t('importSkippedTitle', { n: result.skipped.length })}
          items={result.skipped.map((r) => (
            <>
              <Text size={200} className={s.where}>{where(r.origin)}</Text>
              <Text size={200}>{r.label}</Text>
              <Text size={200} className={s.reason}>{lang === 'th' ? r.message : r.messageEn}</Text>
            </>
          ))}
        />
      )}
      {result.duplicates.length > 0 && (
        <Finding
          kind="info"
          testId="import-duplicates"
          title={t('importDuplicatesTitle', { n: result.duplicates.length })}
          items={result.duplicates.map((d) => (
            <>
              <Text size={200}>{d.label}</Text>
              <Text size={200} className={s.where}>
                {where(d.origin)} — {d.existingRow !== undefined ? t('importDuplicateOfRow', { row: d.existingRow }) : t('importDuplicateOf', { origin: where(d.earlier ?? d.origin) })}
              </Text>
            </>
          ))}
        />
      )}
      {result.conflicts.length > 0 && (
        <Finding
          kind="warning"
          testId="import-conflicts"
          title={t('importConflictsTitle', { n: result.conflicts.length })}
          items={result.conflicts.map((c) => (
            <>
              <Text size={200}>{c.label}</Text>
              <Text size={200} className={s.where}>{t('importConflictRow', { row: c.existingRow, origin: where(c.origin) })}</Text>
              {c.differences.map((d) => (
                <Text size={200} key={d.field}>{t('importConflictDiff', { header: d.header, existing: d.existing, incoming: d.incoming })}</Text>
              ))}
            </>
          ))}
        />
      )}
      {result.personalIds.length > 0 && (
        <Finding
          kind="warning"
          testId="import-pdpa"
          title={t('importPdpaTitle', { n: result.personalIds.length })}
          footer={<Text size={200}>{t('importPdpaHint')}</Text>}
          // The pane shows the masked form: the full number is in the sheet, where the officer needs it.
          items={result.personalIds.map((p) => <Text size={200}>{t('importPdpaRow', { row: p.outputRow, masked: maskCitizenId(p.id) })}</Text>)}
        />
      )}
    </>
  );
}
