/** @jsxRuntime automatic */
// Server-side rendering with the elements: `npm run build`, then
// `node --import tsx examples/ssr/render.tsx [out.html]` prints (or writes) the page.
// The import below is the built package (dist/index.js): in Node it registers nothing and touches
// neither window nor document, so SSR frameworks can import it on the server.
import 'netlify-identity-elements';
import type {} from 'netlify-identity-elements/react';
import { writeFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';

function Page() {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Rendered on the server</title>
        <script type="module" src="/main.js"></script>
      </head>
      <body>
        <header>
          <netlify-identity-menu theme="auto"></netlify-identity-menu>
        </header>
        <main>
          <netlify-auth-callback redirect="/"></netlify-auth-callback>
          <netlify-login theme="auto" locale="en"></netlify-login>
          <netlify-identity-button>Log in to comment</netlify-identity-button>
        </main>
      </body>
    </html>
  );
}

/** The page as HTML: the elements are plain tags here and upgrade once main.js runs in the browser. */
export function renderPage(): string {
  return `<!doctype html>${renderToString(<Page />)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const html = renderPage();
  const out = process.argv[2];
  if (out) writeFileSync(out, html);
  else console.log(html);
}
