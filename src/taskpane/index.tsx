/**
 * Starts the task pane: wait for Office, pick the gateway (Office.js inside Excel, built from the
 * Office globals here and nowhere else; the page's own in-memory workbook in the preview), and
 * render the pane inside FluentProvider.
 */
import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkbookGateway } from '../workbook/gateway';
import { OfficeGateway } from '../workbook/office/officeGateway';
import { TaskPane, type TabId } from './App';
import type { WorkbookWatch } from './hooks';
import { hostInfoLanguage, officeGlobal, resolveHost } from './host';
import { initialLanguage, loadLanguage } from './i18n';
import { Loading, NotInExcel, OfficeFailed } from './NotInExcel';
import { paneTheme } from './theme';

interface BrowserWorkbook {
  readonly gateway: WorkbookGateway;
  readonly watch?: WorkbookWatch;
}

export interface BootOptions {
  readonly container: HTMLElement;
  /** Used when there is no Excel (the preview page passes its MemoryWorkbook). */
  readonly browserWorkbook?: BrowserWorkbook;
  readonly initialTab?: TabId;
}

export async function bootTaskPane(opts: BootOptions): Promise<void> {
  const root = createRoot(opts.container);
  const render = (node: ReactNode) =>
    root.render(
      <FluentProvider theme={paneTheme} style={{ minHeight: '100%' }}>
        {node}
      </FluentProvider>,
    );
  // Something on screen at once: Office.js may take seconds to start (or never, offline).
  const early = initialLanguage(hostInfoLanguage());
  if (officeGlobal()) render(<Loading lang={early} />);
  const host = await resolveHost();
  if (host.kind === 'officeFailed') {
    render(<OfficeFailed lang={initialLanguage(host.displayLanguage)} />);
    return;
  }
  const lang = initialLanguage(host.info.displayLanguage);
  // English Office: the pane's English strings first, so it opens in English (the pane says so
  // itself if they cannot be fetched).
  await loadLanguage(lang).catch(() => undefined);
  const workbook: BrowserWorkbook | undefined = host.kind === 'excel' ? { gateway: OfficeGateway.forExcel() } : opts.browserWorkbook;
  render(
    workbook ? (
      <TaskPane gateway={workbook.gateway} watch={workbook.watch} initialLang={lang} initialTab={opts.initialTab} />
    ) : (
      <NotInExcel lang={lang} />
    ),
  );
}
