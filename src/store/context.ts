import { createContext } from '@lit/context';
import type { IdentityStore } from './identity-store.js';

/** Provide an IdentityStore under this key to give a subtree its own store. */
export const identityStoreContext = createContext<IdentityStore>(
  Symbol.for('netlify-identity-elements.store-context'),
);
