/** taskpane.html opened in a plain browser: say so, and point to the preview, which needs no Excel. */
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { translate, type Lang } from './i18n';

export function NotInExcel({ lang }: { lang: Lang }) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return (
    <div style={{ padding: 12 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('notInExcel')}</MessageBarTitle>
          {t('notInExcelHint')} <Link href="preview.html">{t('openPreview')}</Link>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
