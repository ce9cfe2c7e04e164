import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * Drops the indentation that template literals (Lit's html and css) carry into the bundle. A run of
 * whitespace after a newline renders the same as the newline alone, in markup and in CSS.
 */
function dedentTemplates(): Plugin {
  return {
    name: 'dedent-templates',
    renderChunk(code) {
      return { code: code.replace(/\n[ \t]+/g, '\n'), map: null };
    },
  };
}

// The CDN bundle: one classic script with Lit and @netlify/identity inlined. The npm build (tsc)
// keeps bare imports instead; neither is built from the other.
export default defineConfig({
  publicDir: false,
  plugins: [dedentTemplates()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: true,
    lib: {
      entry: 'src/cdn/index.ts',
      formats: ['iife'],
      name: 'netlifyIdentityElements',
      fileName: () => 'netlify-identity.js',
    },
  },
});
