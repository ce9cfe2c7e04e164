// Writes the JSX / template types for React, Vue and Svelte from the custom elements manifest, so
// they list exactly what the elements' JSDoc and decorators say. Run by `npm run build:manifest`
// (a plugin in custom-elements-manifest.config.mjs), after `build:lib` wrote dist/index.d.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER =
  '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n';

/** Every DOM event the package announces bubbles: a wrapper hears those of the elements inside it. */
const HEARS_ALL_EVENTS = new Set(['netlify-identity-provider']);
const ALL_EVENTS = [
  'netlify-identity-init',
  'netlify-identity-login',
  'netlify-identity-logout',
  'netlify-identity-signup',
  'netlify-identity-recovery',
  'netlify-identity-user-updated',
  'netlify-identity-token-refresh',
  'netlify-identity-error',
  'netlify-identity-open',
  'netlify-identity-close',
];

/** The public elements with what a framework may set on them and listen to. */
export function describeElements(manifest) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const properties = (declaration.members ?? []).filter(
        (member) =>
          member.kind === 'field' &&
          !member.static &&
          !member.readonly &&
          (member.privacy ?? 'public') === 'public',
      );
      const attributes = (declaration.attributes ?? []).filter(
        (attribute) => attribute.fieldName && attribute.fieldName !== attribute.name,
      );
      const events = HEARS_ALL_EVENTS.has(declaration.tagName)
        ? ALL_EVENTS.map((name) => ({ name, description: 'Bubbled up from an element inside.' }))
        : (declaration.events ?? []).filter((event) => ALL_EVENTS.includes(event.name));
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        modulePath: mod.path,
        summary: declaration.summary ?? '',
        properties,
        attributes,
        events,
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const doc = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()} */\n` : '';

/** `  theme?: NetlifyLogin['theme'];` lines: properties, then attributes whose name differs. */
function memberLines(element, indent) {
  let out = '';
  for (const property of element.properties) {
    out += doc(property.description, indent);
    out += `${indent}${property.name}?: ${element.className}['${property.name}'];\n`;
  }
  for (const attribute of element.attributes) {
    out += doc(attribute.description ?? `The \`${attribute.fieldName}\` property.`, indent);
    out += `${indent}'${attribute.name}'?: ${element.className}['${attribute.fieldName}'];\n`;
  }
  return out;
}

/** `  'onnetlify-identity-login'?: …;` lines: React 19 and Svelte 5 listen for `on` + event name. */
function eventPropLines(element, indent) {
  let out = '';
  for (const event of element.events) {
    out += doc(event.description, indent);
    out += `${indent}'on${event.name}'?: (event: IdentityEvent<'${event.name}'>) => void;\n`;
  }
  return out;
}

/** Each class from its own module (dist/elements/<name>/<name>.js), the event details from the store. */
function imports(elements, extra) {
  const classes = elements
    .map((element) => {
      const from = element.modulePath.replace(/^src\//, '../').replace(/\.ts$/, '.js');
      return `import type { ${element.className} } from '${from}';\n`;
    })
    .join('');
  return `${extra}import type { IdentityEventDetails } from '../store/index.js';
${classes}
/** The event a handler receives: a CustomEvent with the store's detail for that name. */
export type IdentityEvent<K extends keyof IdentityEventDetails> = CustomEvent<IdentityEventDetails[K]>;
`;
}

function propsTypeName(element) {
  return `${element.className}Props`;
}

export function reactTypes(elements) {
  let out = `${HEADER}// React 19: \`import type {} from 'netlify-identity-elements/react'\` once in the app.
// Properties are set as properties, \`on<event-name>\` props add event listeners.
${imports(elements, "import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n")}`;
  for (const element of elements) {
    out += `\n${doc(element.summary, '')}export interface ${propsTypeName(element)}
  extends DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}> {
${memberLines(element, '  ')}${eventPropLines(element, '  ')}}
`;
  }
  out += `\ndeclare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((element) => `      '${element.tag}': ${propsTypeName(element)};`).join('\n')}
    }
  }
}
`;
  return out;
}

export function svelteTypes(elements) {
  let out = `${HEADER}// Svelte 5: \`import type {} from 'netlify-identity-elements/svelte'\` once in the app.
// \`on<event-name>={handler}\` adds an event listener.
${imports(elements, "import type { HTMLAttributes } from 'svelte/elements';\n")}`;
  for (const element of elements) {
    out += `\n${doc(element.summary, '')}export interface ${propsTypeName(element)}
  extends HTMLAttributes<${element.className}> {
${memberLines(element, '  ')}${eventPropLines(element, '  ')}}
`;
  }
  out += `\ndeclare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map((element) => `    '${element.tag}': ${propsTypeName(element)};`).join('\n')}
  }
}
`;
  return out;
}

export function vueTypes(elements) {
  let out = `${HEADER}// Vue 3: \`import type {} from 'netlify-identity-elements/vue'\` once in the app, and tell the
// compiler these tags are custom elements (compilerOptions.isCustomElement).
// The shape follows Vue's guide for typing non-Vue custom elements (DefineCustomElement).
${imports(elements, "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';\n")}
type DefineCustomElement<Element extends HTMLElement, Props, Events> = new () => Element & {
  /** @deprecated For template type checking only; do not read it from a ref. */
  $props: HTMLAttributes & Props & PublicProps;
  /** @deprecated For template type checking only; do not read it from a ref. */
  $emit: EmitFn<Events>;
};
`;
  for (const element of elements) {
    out += `\n${doc(element.summary, '')}export interface ${propsTypeName(element)} {
${memberLines(element, '  ')}}
export interface ${element.className}Events {
${element.events
  .map(
    (event) =>
      `${doc(event.description, '  ')}  '${event.name}': (event: IdentityEvent<'${event.name}'>) => void;\n`,
  )
  .join('')}}
`;
  }
  out += `\ndeclare module 'vue' {
  interface GlobalComponents {
${elements
  .map(
    (element) =>
      `    '${element.tag}': DefineCustomElement<${element.className}, ${propsTypeName(element)}, ${element.className}Events>;`,
  )
  .join('\n')}
  }
}
`;
  return out;
}

export function writeFrameworkTypes(manifest, outDir) {
  const elements = describeElements(manifest);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'react.d.ts'), reactTypes(elements));
  writeFileSync(join(outDir, 'vue.d.ts'), vueTypes(elements));
  writeFileSync(join(outDir, 'svelte.d.ts'), svelteTypes(elements));
}
