import type { User } from '@netlify/identity';
import type { IdentityErrorCode } from './errors.js';

/** The tabs the modal can open on. */
export type IdentityTab = 'login' | 'signup';

/**
 * What the modal shows when it opens (`netlify-identity-open`'s `detail.tab`): a tab, the account
 * view, or the step a mail link or OAuth return led to.
 */
export type IdentityOpenTab = IdentityTab | 'account' | 'recovery' | 'invite' | 'callback';

export interface IdentityUserEventDetail {
  user: User | null;
}
export interface IdentityErrorEventDetail extends IdentityUserEventDetail {
  error: { code: IdentityErrorCode; message: string; status: number | undefined };
}
export interface IdentityOpenEventDetail {
  tab: IdentityOpenTab;
}

/** Every DOM event the elements and the store announce, by name. */
export interface IdentityEventDetails {
  'netlify-identity-init': IdentityUserEventDetail;
  'netlify-identity-login': IdentityUserEventDetail;
  'netlify-identity-logout': IdentityUserEventDetail;
  'netlify-identity-signup': IdentityUserEventDetail;
  'netlify-identity-recovery': IdentityUserEventDetail;
  'netlify-identity-user-updated': IdentityUserEventDetail;
  'netlify-identity-token-refresh': IdentityUserEventDetail;
  'netlify-identity-error': IdentityErrorEventDetail;
  'netlify-identity-open': IdentityOpenEventDetail;
  'netlify-identity-close': Record<string, never>;
}

export type IdentityEventName = keyof IdentityEventDetails;

/** Dispatches a bubbling, composed event on the element that caused it, else on `document`. */
export function announce<K extends IdentityEventName>(
  name: K,
  detail: IdentityEventDetails[K],
  origin?: EventTarget | null,
): void {
  const target = origin instanceof Node && origin.isConnected ? origin : document;
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'netlify-identity-init': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-login': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-logout': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-signup': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-recovery': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-user-updated': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-token-refresh': CustomEvent<IdentityUserEventDetail>;
    'netlify-identity-error': CustomEvent<IdentityErrorEventDetail>;
    'netlify-identity-open': CustomEvent<IdentityOpenEventDetail>;
    'netlify-identity-close': CustomEvent<Record<string, never>>;
  }
}
