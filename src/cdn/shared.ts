// The modules of the core bundle that its parts (client, views) import. The parts are built with
// these imports pointing at the registry (see vite.cdn.config.ts), so one copy of each runs: one
// store, one set of catalogs, one modal loader. The names are the module paths under src/, `/` as
// `__`; Lit itself is in the views part (the core's elements do without it).
import * as chunkLoader from './chunk-loader.js';
import * as modalLoader from '../elements/modal/modal-loader.js';
import * as define from '../internal/define.js';
import * as idle from '../internal/idle.js';
import * as storeController from '../internal/store-controller.js';
import * as localize from '../localize/localize.js';
import * as callbackHash from '../store/callback-hash.js';
import * as cookies from '../store/cookies.js';
import * as defaultStore from '../store/default-store.js';
import * as errors from '../store/errors.js';
import * as events from '../store/events.js';
import * as storedSession from '../store/stored-session.js';
import * as css from '../styles/css.js';
import * as tokens from '../styles/tokens.js';

export const SHARED_MODULES: Record<string, unknown> = {
  cdn__chunk_loader: chunkLoader,
  elements__modal__modal_loader: modalLoader,
  internal__define: define,
  internal__idle: idle,
  internal__store_controller: storeController,
  localize__localize: localize,
  store__callback_hash: callbackHash,
  store__cookies: cookies,
  store__default_store: defaultStore,
  store__errors: errors,
  store__events: events,
  store__stored_session: storedSession,
  styles__css: css,
  styles__tokens: tokens,
};
