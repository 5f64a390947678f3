/**
 * What Fluent UI expects from a browser and jsdom lacks. Imported first by every UI test (jest's
 * config is shared with the node tests, so this is not a global setupFile).
 */
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
