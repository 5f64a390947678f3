/**
 * The task pane: a header (sheet, language, reload), tabs, and the page of the chosen tab. It gets
 * its workbook as a gateway (Office.js in Excel, in-memory in the preview) and holds the shared
 * state: the active sheet and its last check.
 */
import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Component, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WorkbookGateway } from '../workbook/gateway';
import { PaneProvider, usePane } from './context';
import { usePaneSession, type WorkbookWatch, type WriteKind } from './hooks';
import { languageReady, loadLanguage, translate, type Lang } from './i18n';
import { ErrorNotice, Notice } from './components/Notice';
import { RecognisePage } from './pages/RecognisePage';
import { PageLoading, useLazyPage } from './lazyPage';

// Pages not shown at start are chunks of their own (lazyPage.tsx). The import page brings the
// import domain (e-GP and สขร.1 readers, mapping, de-duplication).
const loadImportPage = () => import(/* webpackChunkName: "import-page" */ './pages/ImportPage').then((m) => m.ImportPage);
const loadFormPage = () => import(/* webpackChunkName: "form-page" */ './pages/FormPage').then((m) => m.FormPage);
const loadAgencyPage = () => import(/* webpackChunkName: "agency-page" */ './pages/AgencyPage').then((m) => m.AgencyPage);
// The check tab is not the first one shown, but the officer goes there next: fetched when the browser is idle.
const loadCheckPage = () => import(/* webpackChunkName: "check-page", webpackPrefetch: true */ './pages/CheckPage').then((m) => m.CheckPage);
const loadSummaryPage = () => import(/* webpackChunkName: "summary-page" */ './pages/SummaryPage').then((m) => m.SummaryPage);

