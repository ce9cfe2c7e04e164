import type { Route } from '../context.js';
import { json } from '../http.js';
import { settingsJson } from '../settings.js';

export const settingsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/settings',
    handler: async (_ctx, services) => json(200, settingsJson(services.settings)),
  },
];
