import { fileURLToPath } from 'node:url';
import netlify from '@netlify/vite-plugin';
import { defineConfig } from 'vite';
import { netlifyIdentity } from '../../server/vite.js';

// Roles on a laptop: Netlify's own local runtime (@netlify/vite-plugin, Node 22.12+) runs the
// site's functions; the local identity server answers /.netlify/identity, calls the Identity event
// functions, and gives the runtime's functions its URL and an admin token (X-Nf-Identity-Info).
// In an app of your own: `import { netlifyIdentity } from 'netlify-identity-elements/vite'`, and no
// alias (the alias makes this example use the repo's npm build, `npm run build`).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    netlifyIdentity({ projectRoot: import.meta.dirname }),
    // Edge functions need Deno, downloaded on first use; this example has none.
    netlify({ edgeFunctions: { enabled: false }, database: { enabled: false } }),
  ],
  resolve: {
    alias: [
      {
        find: /^netlify-identity-elements$/,
        replacement: fileURLToPath(new URL('../../dist/index.js', import.meta.url)),
      },
    ],
  },
});
