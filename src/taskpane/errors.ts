/** Turns whatever a use case threw into one line for the officer, in the pane's language. */
import { GatewayError } from '../workbook/gateway';
import { translate, type Lang } from './i18n';

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof GatewayError) return lang === 'th' ? e.th : e.en;
  // Office.js errors carry a code and a message; anything else is a bug, still shown, never thrown.
  const msg = e instanceof Error ? e.message : String(e);
  return translate(lang, 'unexpectedError', { msg });
}
