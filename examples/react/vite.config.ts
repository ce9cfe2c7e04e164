import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { netlifyIdentity } from '../../server/vite.js';

// In an app of your own: `import { netlifyIdentity } from 'netlify-identity-elements/vite'`, and no
// alias (the alias makes this example use the repo's npm build, `npm run build`, with no publish step).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), netlifyIdentity()],
  resolve: {
    alias: [
      {
        find: /^netlify-identity-elements$/,
        replacement: fileURLToPath(new URL('../../dist/index.js', import.meta.url)),
      },
    ],
  },
});
