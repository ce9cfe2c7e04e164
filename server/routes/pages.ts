import type { Route } from '../context.js';
import { STYLESHEET } from '../html.js';

export const pageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/__pages/style.css',
    handler: async () => ({
      status: 200,
      headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' },
      body: STYLESHEET,
    }),
  },
];
