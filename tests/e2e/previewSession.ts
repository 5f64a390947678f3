/**
 * What every browser test needs: the add-in built once per source state (shared by the test files
 * of a run), served on 127.0.0.1, Debian's chromium through playwright-core with the flags this
 * machine's closed network needs, one page on the preview, and its console errors and requests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildDist, ROOT, serve, type Served } from './buildDist';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(__dirname, 'screenshots');

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // CI installs chromium; a developer machine without it skips, and says why.
  console.warn(`e2e skipped: ${CHROMIUM} not found (apt-get install chromium fonts-thai-tlwg)`);
}
/** `describe` where chromium is installed, `describe.skip` elsewhere. */
export const describeInChromium = haveChromium ? describe : describe.skip;

/** A hash of everything webpack reads, so a build is reused only for the same sources. */
function sourceHash(): string {
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  for (const d of ['src', 'assets']) walk(join(ROOT, d));
  for (const f of ['webpack.config.js', 'manifest.xml', 'package-lock.json']) h.update(readFileSync(join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * The development build of dist/ for the current sources. Test files run in parallel workers: each
 * builds into its own folder and renames it into place, so a reader never sees half a build.
 */
function sharedDist(): string {
  const dir = join(tmpdir(), `ita-forms-e2e-dist-${sourceHash()}`);
  if (existsSync(join(dir, 'preview.html'))) return dir;
  const tmp = mkdtempSync(join(tmpdir(), 'ita-forms-e2e-build-'));
  buildDist(tmp, 'development');
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another worker got there first
  }
  return dir;
}

export interface PreviewSession {
  readonly url: string;
  /** The built dist/ folder being served. */
  readonly dist: string;
  readonly page: Page;
  readonly consoleErrors: string[];
  /** Every address the page asked for (the add-in must not reach beyond its own server). */
  readonly requests: string[];
  /** The task pane, the preview's grid and one of its cells ("G2"). */
  pane(): Locator;
  grid(): Locator;
  cell(address: string): Locator;
}

/** Registers beforeAll/afterAll for one browser page on the served preview; read the session in tests. */
export function usePreviewSession(viewport: { width: number; height: number }): PreviewSession {
  let served: Served | undefined;
  let dist: string | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dist = sharedDist();
    served = await serve(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // A context of its own: axe-core's playwright runner works on a page from browser.newContext().
    const context = await browser.newContext({ viewport, locale: 'th-TH' });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the browser session has no ${what} yet (beforeAll failed?)`);
    return v;
  };
  return {
    get url() {
      return need(served, 'server').url;
    },
    get dist() {
      return need(dist, 'build');
    },
    get page() {
      return need(page, 'page');
    },
    consoleErrors,
    requests,
    pane: () => need(page, 'page').locator('#pane'),
    grid: () => need(page, 'page').locator('#grid'),
    cell: (address) => need(page, 'page').locator('#grid').locator(`td[data-cell="${address}"]`),
  };
}
