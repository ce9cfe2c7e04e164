// Type-checked by framework-types.test.ts against the built package: what a React 19 app may
// write, and (@ts-expect-error) what it may not.
import type { IdentityStore } from 'netlify-identity-elements';
import type {} from 'netlify-identity-elements/react';

declare const store: IdentityStore;

export const accepted = (
  <netlify-identity-provider store={store} onnetlify-identity-init={(event) => event.detail.user}>
    <netlify-identity-menu theme="dark" locale="fr" className="menu" />
    <netlify-identity-button onnetlify-identity-open={(event) => event.detail.tab satisfies string}>
      Log in to comment
    </netlify-identity-button>
    <netlify-login
      headless
      onnetlify-identity-login={(event) => event.detail.user?.email}
      onnetlify-identity-error={(event) => event.detail.error.code satisfies string}
    />
    <netlify-signup name-placeholder="Ada" metadata={{ plan: 'free' }} />
    <netlify-auth-callback redirect="/welcome" />
    <netlify-identity-modal namePlaceholder="Ada" logo="/logo.svg" />
  </netlify-identity-provider>
);

export const rejected = (
  <>
    {/* @ts-expect-error not a theme */}
    <netlify-login theme="purple" />
    {/* @ts-expect-error a login's detail has no tab */}
    <netlify-login onnetlify-identity-login={(event) => event.detail.tab} />
    {/* @ts-expect-error the menu has no redirect */}
    <netlify-identity-menu redirect="/" />
  </>
);
