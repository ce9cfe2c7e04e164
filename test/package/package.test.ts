// The published package as users get it: what `npm pack` ships, and every export importable in
// Node (SSR frameworks import the elements on the server) without touching window or document.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, unknown>;
  sideEffects: string[];
};

/** Subpaths with JavaScript; the framework ones (`./react`, `./vue`, `./svelte`) are types only. */
function hasCode(target: unknown): boolean {
  if (typeof target === 'string') return !target.endsWith('.json');
  const conditions = target as Record<string, unknown>;
  return ['default', 'node', 'import'].some((condition) => condition in conditions);
}

test('every export subpath imports in Node without touching window or document', async () => {
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (!hasCode(target)) continue;
    const specifier = `netlify-identity-elements${subpath.slice(1)}`;
    await assert.doesNotReject(import(specifier), `import('${specifier}')`);
  }
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
});

test('registering twice does not throw', async () => {
  // Specifiers in variables: the build these resolve to does not exist when the typecheck runs.
  const [all, login] = ['netlify-identity-elements', 'netlify-identity-elements/login'];
  await import(all);
  await import(login);
  await import(all);
});

test('npm pack ships the build, the manifest, the README and the licence, and nothing else', () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
  });
  const [pack] = JSON.parse(output) as [{ files: { path: string }[] }];
  const files = pack.files.map((file) => file.path);
  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'bin/netlify-identity-elements.js',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/store/index.js',
    'dist/elements/login/define.js',
    'dist/server/index.js',
    'dist/server/cli.js',
    'dist/server/vite.js',
    'dist/server/vite.d.ts',
    'dist/frameworks/react.d.ts',
    'dist/frameworks/vue.d.ts',
    'dist/frameworks/svelte.d.ts',
    'custom-elements.json',
  ]) {
    assert.ok(files.includes(required), `${required} is packed`);
  }
  const stray = files.filter(
    (file) =>
      /^(src|test|demo|server|scripts)\//.test(file) ||
      (file.endsWith('.ts') && !file.endsWith('.d.ts')),
  );
  assert.deepEqual(stray, []);
});

test('sideEffects names only the registering modules', () => {
  for (const entry of manifest.sideEffects) {
    assert.match(entry, /(index\.(js|ts)|define\.(js|ts)|demo\/\*)$/, entry);
  }
});

test('every export target exists in the build', () => {
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target as object);
    for (const file of files as string[]) assert.ok(existsSync(file), `${subpath}: ${file}`);
  }
});
