/**
 * What the pane shows before (or instead of) the workbook: while Office.js starts, when Office.js
 * could not be loaded inside Excel (offline, a proxy), and when the page is open in a plain browser.
 */
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { translate, type Lang, type StringKey } from './i18n';

const box = { padding: 12 } as const;

export function NotInExcel({ lang }: { lang: Lang }) {
  const t = (k: StringKey) => translate(lang, k);
  return (
    <main style={box} lang={lang}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('notInExcel')}</MessageBarTitle>
          {t('notInExcelHint')} <Link href="preview.html">{t('openPreview')}</Link>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

export function Loading({ lang }: { lang: Lang }) {
  return (
    <main style={{ ...box, paddingTop: 32 }} lang={lang} aria-busy="true">
      <Spinner size="medium" label={translate(lang, 'loadingOffice')} labelPosition="below" />
    </main>
  );
}

/** Inside Excel, Office.js did not load: say so (not "outside Excel"), what to check, and offer a reload. */
export function OfficeFailed({ lang }: { lang: Lang }) {
  const t = (k: StringKey) => translate(lang, k);
  return (
    <main style={box} lang={lang}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('officeFailed')}</MessageBarTitle>
          {t('officeFailedHint')}
        </MessageBarBody>
      </MessageBar>
      <div style={{ marginTop: 12 }}>
        <Button appearance="primary" onClick={() => window.location.reload()}>{t('reloadPane')}</Button>
      </div>
    </main>
  );
}
