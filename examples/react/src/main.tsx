import 'netlify-identity-elements';
import type {} from 'netlify-identity-elements/react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  // React 19 sets properties on custom elements and listens to `on<event-name>` props.
  const [email, setEmail] = useState<string | null>(null);

  useEffect(() => {
    // On page load the store restores a saved session and says so on `document`.
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
