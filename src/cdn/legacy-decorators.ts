// The CDN bundle's stand-in for lit/decorators.js. The sources are compiled with TypeScript's
// experimental decorators (Lit's documented setting), so the half of Lit's decorators that serves
// standard decorators is dead code here: this is the other half alone, for the two the elements use.
import type { PropertyDeclaration, ReactiveElement } from 'lit';

export function property(options?: PropertyDeclaration) {
  return (proto: object, name: PropertyKey): PropertyDescriptor | undefined => {
    // A decorated accessor keeps its own getter and setter, wrapped by createProperty.
    const own = Object.prototype.hasOwnProperty.call(proto, name);
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);
    return own ? Object.getOwnPropertyDescriptor(proto, name) : undefined;
  };
}

export function state(options?: PropertyDeclaration) {
  return property({ ...options, state: true, attribute: false });
}
