/**
 * The check's safe automatic fixes, listed before anything is written: cell, current value, new
 * value, reason. Only the ticked cells are written, only after a confirmation, and only where the
 * cell still holds the value listed (applyFixes re-reads the sheet).
 */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyFixes, planFixes } from '../../app/workbookSession';
import { usePane } from '../context';
import { useAction, type CheckState } from '../hooks';
import { ChangeList, changeKey } from '../components/ChangeList';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  confirm: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorPaletteMarigoldBorder2}`, backgroundColor: tokens.colorPaletteYellowBackground1,
  },
});

export function FixPage({ check, onApplied }: { check: CheckState; onApplied: () => void }) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus, so that the keyboard user answers it next.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [result, setResult] = useState<{ applied: number; skipped: number }>();

  const changes = useMemo(() => (check.run && check.active ? planFixes(check.run, [check.active.grid]) : []), [check.run, check.active]);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(changes.map(changeKey)));
  // A new plan (after a re-check) starts with every fix ticked again, and asks again.
  useEffect(() => {
    setChecked(new Set(changes.map(changeKey)));
    setConfirming(false);
  }, [changes]);

  const chosen = changes.filter((c) => checked.has(changeKey(c)));
  const sheet = check.active?.sheet ?? '';

  const toggle = (key: string, on: boolean) => {
    setResult(undefined);
    setConfirming(false);
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const apply = async () => {
    setConfirming(false);
    const r = await action.run(() => applyFixes(gateway, chosen));
    if (r) {
      setResult({ applied: r.applied, skipped: r.skipped.length });
      onApplied();
      await check.recheck();
    }
  };

  return (
    <div className={s.page}>
      <Text weight="semibold" as="h3">{t('fixTitle')}</Text>
      <Text size={200}>{t('fixHint')}</Text>
      <ErrorNotice error={check.error} />
      {check.checking && !check.run && <Spinner size="tiny" label={t('checking')} labelPosition="after" />}
      {result && (
        <Notice intent={result.skipped ? 'warning' : 'success'}>
          {t('fixResult', { applied: result.applied, skipped: result.skipped })}
          {result.skipped > 0 && ` ${t('skippedChanged', { n: result.skipped })}`}
        </Notice>
      )}
      {check.run && changes.length === 0 && <Notice intent="info">{t('fixNone')}</Notice>}
      {changes.length > 0 && (
        <>
          <div className={s.actions}>
            <Button size="small" onClick={() => setChecked(new Set(changes.map(changeKey)))}>{t('selectAll')}</Button>
            <Button size="small" onClick={() => setChecked(new Set())}>{t('selectNone')}</Button>
            <Text size={200}>{t('fixSelectedCount', { n: chosen.length, total: changes.length })}</Text>
          </div>
          <ChangeList changes={changes} checked={checked} onToggle={toggle} />
          {confirming ? (
            // Asked in the pane itself: a modal dialog in a 320-pixel task pane hides what it asks about.
            <section className={s.confirm} role="alertdialog" aria-label={t('confirmFixTitle')} aria-describedby="fix-confirm-body">
              <Text weight="semibold">{t('confirmFixTitle')}</Text>
              <Text id="fix-confirm-body">{t('confirmFixBody', { n: chosen.length, sheet })}</Text>
              <div className={s.actions}>
                <Button ref={confirmRef} appearance="primary" onClick={apply} disabled={action.busy}>
                  {t('confirmFix')}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>
              </div>
            </section>
          ) : (
            <div className={s.actions}>
              <Button appearance="primary" disabled={chosen.length === 0 || action.busy || check.checking} onClick={() => setConfirming(true)}>
                {t('applyChecked', { n: chosen.length })}
              </Button>
            </div>
          )}
        </>
      )}
      <ErrorNotice error={action.error} />
    </div>
  );
}
