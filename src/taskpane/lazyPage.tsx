/**
 * Pages not shown at start (the form, the agency, the summary and the import pages) are chunks of
 * their own, fetched from the add-in's server when their tab is first opened, so the pane starts
 * with a smaller bundle. While a chunk loads the tab says so; if it cannot be fetched the tab says
 * that and offers to try again (a failed fetch is not cached, so a retry fetches it again).
 */
import { Button, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { usePane } from './context';
import type { StringKey } from './i18n';
import { Notice } from './components/Notice';

function PageUnavailable({ message, onRetry }: { message: StringKey; onRetry: () => void }) {
  const { t } = usePane();
  return (
    <Notice intent="error">
      {t(message)}{' '}
      <Button size="small" onClick={onRetry}>{t('tryAgain')}</Button>
    </Notice>
  );
}

/** A page loaded on first use; `message` says, when its chunk cannot be fetched, what is missing. */
export function useLazyPage<P extends object>(load: () => Promise<ComponentType<P>>, message: StringKey): ComponentType<P> {
  const [attempt, setAttempt] = useState(0);
  // `load` and `message` are fixed per call site; a new attempt is a new lazy component.
  return useMemo(() => {
    const retry = () => setAttempt((n) => n + 1);
    const Unavailable: ComponentType<P> = () => <PageUnavailable message={message} onRetry={retry} />;
    return lazy(() =>
      load().then(
        (Page): { default: ComponentType<P> } => ({ default: Page }),
        (): { default: ComponentType<P> } => ({ default: Unavailable }),
      ),
    ) as unknown as ComponentType<P>;
  }, [attempt]);
}

/** The loading state shown while a page's chunk is fetched. */
export function PageLoading({ children }: { children: ReactNode }) {
  const { t } = usePane();
  return <Suspense fallback={<Spinner size="small" label={t('loadingPage')} />}>{children}</Suspense>;
}
