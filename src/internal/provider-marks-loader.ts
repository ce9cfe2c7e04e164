import type { SVGTemplateResult } from 'lit';
import type { IdentityState, IdentityStore, OAuthProvider } from '../store/identity-store.js';
import { loadProviderMarksModule } from './load-provider-marks.js';

// The providers' marks are 1.5 KB gzipped that most sites never show: they load only once the
// site's settings enable a provider. Until then a provider's button shows its name beside an
// empty box of the mark's size, so nothing moves when the mark arrives.

type ProviderMarks = Record<OAuthProvider, SVGTemplateResult>;

let marks: ProviderMarks | undefined;
let loading: Promise<ProviderMarks> | undefined;

/** The marks, once loaded. */
export function providerMarks(): ProviderMarks | undefined {
  return marks;
}

/** Loads the marks once; a failed load (offline, 404) is tried again by the next call. */
export function loadProviderMarks(): Promise<ProviderMarks> {
  loading ??= loadProviderMarksModule().then(
    (module) => (marks = module.PROVIDER_MARKS),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Loads the marks as soon as `store`'s settings enable a provider (before a form shows them). */
export function preloadProviderMarks(store: IdentityStore): void {
  const check = ({ settings }: IdentityState) => {
    if (!settings) return;
    unsubscribe();
    if (settings.providers.length > 0) loadProviderMarks().catch(() => undefined);
  };
  const unsubscribe = store.subscribe(check);
  check(store.state);
}
