/**
 * axe-core on a page state (through @axe-core/playwright, which injects the axe-core it bundles):
 * the violations of critical or serious impact inside the pane, and the pane's heading levels.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Not of the pane's making: the focus guards Fluent's focus manager (tabster) puts around focus
 * zones, `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`, which pass focus on at once.
 */
const THIRD_PARTY = /data-tabster-dummy/;

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** Critical and serious violations inside `root` (a CSS selector), as short readable lines. */
export async function seriousViolations(page: Page, root: string): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).include(root).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !THIRD_PARTY.test(n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`).slice(0, 5) }));
}

/** Heading levels in document order inside `root`; a level may go down by any, up by one at most. */
export async function headingJumps(page: Page, root: string): Promise<string[]> {
  const levels = await page.locator(root).evaluate((el) =>
    [...el.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter((h) => (h as HTMLElement).offsetParent !== null)
      .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: (h.textContent ?? '').slice(0, 40) })),
  );
  const jumps: string[] = [];
  let previous = 0;
  for (const h of levels) {
    if (h.level > previous + 1) jumps.push(`h${previous} → h${h.level} "${h.text}"`);
    previous = h.level;
  }
  return jumps;
}
