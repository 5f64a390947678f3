/**
 * Where the pane runs. Inside Excel, Office.onReady says so; in a plain browser office.js (if it
 * loaded at all) reports no host, and the preview page does not load office.js: `Office` is then
 * simply undefined. Both mean "no Excel here".
 */
export interface HostInfo {
  readonly excel: boolean;
  /** Office's UI language ("th-TH", "en-US"); undefined outside Office. */
  readonly displayLanguage?: string;
}

type OfficeGlobal = typeof Office;

export function officeGlobal(): OfficeGlobal | undefined {
  const o = (globalThis as { Office?: OfficeGlobal }).Office;
  return o && typeof o.onReady === 'function' ? o : undefined;
}

export async function detectHost(): Promise<HostInfo> {
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
