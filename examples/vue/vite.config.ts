import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { netlifyIdentity } from '../../server/vite.js';

// In an app of your own: `import { netlifyIdentity } from 'netlify-identity-elements/vite'`, and no
// alias (the alias makes this example use the repo's npm build, `npm run build`, with no publish step).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    vue({
      template: {
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('netlify-') },
      },
    }),
    netlifyIdentity(),
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
