import type { Handler, Route } from '../context.js';
import { parseFault } from '../faults.js';
import { apiError, readJson, html, json } from '../http.js';
import { renderMailbox } from '../mailbox.js';
import { IDENTITY_PATH } from '../paths.js';
import { mergeSettings, settingsJson } from '../settings.js';

/** The longest access-token lifetime the dev control accepts: a day. */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const listMail: Handler = async (_ctx, services) => json(200, services.mail.list());

const showMailbox: Handler = async (_ctx, services) =>
  html(200, renderMailbox(services.mail.list(), `${IDENTITY_PATH}/__dev/mailbox`));

const updateSettings: Handler = async (ctx, services) => {
  services.settings = mergeSettings(services.settings, await readJson(ctx.req, 'settings'));
  return json(200, settingsJson(services.settings));
};

const reset: Handler = async (_ctx, services) => {
  services.reset();
  return json(200, {});
};

const addFault: Handler = async (ctx, services) => {
  const fault = parseFault(await readJson(ctx.req, 'fault'));
  services.faults.add(fault);
  return json(201, fault);
};

const listFaults: Handler = async (_ctx, services) => json(200, services.faults.list());

const clearFaults: Handler = async (_ctx, services) => {
  services.faults.clear();
  return json(200, {});
};

const setTokenLifetime: Handler = async (ctx, services) => {
  const { seconds } = await readJson(ctx.req, 'token lifetime');
  if (
    !Number.isInteger(seconds) ||
    (seconds as number) < 1 ||
    (seconds as number) > MAX_TOKEN_LIFETIME_SECONDS
  ) {
    throw apiError(422, `seconds must be an integer from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}`);
  }
  services.accessTokens.lifetimeSeconds = seconds as number;
  return json(200, { seconds });
};

/** Development controls: only mounted when the app is started for development. */
export const devRoutes: Route[] = [
  { method: 'GET', path: '/__dev/mail', handler: listMail },
  { method: 'GET', path: '/__dev/mailbox', handler: showMailbox },
  { method: 'PUT', path: '/__dev/settings', handler: updateSettings },
  { method: 'POST', path: '/__dev/reset', handler: reset },
  { method: 'GET', path: '/__dev/faults', handler: listFaults },
  { method: 'POST', path: '/__dev/faults', handler: addFault },
  { method: 'DELETE', path: '/__dev/faults', handler: clearFaults },
  { method: 'PUT', path: '/__dev/token-lifetime', handler: setTokenLifetime },
].map((route) => ({ ...route, sameOriginOnly: true }));
