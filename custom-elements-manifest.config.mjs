// `npm run build:manifest`: writes custom-elements.json from the elements' JSDoc (never by hand),
// then the framework types in dist/frameworks/ from that manifest.
import { readFileSync } from 'node:fs';
import { writeFrameworkTypes } from './scripts/framework-types.mjs';

/**
 * The elements register through `defineElement()` in their define.ts, which the analyzer does not
 * recognise; each element file declares its tag in `HTMLElementTagNameMap`, so read it from there.
 */
function tagNamesFromTagNameMap() {
  return {
    name: 'netlify-identity: tag names from HTMLElementTagNameMap',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'HTMLElementTagNameMap') return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        if (!ts.isStringLiteral(member.name) || !ts.isTypeReferenceNode(member.type)) continue;
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: member.name.text,
          declaration: { name: member.type.typeName.getText(), module: moduleDoc.path },
        });
      }
    },
  };
}

/** Gives each documented `@fires` event its type, as declared in `GlobalEventHandlersEventMap`. */
function eventTypesFromEventMap() {
  const source = readFileSync('src/store/events.ts', 'utf8');
  const block = source.slice(source.indexOf('interface GlobalEventHandlersEventMap'));
  const types = new Map(
    [...block.matchAll(/'(netlify-identity-[a-z-]+)': (CustomEvent<[^;]+>);/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  return {
    name: 'netlify-identity: event types',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const type = types.get(event.name);
            if (type && !event.type) event.type = { text: type };
          }
        }
      }
    },
  };
}

/**
 * The base classes live in src/internal/ so that inheritance (theme, locale, headless) resolves;
 * they are not public API, so they leave the manifest once it has been applied.
 */
function dropInternalModules() {
  return {
    name: 'netlify-identity: drop internal modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (mod) => !mod.path.startsWith('src/internal/'),
      );
    },
  };
}

function frameworkTypes() {
  return {
    name: 'netlify-identity: framework types',
    packageLinkPhase({ customElementsManifest }) {
      writeFrameworkTypes(customElementsManifest, 'dist/frameworks');
    },
  };
}

export default {
  globs: [
    'src/elements/**/*.ts',
    'src/internal/identity-element.ts',
    'src/internal/form-element.ts',
  ],
  exclude: ['src/elements/**/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    tagNamesFromTagNameMap(),
    eventTypesFromEventMap(),
    dropInternalModules(),
    frameworkTypes(),
  ],
};
