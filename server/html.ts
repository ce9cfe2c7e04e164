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
${body}
</body>
</html>
`;
}

export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #f4f5f7;
  --card: #ffffff;
  --text: #1d2433;
  --muted: #5d6678;
  --line: #dfe3ea;
  --accent: #00857a;
  --accent-text: #ffffff;
  --badge: #e8f3f2;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161f;
    --card: #1b212d;
    --text: #e7eaf0;
    --muted: #9aa3b5;
    --line: #2c3443;
    --accent: #32c5b4;
    --accent-text: #06201d;
    --badge: #1f3432;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
main.narrow { max-width: 26rem; }
header { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
p.lede { color: var(--muted); margin: 0 0 1.5rem; }
a { color: var(--accent); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1.25rem; }
.mails { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.mail { display: grid; gap: 0.35rem; }
.mail p { margin: 0; }
.mail-head { display: flex; gap: 0.75rem; align-items: baseline; flex-wrap: wrap; }
.mail-subject { font-weight: 600; font-size: 1.05rem; margin: 0; }
.badge { background: var(--badge); color: var(--accent); border-radius: 999px; padding: 0.05rem 0.6rem; font-size: 0.8rem; font-weight: 600; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0; overflow-wrap: anywhere; }
.link { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85rem; }
.button, button {
  display: inline-block; font: inherit; font-weight: 600; border-radius: 0.5rem; padding: 0.55rem 1.1rem;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); cursor: pointer; text-decoration: none;
}
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
.empty { text-align: center; color: var(--muted); padding: 2.5rem 1rem; }
form { display: grid; gap: 1rem; }
label { display: grid; gap: 0.3rem; font-weight: 600; }
input { font: inherit; font-weight: 400; padding: 0.55rem 0.7rem; border: 1px solid var(--line); border-radius: 0.5rem; background: var(--bg); color: var(--text); }
.actions { display: flex; gap: 0.75rem; justify-content: flex-end; }
.provider { display: flex; align-items: center; gap: 0.75rem; margin-bottom: 1rem; }
.provider img { border-radius: 50%; }
.error { color: #c62828; font-weight: 600; margin: 0; }
.note { color: var(--muted); font-size: 0.85rem; margin: 1rem 0 0; }
`;
