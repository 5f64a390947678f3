/**
 * What Fluent UI expects from a browser and jsdom lacks. Imported first by every UI test (jest's
 * config is shared with the node tests, so this is not a global setupFile).
 */
import { configure } from '@testing-library/react';

// findBy…/waitFor wait for what the officer waits for (a text, a role): on a loaded 2-core machine
// a page's chunk, a plan or a check can take seconds, so they wait up to half a minute (they
// return as soon as it is there) instead of Testing Library's default second.
configure({ asyncUtilTimeout: 30_000 });

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  const w = window as Window & { ResizeObserver?: unknown };
  if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub;
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false, media: query, onchange: null,
        addListener: () => undefined, removeListener: () => undefined,
        addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  // Tests start in Thai whatever an earlier test switched to.
  window.localStorage.clear();
}

export {};
