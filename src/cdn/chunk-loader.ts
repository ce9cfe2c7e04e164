// How the classic-script bundle loads its parts: the modules it shares with them are published on a
// private global, and each part is a classic script file beside the bundle that hands its module
// back. Script files from the bundle's own origin pass `script-src 'self'`: no eval, no inline code.
declare const __PACKAGE_VERSION__: string;

const REGISTRY = Symbol.for('netlify-identity-elements.cdn');

export interface CdnRegistry {
  /** The core's modules that the parts import, by name. */
  shared: Record<string, unknown>;
  /** Called by a part's script as it runs. */
  provide(name: string, module: unknown): void;
}

type Registry = typeof globalThis & { [REGISTRY]?: CdnRegistry };

const provided = new Map<string, unknown>();

/** The page's registry: the first copy of the bundle on the page owns it. */
export function cdnRegistry(shared: Record<string, unknown> = {}): CdnRegistry {
  const registry = globalThis as Registry;
  registry[REGISTRY] ??= {
    shared,
    provide: (name, module) => provided.set(name, module),
  };
  return registry[REGISTRY];
}

// Read while the bundle itself runs: its parts and languages sit beside it.
const bundleUrl =
  typeof document === 'undefined'
    ? ''
    : ((document.currentScript as HTMLScriptElement | null)?.src ?? location.href);

/**
 * The folder the bundle was loaded from. A CDN's bare package URL
 * (https://unpkg.com/netlify-identity-elements) redirects to the file, but the script's `src` still
 * names the bare URL: then the files are at the same host under the versioned package path.
 */
export function bundleFolder(scriptUrl: string, version: string): string {
  const url = new URL(scriptUrl, location.href);
  if (url.pathname.endsWith('.js')) return new URL('./', url).href;
  return `${url.origin}/netlify-identity-elements@${version}/dist/cdn/`;
}

/** A classic script beside the bundle, e.g. `locales/fr.js`; `retry` defeats a cached failure. */
export function loadScript(path: string, retry = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const url = new URL(path, bundleFolder(bundleUrl, __PACKAGE_VERSION__));
    if (retry) url.searchParams.set('retry', String(retry));
    script.src = url.href;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`Could not load ${script.src}`));
    };
    document.head.append(script);
  });
}

const attempts = new Map<string, number>();

/** Loads the part `netlify-identity-<name>.js` once it is needed; a failed load is retried by the next call. */
export async function loadPart<T>(name: string): Promise<T> {
  if (!provided.has(name)) {
    const attempt = attempts.get(name) ?? 0;
    attempts.set(name, attempt + 1);
    await loadScript(`netlify-identity-${name}.js`, attempt);
    if (!provided.has(name)) throw new Error(`netlify-identity-${name}.js did not load`);
  }
  return provided.get(name) as T;
}
