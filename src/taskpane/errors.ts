/** Turns whatever a use case threw into one line for the officer, in the pane's language. */
import { ImportError } from '../domain/import/importError';
import { CatalogueFileError } from '../domain/catalogue/catalogueFile';
import { GatewayError } from '../workbook/gateway';
import { translate, type Lang } from './i18n';

export function errorText(e: unknown, lang: Lang): string {
  // Errors the domain and the gateway raise for the officer carry their message in both languages.
  if (e instanceof GatewayError || e instanceof ImportError) return lang === 'th' ? e.th : e.en;
  if (e instanceof CatalogueFileError) return `${e.at}: ${lang === 'th' ? e.th : e.en}`;
  // A part of the pane fetched on demand (webpack's chunk) did not arrive: the server is out of reach.
  if (e instanceof Error && e.name === 'ChunkLoadError') return translate(lang, 'partUnavailable');
  // Office.js errors carry a code and a message; anything else is a bug, still shown, never thrown.
  const msg = e instanceof Error ? e.message : String(e);
  return translate(lang, 'unexpectedError', { msg });
}
