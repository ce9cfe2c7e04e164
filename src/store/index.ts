export { IdentityStore } from './identity-store.js';
export type {
  CallbackState,
  IdentitySettings,
  IdentityState,
  OAuthProvider,
  SignupResult,
} from './identity-store.js';
export { getIdentityStore } from './default-store.js';
export { identityStoreContext } from './context.js';
export { IdentityError } from './errors.js';
export type { IdentityErrorCode, IdentityOperation } from './errors.js';
export type {
  IdentityErrorEventDetail,
  IdentityEventDetails,
  IdentityEventName,
  IdentityOpenEventDetail,
  IdentityTab,
  IdentityUserEventDetail,
} from './events.js';
export type { User } from '@netlify/identity';
