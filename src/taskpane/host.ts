/**
 * Where the pane runs. Inside Excel, Office.onReady says so; in a plain browser office.js (if it
 * loaded at all) reports no host, and the preview page does not load office.js: `Office` is then
 * simply undefined. Both mean "no Excel here".
 */
interface HostInfo {
  readonly excel: boolean;
  /** Office's UI language ("th-TH", "en-US"); undefined outside Office. */
  readonly displayLanguage?: string;
}

type OfficeGlobal = typeof Office;

export function officeGlobal(): OfficeGlobal | undefined {
  const o = (globalThis as { Office?: OfficeGlobal }).Office;
  return o && typeof o.onReady === 'function' ? o : undefined;
}

/** Set by taskpane.html's office.js tag when the script could not be fetched (offline, proxy). */
export const OFFICE_JS_FAILED = '__itaOfficeJsFailed';

/**
 * Whether the page was opened by an Office host, known without Office.js: Office opens the pane's
 * URL with `_host_Info=Excel$Win32$16.01$th-TH$…` in its query (desktop, Mac and the web alike).
 * This is what tells "Office.js did not load inside Excel" from "opened in a plain browser".
 */
function openedByOffice(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  return /[?&]_host_Info=/i.test(search);
}

/** How long Office.onReady may take before the pane says Office.js did not start. */
const OFFICE_READY_TIMEOUT_MS = 20_000;

export type HostState =
  | { readonly kind: 'excel' | 'browser'; readonly info: HostInfo }
  /** Inside Office, but Office.js did not load or did not start. */
  | { readonly kind: 'officeFailed'; readonly displayLanguage?: string };

/** The host's UI language from the `_host_Info` query ("…$th-TH$…"), for the message shown when Office.js is missing. */
export function hostInfoLanguage(search: string = typeof location === 'undefined' ? '' : location.search): string | undefined {
  const m = /[?&]_host_Info=([^&]*)/i.exec(search);
  if (!m) return undefined;
  return decodeURIComponent(m[1]).split(/[$|]/).find((p) => /^[a-z]{2}-[A-Z]{2}$/.test(p));
}

/** Where the pane runs, with a diagnosis when Office.js is missing or never becomes ready inside Office. */
export async function resolveHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostState> {
  const office = officeGlobal();
  const failed = Boolean((globalThis as Record<string, unknown>)[OFFICE_JS_FAILED]);
  if (!office) {
    // Office on the web hosts the pane in a frame; a plain browser tab is no frame.
    const framed = typeof window !== 'undefined' && window.parent !== window;
    return openedByOffice() || (failed && framed) ? { kind: 'officeFailed', displayLanguage: hostInfoLanguage() } : { kind: 'browser', info: { excel: false } };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), timeoutMs);
  });
  try {
    const info = await Promise.race([detectHost(), late]);
    if (info === 'late') return { kind: 'officeFailed', displayLanguage: hostInfoLanguage() };
    return { kind: info.excel ? 'excel' : 'browser', info };
  } finally {
    clearTimeout(timer);
  }
}

async function detectHost(): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office) return { excel: false };
  const info = await office.onReady();
  let displayLanguage: string | undefined;
  try {
    displayLanguage = office.context?.displayLanguage || undefined;
  } catch {
    displayLanguage = undefined; // outside Office, context may throw rather than be empty
  }
  return { excel: info.host === office.HostType.Excel, displayLanguage };
}
