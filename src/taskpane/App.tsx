/**
 * The task pane: a header (sheet, language, reload), tabs, and the page of the chosen tab. It gets
 * its workbook as a gateway (Office.js in Excel, in-memory in the preview) and holds the shared
 * state: the active sheet and its last check.
 */
import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Component, lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WorkbookGateway } from '../workbook/gateway';
import { PaneProvider, usePane } from './context';
import { useActiveSheet, useCheck, type WorkbookWatch } from './hooks';
import { translate, type Lang } from './i18n';
import { ErrorNotice, Notice } from './components/Notice';
import { AgencyPage } from './pages/AgencyPage';
import { CheckPage } from './pages/CheckPage';
import { FixPage } from './pages/FixPage';
import { FormPage } from './pages/FormPage';
import { RecognisePage } from './pages/RecognisePage';
import { SummaryPage } from './pages/SummaryPage';

/**
 * The import page brings the import domain (e-GP and สขร.1 readers, mapping, de-duplication): it is
 * a chunk of its own, fetched from the add-in's server when its tab is first opened, so the pane
 * starts as fast as before. If it cannot be fetched, the tab says so instead of failing the pane.
 */
const ImportPage = lazy(() =>
  import(/* webpackChunkName: "import-page" */ './pages/ImportPage').then(
    (m) => ({ default: m.ImportPage }),
    () => ({ default: ImportUnavailable }),
  ),
);

function ImportUnavailable() {
  const { t } = usePane();
  return <Notice intent="error">{t('importUnavailable')}</Notice>;
}

export type TabId = 'template' | 'agency' | 'form' | 'import' | 'check' | 'fix' | 'summary';

const LANG_KEY = 'ita-forms.lang';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', minHeight: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
  },
  headerLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  sheetLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand, flex: 'none' },
  tabs: { flexWrap: 'wrap', padding: `0 ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function storedLang(fallback: Lang): Lang {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === 'th' || v === 'en' ? v : fallback;
  } catch {
    return fallback; // storage can be off in an Office webview; the default language is fine
  }
}

export interface TaskPaneProps {
  readonly gateway: WorkbookGateway;
  /** Where the host can report workbook changes (the preview), the pane follows them. */
  readonly watch?: WorkbookWatch;
  readonly initialLang?: Lang;
  readonly initialTab?: TabId;
}

export function TaskPane({ gateway, watch, initialLang = 'th', initialTab = 'template' }: TaskPaneProps) {
  const [lang, setLang] = useState<Lang>(() => storedLang(initialLang));
  const switchLang = useCallback(() => {
    setLang((l) => {
      const next = l === 'th' ? 'en' : 'th';
      try {
        window.localStorage.setItem(LANG_KEY, next);
      } catch {
        // not remembered; still switched
      }
      return next;
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <PaneProvider gateway={gateway} lang={lang}>
      <PaneBoundary lang={lang}>
        <PaneBody watch={watch} initialTab={initialTab} onSwitchLang={switchLang} />
      </PaneBoundary>
    </PaneProvider>
  );
}

function PaneBody({ watch, initialTab, onSwitchLang }: { watch?: WorkbookWatch; initialTab: TabId; onSwitchLang: () => void }) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const [tab, setTab] = useState<TabId>(initialTab);
  const sheet = useActiveSheet(gateway, watch);
  const active = sheet.active;
  const rec = active?.recognition;
  const check = useCheck(gateway, active?.sheet, tab === 'check' || tab === 'fix' || tab === 'summary');
  const hasSummary = Boolean(rec?.template.summary);
  // The summary tab exists only for templates with a summary (o17); leave it when it goes away.
  const shownTab: TabId = tab === 'summary' && !hasSummary ? 'check' : tab;
  const refresh = sheet.refresh;

  let page: ReactNode;
  if (!active) {
    page = sheet.error ? <ErrorNotice error={sheet.error} /> : <Spinner size="small" label={t('reading')} />;
  } else if (shownTab === 'template') {
    page = <RecognisePage active={active} onCreated={() => void refresh()} />;
  } else if (shownTab === 'agency') {
    page = <AgencyPage agency={active.meta.agency} onSaved={() => void refresh()} />;
  } else if (shownTab === 'form') {
    page = rec ? <FormPage key={active.sheet} active={{ ...active, recognition: rec }} onWritten={() => void refresh()} /> : <Notice intent="warning">{t('needTemplate')}</Notice>;
  } else if (shownTab === 'import') {
    page = (
      <Suspense fallback={<Spinner size="small" label={t('loadingPage')} />}>
        <ImportPage
          active={active}
          onWritten={() => {
            void refresh();
            // The Check tab's last check was made before these rows were there.
            void check.recheck();
          }}
          onShowCheck={() => setTab('check')}
        />
      </Suspense>
    );
  } else if (shownTab === 'check') {
    page = <CheckPage check={check} sheet={active.sheet} />;
  } else if (shownTab === 'fix') {
    page = <FixPage check={check} onApplied={() => void refresh()} />;
  } else {
    page = <SummaryPage check={check} onWritten={() => void refresh()} />;
  }

  return (
    <div className={s.pane}>
      <header className={s.header}>
        <div className={s.headerLine}>
          <Text weight="semibold" size={400} as="h1">{t('appTitle')}</Text>
          <Button size="small" appearance="transparent" className={s.onBrand} onClick={onSwitchLang} aria-label={t('switchLanguageLabel')}>
            {t('switchLanguage')}
          </Button>
        </div>
        <div className={s.sheetLine}>
          <Text size={200} className={s.sheetName} data-testid="active-sheet">
            {t('sheet')}: {active?.sheet ?? '…'}
          </Text>
          <Button size="small" appearance="transparent" className={s.onBrand} onClick={() => void refresh()} disabled={sheet.loading}>
            {t('reload')}
          </Button>
        </div>
      </header>
      <TabList className={s.tabs} size="small" selectedValue={shownTab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="template">{t('tabTemplate')}</Tab>
        <Tab value="agency">{t('tabAgency')}</Tab>
        <Tab value="form">{t('tabForm')}</Tab>
        <Tab value="import">{t('tabImport')}</Tab>
        <Tab value="check">{t('tabCheck')}</Tab>
        <Tab value="fix">{t('tabFix')}</Tab>
        {hasSummary && <Tab value="summary">{t('tabSummary')}</Tab>}
      </TabList>
      <main className={s.body}>
        {active && sheet.error ? <ErrorNotice error={sheet.error} /> : null}
        {page}
      </main>
    </div>
  );
}

/** Last line of defence: a rendering bug shows a message in the pane instead of a blank pane. */
class PaneBoundary extends Component<{ lang: Lang; children: ReactNode }, { failed: unknown }> {
  override state: { failed: unknown } = { failed: null };

  static getDerivedStateFromError(failed: unknown) {
    return { failed };
  }

  override render() {
    if (this.state.failed) {
      return (
        <div style={{ padding: 12 }}>
          <Notice intent="error">{translate(this.props.lang, 'paneCrashed')}</Notice>
          <ErrorNotice error={this.state.failed} />
        </div>
      );
    }
    return this.props.children;
  }
}
