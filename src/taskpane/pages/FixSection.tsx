/**
 * The check's safe automatic fixes (a section of the check tab), listed before anything is written: cell, current value, new
 * value, reason. Only the ticked cells are written, only after a confirmation, and only where the
 * cell still holds the value listed (applyFixes re-reads the sheet).
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyFixes, planFixes } from '../../app/workbookSession';
import { usePane } from '../context';
import { useAction, type SessionState } from '../hooks';
import { ChangeList, changeKey } from '../components/ChangeList';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: '1.6' },
  // The button that writes stays in view while the officer scrolls the list of changes.
  sticky: {
    position: 'sticky', bottom: 0, zIndex: 1, display: 'flex', gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`, backgroundColor: tokens.colorNeutralBackground1,
  },
  confirm: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorPaletteMarigoldBorder2}`, backgroundColor: tokens.colorPaletteYellowBackground1,
  },
});

export function FixSection({ session, onApplied }: { session: SessionState; onApplied: () => void }) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus, so that the keyboard user answers it next.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [result, setResult] = useState<{ applied: number; skipped: number }>();

  const { run, active } = session;
  const changes = useMemo(() => (run && active ? planFixes(run, [active.grid]).filter((c) => c.sheet === active.sheet) : []), [run, active]);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(changes.map(changeKey)));
  // A new plan (after a re-check) starts with every fix ticked again, and asks again.
  useEffect(() => {
    setChecked(new Set(changes.map(changeKey)));
    setConfirming(false);
  }, [changes]);

  const chosen = changes.filter((c) => checked.has(changeKey(c)));
  const sheet = active?.sheet ?? '';

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

  const cancel = () => {
    setConfirming(false);
    // Back to the button that asked, so the keyboard user is where they were.
    setTimeout(() => applyRef.current?.focus(), 0);
  };

  const apply = async () => {
    setConfirming(false);
    const r = await action.run(() => applyFixes(gateway, chosen));
    if (r) {
      setResult({ applied: r.applied, skipped: r.skipped.length });
      onApplied();
    }
  };

  return (
    <section className={s.page} aria-labelledby="fix-title" data-testid="fixes">
      <h2 id="fix-title" className={s.heading}>{t('fixTitle', { n: changes.length })}</h2>
      {result && (
        <Notice intent={result.skipped ? 'warning' : 'success'}>
          {t('fixResult', { applied: result.applied, skipped: result.skipped })}
          {result.skipped > 0 && ` ${t('skippedChanged', { n: result.skipped })}`}
        </Notice>
      )}
      {run && changes.length === 0 && <Text size={200}>{t('fixNone')}</Text>}
      {changes.length > 0 && (
        <>
          <Text size={200}>{t('fixHint')}</Text>
          <div className={s.actions}>
            <Button size="small" onClick={() => setChecked(new Set(changes.map(changeKey)))}>{t('selectAll')}</Button>
            <Button size="small" onClick={() => setChecked(new Set())}>{t('selectNone')}</Button>
            <Text size={200}>{t('fixSelectedCount', { n: chosen.length, total: changes.length })}</Text>
          </div>
          <ChangeList changes={changes} checked={checked} onToggle={toggle} />
          {confirming ? (
            // Asked in the pane itself: a modal dialog in a 320-pixel task pane hides what it asks about.
            <section
              className={s.confirm} role="alertdialog" aria-label={t('confirmFixTitle')} aria-describedby="fix-confirm-body"
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  cancel();
                }
              }}
            >
              <Text weight="semibold">{t('confirmFixTitle')}</Text>
              <Text id="fix-confirm-body">{t('confirmFixBody', { n: chosen.length, sheet })}</Text>
              <div className={s.actions}>
                <Button ref={confirmRef} appearance="primary" onClick={apply} disabled={action.busy}>
                  {t('confirmFix')}
                </Button>
                <Button onClick={cancel}>{t('cancel')}</Button>
              </div>
            </section>
          ) : (
            <div className={s.sticky}>
              <Button ref={applyRef} appearance="primary" disabled={chosen.length === 0 || action.busy || session.checking} onClick={() => setConfirming(true)}>
                {t('applyChecked', { n: chosen.length })}
              </Button>
            </div>
          )}
        </>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}