/** The pane's tabs; the check and its automatic fixes share one tab. */
export type TabId = 'template' | 'agency' | 'form' | 'import' | 'check' | 'summary';

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
  // Thai tone marks sit above the line box: room for them, or overflow:hidden cuts them off.
  sheetName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, lineHeight: '1.9', paddingTop: '1px' },
  // Fluent's transparent button turns its text brand-blue on hover: invisible on the brand header.
  onBrand: {
    color: tokens.colorNeutralForegroundOnBrand, flex: 'none',
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
    ':focus-visible': { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}` },
  },
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
  // The language asked for, and the one shown: English is shown once its strings have arrived.
  const [wanted, setWanted] = useState<Lang>(() => storedLang(initialLang));
  const [lang, setLang] = useState<Lang>(() => (languageReady(wanted) ? wanted : 'th'));
  const [langFailed, setLangFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadLanguage(wanted).then(
      () => live && setLang(wanted),
      () => {
        if (!live) return;
        // The add-in's server is out of reach: stay in the language shown and say so.
        setLangFailed(true);
        setWanted(lang);
      },
    );
    return () => {
      live = false;
    };
    // `lang` is read only to fall back to it; a change of it must not reload.
  }, [wanted]);
  const switchLang = useCallback(() => {
    setLangFailed(false);
    setWanted((l) => {
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
        <PaneBody watch={watch} initialTab={initialTab} onSwitchLang={switchLang} switching={wanted !== lang} langFailed={langFailed} />
      </PaneBoundary>
    </PaneProvider>
  );
}

interface PaneBodyProps {
  readonly watch?: WorkbookWatch;
  readonly initialTab: TabId;
  readonly onSwitchLang: () => void;
  /** The other language's strings are being fetched. */
  readonly switching: boolean;
  /** They could not be fetched. */
  readonly langFailed: boolean;
}

function PaneBody({ watch, initialTab, onSwitchLang, switching, langFailed }: PaneBodyProps) {
  const s = useStyles();
  const { gateway, t } = usePane();
  const [tab, setTab] = useState<TabId>(initialTab);
  const session = usePaneSession(gateway, watch);
  const { active } = session;
  const rec = active?.recognition;
  const hasSummary = Boolean(rec?.template.summary);
  // The summary tab exists only for templates with a summary (o17); leave it when it goes away.
  const shownTab: TabId = tab === 'summary' && !hasSummary ? 'check' : tab;
  const ImportPage = useLazyPage(loadImportPage, 'importUnavailable');
  const FormPage = useLazyPage(loadFormPage, 'pageUnavailable');
  const AgencyPage = useLazyPage(loadAgencyPage, 'pageUnavailable');
  const SummaryPage = useLazyPage(loadSummaryPage, 'pageUnavailable');
  const CheckPage = useLazyPage(loadCheckPage, 'pageUnavailable');
  const { afterWrite, recheck } = session;
  const written = useCallback((kind: WriteKind = 'cells') => void afterWrite(kind), [afterWrite]);

  const chooseTab = (next: TabId) => {
    setTab(next);
    // Where Excel cannot report edits, coming back to the check re-checks what may have changed.
    if (next === 'check' && session.live === false && rec) void recheck();
  };

  let page: ReactNode;
  if (!active) {
    page = session.error ? <ErrorNotice error={session.error} /> : <Spinner size="small" label={t('reading')} />;
  } else if (shownTab === 'template') {
    page = <RecognisePage active={active} onCreated={() => written('workbook')} />;
  } else if (shownTab === 'agency') {
    page = <PageLoading><AgencyPage agency={active.meta.agency} onSaved={() => written('workbook')} /></PageLoading>;
  } else if (!rec && shownTab !== 'import') {
    page = <NoTemplate onOpenTemplates={() => setTab('template')} />;
  } else if (shownTab === 'form' && rec) {
    page = <PageLoading><FormPage key={active.sheet} active={{ ...active, recognition: rec }} issues={session.run?.sheet?.report.issues} onWritten={() => written('cells')} /></PageLoading>;
  } else if (shownTab === 'import') {
    page = (
      <PageLoading>
        <ImportPage active={active} onWritten={() => written('workbook')} onShowCheck={() => setTab('check')} />
      </PageLoading>
    );
  } else if (shownTab === 'check') {
    page = <PageLoading><CheckPage session={session} sheet={active.sheet} onWritten={() => written('cells')} /></PageLoading>;
  } else {
    page = <PageLoading><SummaryPage session={session} onWritten={() => written('workbook')} /></PageLoading>;
  }

  return (
    <div className={s.pane}>
      <header className={s.header}>
        <div className={s.headerLine}>
          <Text weight="semibold" size={400} as="h1">{t('appTitle')}</Text>
          <Button size="small" appearance="transparent" className={s.onBrand} onClick={onSwitchLang} disabled={switching} aria-label={t('switchLanguageLabel')}>
            {t('switchLanguage')}
          </Button>
        </div>
        <div className={s.sheetLine}>
          <Text size={200} className={s.sheetName} data-testid="active-sheet" title={active?.sheet}>
            {t('sheet')}: {active?.sheet ?? '…'}
          </Text>
          <Button size="small" appearance="transparent" className={s.onBrand} onClick={() => void session.refresh()} disabled={session.loading}>
            {t('reload')}
          </Button>
        </div>
      </header>
      <TabList className={s.tabs} size="small" selectedValue={shownTab} onTabSelect={(_, d) => chooseTab(d.value as TabId)}>
        <Tab value="template">{t('tabTemplate')}</Tab>
        <Tab value="agency">{t('tabAgency')}</Tab>
        <Tab value="form">{t('tabForm')}</Tab>
        <Tab value="import">{t('tabImport')}</Tab>
        <Tab value="check">{t('tabCheck')}</Tab>
        {hasSummary && <Tab value="summary">{t('tabSummary')}</Tab>}
      </TabList>
      <main className={s.body}>
        {langFailed && <Notice intent="warning">{t('languageUnavailable')}</Notice>}
        {active && session.error ? <ErrorNotice error={session.error} /> : null}
        {page}
      </main>
    </div>
  );
}

/** A sheet that holds no template: no verdict, only the way to create one or map this sheet. */
function NoTemplate({ onOpenTemplates }: { onOpenTemplates: () => void }) {
  const { t } = usePane();
  return (
    <Notice intent="warning">
      {t('needTemplate')}{' '}
      <Button size="small" appearance="primary" onClick={onOpenTemplates}>{t('openTemplateTab')}</Button>
    </Notice>
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
