import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The npm build loads languages, the identity client and the modal with dynamic imports, which an
 * IIFE would inline. The CDN bundle swaps in loaders of the script files beside it instead, Lit's
 * decorators for their legacy half (src/cdn/legacy-decorators.ts), and Lit's css tag for the
 * core's (src/cdn/lit-css-tag.ts).
 */
function swapLoaders(): Plugin {
  const swaps = new Map([
    [resolve('src/localize/load-messages.ts'), resolve('src/cdn/load-messages.ts')],
    [resolve('src/store/load-client.ts'), resolve('src/cdn/load-client.ts')],
    [resolve('src/elements/modal/load-modal.ts'), resolve('src/cdn/load-modal.ts')],
    [resolve('src/elements/modal/load-views.ts'), resolve('src/cdn/load-views.ts')],
    [resolve('src/internal/load-provider-marks.ts'), resolve('src/cdn/load-provider-marks.ts')],
  ]);
  return {
    name: 'swap-loaders',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === 'lit/decorators.js') return resolve('src/cdn/legacy-decorators.ts');
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id.replace(/\\/g, '/').endsWith('/@lit/reactive-element/css-tag.js')) {
        return resolve('src/cdn/lit-css-tag.ts');
      }
      return (resolved && swaps.get(resolved.id)) ?? null;
    },
  };
}

/** The parts of the CDN bundle, each a classic script beside it: `netlify-identity-<part>.js`. */
const PARTS: Record<string, string> = {
  client: 'src/cdn/chunks/client.ts',
  views: 'src/cdn/chunks/views.ts',
  signup: 'src/cdn/chunks/signup.ts',
  account: 'src/cdn/chunks/account.ts',
  callback: 'src/cdn/chunks/callback.ts',
  providers: 'src/cdn/chunks/providers.ts',
};

/** The parts built on the views part, sharing its modules (Lit, the forms). */
const ON_VIEWS = new Set(['signup', 'account', 'callback', 'providers']);

/** Lit's modules that the views part publishes as one namespace (`lit` re-exports them all). */
const LIT_FILES = [
  'lit/index.js',
  'lit-html/lit-html.js',
  'lit-html/is-server.js',
  'lit-element/lit-element.js',
  '@lit/reactive-element/reactive-element.js',
];

/** The registry's name for a shared module, or undefined when the part bundles its own copy. */
function sharedName(id: string, shared: ReadonlySet<string>): string | undefined {
  const path = id.split('?')[0]!.replace(/\\/g, '/');
  if (shared.has('lit') && LIT_FILES.some((file) => path.endsWith(`/node_modules/${file}`))) {
    return 'lit';
  }
  const name = relative(resolve('src'), path)
    .replace(/\\/g, '/')
    .replace(/\.ts$/, '')
    .replace(/[/-]/g, (char) => (char === '/' ? '__' : '_'));
  return shared.has(name) ? name : undefined;
}

/**
 * A part imports the core's modules from the registry the core publishes (src/cdn/shared.ts), so
 * one copy of each runs. Wrapped so that the registry is a local of the part, not a global.
 */
function sharedWithCore(part: string): Plugin {
  const sources = [
    'src/cdn/shared.ts',
    ...(ON_VIEWS.has(part) ? ['src/cdn/chunks/views-shared.ts'] : []),
  ];
  const published = sources.map((file) => readFileSync(file, 'utf8')).join('\n');
  const shared = new Set([...published.matchAll(/^ {2}(\w+)[,:]/gm)].map((match) => match[1]!));
  return {
    name: 'shared-with-core',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const name = resolved && sharedName(resolved.id, shared);
      return name ? { id: `netlify-identity-shared:${name}`, external: true } : null;
    },
  };
}

/**
 * The errors the core raises itself: a part that cannot load, the settings answer. Every other
 * error is read from an answer by the identity client, so its message comes with the client part.
 */
const CORE_ERRORS = /^error\.(network|unknown|server|rate_limited|identity_unavailable)$/;

/** Which parts show an English message: the core's elements, the views, the account, the auth links. */
function partsShowing(key: string): string[] {
  // The menu names the user's account button and the gate says who may see it before any part loads.
  if (/^(action\.(login|signup|logout)$|gate\.)/.test(key) || CORE_ERRORS.test(key)) {
    return ['production'];
  }
  if (/^error\./.test(key)) return ['client'];
  if (key === 'account.title') return ['production'];
  if (key === 'field.newPassword') return ['account', 'callback'];
  if (key === 'field.name') return ['signup', 'account'];
  if (/^signup\./.test(key)) return ['signup'];
  if (/^(account\.|status\.saving$)/.test(key)) return ['account'];
  if (/^(recovery|invite|callback)\.|^action\.dismiss$/.test(key)) return ['callback'];
  return ['views'];
}

/**
 * English is built in, but each part needs only the messages of its own elements: the core gets
 * the menu's and the button's, each part its own (read from the npm build, dist/locales/en.js,
 * built before this), and adds them to the catalog as it loads.
 */
function splitEnglish(mode: string): Plugin {
  const source = resolve('src/locales/en.ts');
  return {
    name: 'split-english',
    async load(id) {
      if (id !== source) return null;
      const { en } = (await import(pathToFileURL(resolve('dist/locales/en.js')).href)) as {
        en: Record<string, string>;
      };
      const messages = Object.fromEntries(
        Object.entries(en).filter(([key]) => partsShowing(key).includes(mode)),
      );
      return `export const en = ${JSON.stringify(messages)};`;
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

// The CDN bundle: a classic script with Lit inlined (the core), and one classic script per part
// (`vite build --mode <part>`, after the core). The npm build (tsc) keeps bare imports instead;
// neither is built from the other.
export default defineConfig(({ mode }) => {
  const part = PARTS[mode];
  return {
    publicDir: false,
    plugins: [
      ...(part ? [sharedWithCore(mode)] : []),
      swapLoaders(),
      splitEnglish(mode),
      browserOnlyIdentity(),
      minifyCssTemplates(),
      dedentTemplates(),
    ],
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'dist/cdn',
      // The core's build starts afresh; the parts are written beside it.
      emptyOutDir: !part,
      // ES2022: private fields and methods stay native instead of WeakMap helpers.
      target: 'es2022',
      sourcemap: true,
      lib: {
        entry: part ?? 'src/cdn/index.ts',
        formats: ['iife'],
        name: 'netlifyIdentityElements',
        fileName: () => (part ? `netlify-identity-${mode}.js` : 'netlify-identity.js'),
      },
      rolldownOptions: {
        output: {
          ...(part && {
            globals: (id: string) => `shared.${id.replace('netlify-identity-shared:', '')}`,
            banner:
              "(function(){var shared=globalThis[Symbol.for('netlify-identity-elements.cdn')].shared;",
            footer: '})();',
          }),
        },
      },
    },
  };
});
