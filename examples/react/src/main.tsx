import { getIdentityStore } from 'netlify-identity-elements';
import type {} from 'netlify-identity-elements/react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  // React 19 sets properties on custom elements and listens to `on<event-name>` props.
  // The session stored on the device is known at once; `init` may have fired before this mounted.
  const [email, setEmail] = useState(() => getIdentityStore().state.user?.email ?? null);

  useEffect(() => {
    // When the server finds the stored session dead, `logout` follows; `init` on document.
    const handleInit = (event: GlobalEventHandlersEventMap['netlify-identity-init']) =>
      setEmail(event.detail.user?.email ?? null);
    document.addEventListener('netlify-identity-init', handleInit);
    return () => document.removeEventListener('netlify-identity-init', handleInit);
  }, []);

  return (
    <>
      <header>
        <netlify-identity-menu
          onnetlify-identity-logout={() => setEmail(null)}
        ></netlify-identity-menu>
      </header>
      <main>
        <p>
          Logged in as: <output data-testid="framework-user">{email ?? 'nobody'}</output>
        </p>
        {email ? null : (
          <netlify-login
            theme="auto"
            onnetlify-identity-login={(event) => setEmail(event.detail.user?.email ?? null)}
          ></netlify-login>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
