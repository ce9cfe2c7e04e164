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

/** Minifies the static text of a css`` template: comments and spaces that CSS does not need. */
function minifyCssText(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/** Index just past the template literal whose opening backtick is at `start`. */
function endOfTemplate(code: string, start: number): number {
  let i = start + 1;
  while (i < code.length) {
    const char = code[i];
    if (char === '\\') i += 2;
    else if (char === '`') return i + 1;
    else if (char === '$' && code[i + 1] === '{') i = endOfExpression(code, i + 2);
    else i++;
  }
  throw new Error('unterminated template literal');
}

/** Index just past the `}` that closes an interpolation starting at `start`. */
function endOfExpression(code: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < code.length) {
    const char = code[i];
    if (char === '`') i = endOfTemplate(code, i);
    else if (char === "'" || char === '"') i = code.indexOf(char, i + 1) + 1;
    else {
      if (char === '{') depth++;
      if (char === '}' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Error('unterminated interpolation');
}

/**
 * Lit's css`` templates keep every space and comment of the source. Minifies their static parts
 * (never the `${…}` interpolations) in our own sources.
 */
function minifyCssTemplates(): Plugin {
  return {
    name: 'minify-css-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/src/') || !id.endsWith('.ts') || !code.includes('css`')) return null;
      let output = '';
      let from = 0;
      for (let at = code.indexOf('css`'); at !== -1; at = code.indexOf('css`', from)) {
        const open = at + 3;
        const close = endOfTemplate(code, open);
        output += code.slice(from, open + 1);
        // Static text between interpolations is minified; each interpolation is copied as is.
        let i = open + 1;
        let text = '';
        while (i < close - 1) {
          if (code[i] === '$' && code[i + 1] === '{') {
            const end = endOfExpression(code, i + 2);
            output += minifyCssText(text) + code.slice(i, end);
            text = '';
            i = end;
          } else {
            text += code[i];
            i++;
          }
        }
        output += minifyCssText(text) + '`';
        from = close;
      }
      return { code: output + code.slice(from), map: null };
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
  plugins: [swapLocaleLoader(), browserOnlyIdentity(), minifyCssTemplates(), dedentTemplates()],
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    // ES2022: private fields and methods stay native instead of WeakMap helpers.
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/cdn/index.ts',
      formats: ['iife'],
      name: 'netlifyIdentityElements',
      fileName: () => 'netlify-identity.js',
    },
  },
});
