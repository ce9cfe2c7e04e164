import type { Route } from '../context.js';
import { sendJson } from '../http.js';
import { settingsJson } from '../settings.js';

export const settingsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/settings',
    handler: async (ctx, services) => sendJson(ctx.res, 200, settingsJson(services.settings)),
  },
];
