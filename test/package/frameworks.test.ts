// What frameworks get from the build: the custom elements manifest (from the elements' JSDoc and
// decorators), the React / Vue / Svelte types generated from it, and server-side rendering.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface Named {
  name: string;
  fieldName?: string;
  privacy?: string;
  kind?: string;
  type?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
const elements = new Map(
  manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).map((d) => [mod.path, d] as const))
    .filter(([, d]) => d.customElement && d.tagName)
    .map(([path, d]) => [d.tagName!, { path, declaration: d }]),
);

/** The JSDoc tags of the element's class comment, e.g. every `@csspart name`. */
function jsdocTags(source: string, tag: string): string[] {
  const comment = source.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class/)?.[1] ?? '';
  return [...comment.matchAll(new RegExp(`@${tag}\\s+(\\S+)?`, 'g'))].map((m) =>
    m[1] === '-' || m[1] === undefined ? '' : m[1],
  );
}

describe('custom-elements.json', () => {
  it('lists every element registered by the package, with its tag and summary', () => {
    const tags = readdirSync('src/elements', { withFileTypes: true })
      .map((entry) => join('src/elements', entry.name, 'define.ts'))
      .filter((define) => existsSync(define))
      .map((define) => readFileSync(define, 'utf8'))
      .flatMap((source) => [...source.matchAll(/defineElement\('([a-z-]+)'/g)].map((m) => m[1]!));
    assert.deepEqual([...elements.keys()].sort(), tags.sort());
    for (const [tag, { declaration }] of elements) assert.ok(declaration.summary, `${tag} summary`);
  });

  it("lists each element's JSDoc events, slots, CSS parts and CSS properties", () => {
    for (const [tag, { path, declaration }] of elements) {
      const source = readFileSync(path, 'utf8');
      const names = (list?: Named[]) => (list ?? []).map((item) => item.name);
      for (const event of jsdocTags(source, 'fires'))
        assert.ok(names(declaration.events).includes(event), `${tag} fires ${event}`);
      for (const slot of jsdocTags(source, 'slot'))
        assert.ok(names(declaration.slots).includes(slot), `${tag} slot "${slot}"`);
      for (const part of jsdocTags(source, 'csspart'))
        assert.ok(names(declaration.cssParts).includes(part), `${tag} part ${part}`);
      for (const property of jsdocTags(source, 'cssprop'))
        assert.ok(names(declaration.cssProperties).includes(property), `${tag} ${property}`);
    }
  });

  it('lists each public property and attribute, the inherited ones included, events typed', () => {
    const login = elements.get('netlify-login')!.declaration;
    const attributes = (login.attributes ?? []).map((a) => a.name).sort();
    assert.deepEqual(attributes, ['headless', 'locale', 'theme']);
    const signup = elements.get('netlify-signup')!.declaration;
    assert.ok(signup.attributes?.some((a) => a.name === 'name-placeholder'));
    assert.ok(signup.members?.some((m) => m.name === 'metadata' && m.privacy === undefined));
    const callback = elements.get('netlify-auth-callback')!.declaration;
    assert.ok(callback.attributes?.some((a) => a.name === 'redirect'));
    const provider = elements.get('netlify-identity-provider')!.declaration;
    assert.ok(provider.members?.some((m) => m.name === 'store'));
    const loginEvent = login.events?.find((e) => e.name === 'netlify-identity-login');
    assert.equal(loginEvent?.type?.text, 'CustomEvent<IdentityUserEventDetail>');
    // Every decorated @property of an element file is in the manifest.
    for (const [tag, { path, declaration }] of elements) {
      const source = readFileSync(path, 'utf8');
      for (const [, name] of source.matchAll(/@property\([^)]*\)\s+(?:get\s+)?(\w+)[?!]?\s*[:(=]/g))
        assert.ok(
          declaration.members?.some((m) => m.name === name),
          `${tag}.${name}`,
        );
    }
  });

  it('leaves the internal base classes out', () => {
    assert.ok(manifest.modules.every((mod) => !mod.path.startsWith('src/internal/')));
  });
});

describe('framework types', () => {
  it('type-check what React, Vue and Svelte apps write (and reject what they must not)', () => {
    // test/package/types/: fixtures with @ts-expect-error lines, plus the example apps' sources.
    execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'test/package/types'],
      {
        encoding: 'utf8',
      },
    );
  });

  it('declare every element for each framework, from modules the build has', () => {
    for (const framework of ['react', 'vue', 'svelte']) {
      const types = readFileSync(`dist/frameworks/${framework}.d.ts`, 'utf8');
      // skipLibCheck would quietly turn a missing module into `any`.
      for (const [, from] of types.matchAll(/from '(\.\.\/[^']+)\.js'/g))
        assert.ok(existsSync(join('dist/frameworks', `${from}.d.ts`)), `${framework}: ${from}`);
      for (const tag of elements.keys())
        assert.ok(types.includes(`'${tag}': `), `${framework} ${tag}`);
    }
  });
});

describe('server-side rendering (examples/ssr)', () => {
  it('renders the elements with React in Node, importing the package without a DOM', () => {
    const html = execFileSync(process.execPath, ['--import', 'tsx', 'examples/ssr/render.tsx'], {
      encoding: 'utf8',
    });
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<netlify-identity-menu theme="auto"><\/netlify-identity-menu>/);
    assert.match(html, /<netlify-login theme="auto" locale="en"><\/netlify-login>/);
    assert.match(html, /<netlify-auth-callback redirect="\/"><\/netlify-auth-callback>/);
    assert.match(html, /<netlify-identity-button>Log in to comment<\/netlify-identity-button>/);
  });
});
