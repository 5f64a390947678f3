/** Errors and results as Fluent message bars, worded for the officer in the pane's language. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePane } from '../context';
import { errorText } from '../errors';

export function ErrorNotice({ error }: { error: unknown }) {
  const { lang, t } = usePane();
  if (error === null || error === undefined) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
        {errorText(error, lang)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ intent, children }: { intent: 'success' | 'info' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
