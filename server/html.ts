import { IDENTITY_PATH } from './paths.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export const STYLESHEET_PATH = `${IDENTITY_PATH}/__pages/style.css`;

/** The shell of the server's own pages: no script, one linked stylesheet (fits a strict CSP). */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="site-header">
  <a class="brand" href="/"><span aria-hidden="true">←</span> Back to the site</a>
  <span class="meta">Local Netlify Identity</span>
</header>
${body}
</body>
</html>
`;
}

/** The same palette as the demo and the elements' default theme: one accent colour everywhere. */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #f3f4f6;
  --card: #ffffff;
  --text: #1f2328;
  --muted: #59636e;
  --line: #d0d7de;
  --field: #818b98;
  --accent: #1d4ed8;
  --accent-hover: #1e40af;
  --accent-text: #ffffff;
  --badge: #dbeafe;
  --focus: #0b5fff;
  --error: #c41d2a;
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --card: #151b23;
    --text: #e6edf3;
    --muted: #9198a1;
    --line: #3d444d;
    --field: #656c76;
    --accent: #6ea8ff;
    --accent-hover: #9cc3ff;
    --accent-text: #0d1117;
    --badge: #1c2b45;
    --focus: #79b8ff;
    --error: #ff8182;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); overflow-wrap: anywhere; }
.site-header {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem 1.5rem;
  padding: 0.75rem clamp(1rem, 4vw, 1.5rem); background: var(--card); border-bottom: 1px solid var(--line);
}
.site-header .brand { font-weight: 700; color: inherit; text-decoration: none; }
.site-header .brand:hover { text-decoration: underline; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem clamp(1rem, 4vw, 1.5rem) 4rem; }
main.narrow { max-width: 28rem; }
header.page-head { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin-bottom: 1.5rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.25rem; }
p.lede { color: var(--muted); margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1.25rem clamp(1rem, 4vw, 1.5rem); }
.mails { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.mail { display: grid; gap: 0.35rem; }
.mail p { margin: 0; }
.mail-head { display: flex; gap: 0.75rem; align-items: baseline; flex-wrap: wrap; }
.mail-subject { font-weight: 600; font-size: 1.05rem; margin: 0; }
.badge { background: var(--badge); color: var(--accent); border-radius: 999px; padding: 0.05rem 0.6rem; font-size: 0.8rem; font-weight: 600; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0; }
.link { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85rem; }
.button, button {
  display: inline-block; font: inherit; font-weight: 600; border-radius: 0.5rem; padding: 0.5rem 1.1rem; min-height: 2.5rem;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); cursor: pointer; text-decoration: none;
}
.button:hover, button:hover { background: var(--accent-hover); border-color: var(--accent-hover); }
button.secondary, .button.secondary { background: transparent; color: var(--text); border-color: var(--field); }
button.secondary:hover, .button.secondary:hover { border-color: var(--accent); background: transparent; }
.empty { text-align: center; color: var(--muted); padding: 2.5rem 1rem; margin: 0; }
form { display: grid; gap: 1rem; }
label { display: grid; gap: 0.3rem; font-weight: 600; }
input { font: inherit; font-weight: 400; min-height: 2.5rem; padding: 0.4rem 0.75rem; border: 1px solid var(--field); border-radius: 0.5rem; background: var(--card); color: var(--text); }
.actions { display: flex; gap: 0.75rem; justify-content: flex-end; flex-wrap: wrap; }
.provider { display: flex; align-items: center; gap: 0.75rem; margin-bottom: 1.25rem; }
.provider img { border-radius: 50%; flex: none; }
.error { color: var(--error); border: 1px solid var(--error); border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin: 0; }
.note { color: var(--muted); font-size: 0.85rem; margin: 1.25rem 0 0; }
`;
