import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The npm build loads a language with a dynamic import, which an IIFE would inline (every language
 * in the bundle). The CDN bundle swaps in a loader of the script files beside it instead.
 */
function swapLocaleLoader(): Plugin {
  const npmLoader = resolve('src/localize/load-messages.ts');
  const cdnLoader = resolve('src/cdn/load-messages.ts');
  return {
    name: 'swap-locale-loader',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === npmLoader ? cdnLoader : null;
    },
  };
}

/**
 * @netlify/identity runs in browsers and on servers, choosing at run time with `isBrowser()`. This
 * bundle only ever runs in a browser, so its server branches (cookie jars of Netlify Functions,
 * Next.js headers, admin calls) are dead code: answering `isBrowser()` at build time lets the
 * minifier drop them.
 */
function browserOnlyIdentity(): Plugin {
  return {
    name: 'browser-only-identity',
    transform(code, id) {
      if (!id.includes('node_modules/@netlify/identity/')) return null;
      return { code: code.replace(/\bisBrowser\(\)/g, 'true'), map: null };
    },
  };
}

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
  plugins: [swapLocaleLoader(), browserOnlyIdentity(), dedentTemplates()],
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
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
