/**
 * What every page needs, handed down once: the workbook gateway (the pane's only way to a
 * workbook) and the language. Components never reach for Excel or a global.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { WorkbookGateway } from '../workbook/gateway';
import { translate, type Lang, type Translate } from './i18n';

export interface PaneContextValue {
  readonly gateway: WorkbookGateway;
  readonly lang: Lang;
  readonly t: Translate;
}

const PaneContext = createContext<PaneContextValue | null>(null);

export function PaneProvider(props: { gateway: WorkbookGateway; lang: Lang; children: ReactNode }) {
  const { gateway, lang } = props;
  const value = useMemo<PaneContextValue>(() => ({ gateway, lang, t: (key, vars) => translate(lang, key, vars) }), [gateway, lang]);
  return <PaneContext.Provider value={value}>{props.children}</PaneContext.Provider>;
}

export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (!v) throw new Error('usePane outside PaneProvider');
  return v;
}
