/**
 * Resolves once the page has loaded and the browser is idle (or after `timeout` ms of a busy
 * main thread): the moment to fetch what a click will need, without competing with the page.
 */
export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => resolve(), { timeout });
      else setTimeout(resolve, 200);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/** Listeners added by scripts later in the page must still hear what we announce: wait for the parser. */
export function documentParsed(): Promise<void> {
  return new Promise((resolve) => whenParsed(resolve));
}

/** Runs `run` once the document is parsed: at once if it is, else on DOMContentLoaded. */
export function whenParsed(run: () => void): void {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run, { once: true });
  } else {
    run();
  }
}
