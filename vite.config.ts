import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Builds the demo that `npm start` serves, from the npm build in dist/ as an app would use it
// (the npm build is plain `tsc`; the CDN bundle has its own config).
export default defineConfig({
  root: 'demo',
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, '.demo-build'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        cdn: resolve(import.meta.dirname, 'demo/cdn.html'),
        theming: resolve(import.meta.dirname, 'demo/theming.html'),
        members: resolve(import.meta.dirname, 'demo/members/index.html'),
        account: resolve(import.meta.dirname, 'demo/account.html'),
      },
    },
  },
  esbuild: { target: 'es2022' },
});
